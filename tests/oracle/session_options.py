# SQLAlchemy(app, session_options=...): expire_on_commit and autoflush; begin_nested() flushes
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app, session_options={'expire_on_commit': False, 'autoflush': False})


class Gadget(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


with app.app_context():
    db.create_all()
    g = Gadget(name='phone')
    db.session.add(g)
    db.session.commit()
    print('name' in g.__dict__, g.id)
    db.session.execute(text("UPDATE gadget SET name = 'tablet'"))
    db.session.commit()
    print(g.name)
    db.session.refresh(g)
    print(g.name)
    # no autoflush: a query does not see the pending object
    db.session.add(Gadget(name='watch'))
    print(Gadget.query.count())
    db.session.flush()
    print(Gadget.query.count())
    # begin_nested() flushes anyway, even inside no_autoflush
    t = Gadget(name='pad')
    db.session.add(t)
    with db.session.no_autoflush:
        with db.session.begin_nested():
            print(t.id)
        print(Gadget.query.count())
    db.session.commit()
    print(sorted(x.name for x in Gadget.query.all()))
