# Query.update()/delete() refuse limit()/offset(); bulk UPDATEs set onupdate= columns;
# Query.get() refuses a query with criteria; one_or_404() of several rows is a 404;
# db.paginate(select(a, b)) pages the first column; select() rows de-duplicate their keys;
# SQLAlchemy(app) / init_app(app) leave the in-memory URI in the app's config.
class Part(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    qty = db.Column(db.Integer)
    updated = db.Column(db.DateTime, onupdate=datetime(2024, 2, 2))
    note = db.Column(db.String(20), onupdate=lambda: 'changed')


db.create_all()
db.session.add_all([Part(qty=1), Part(qty=2), Part(qty=3)])
db.session.commit()
for f in [lambda: Part.query.order_by(Part.id).limit(1).delete(),
          lambda: Part.query.offset(1).update({'qty': Part.qty + 10}),
          lambda: Part.query.filter(Part.id > 0).get(1),
          lambda: Part.query.limit(1).get_or_404(1),
          lambda: Part.query.order_by(Part.id).get(1),
          lambda: Part.query.one_or_404(),
          lambda: Part.query.filter_by(qty=9).one_or_404()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(Part.query.count())
print(Part.query.filter(Part.qty > 1).update({Part.qty: Part.qty + 1}))
db.session.execute(db.update(Part).where(Part.id == 1).values(qty=5))
print(db.session.execute(text('select id, qty, updated, note from part order by id')).all())
print(db.paginate(select(Part.qty, Part.id).order_by(Part.id), per_page=2).items)
r = db.session.execute(select(func.count(Part.qty), func.sum(Part.qty), func.count(Part.id), Part.qty, Part.qty)).first()
print(r._fields, r.count_1, r.qty_1)
print(db.session.execute(select(func.max(Part.qty), func.max(Part.id))).mappings().first())
print(db.session.query(func.max(Part.qty), Part.qty, Part.qty).first()._fields)

from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app2 = Flask(__name__)
app2.config['SQLALCHEMY_DATABASE_URI'] = 'sqlite:///app.db'
app2.config['SQLALCHEMY_BINDS'] = {'logs': 'sqlite:///logs.db'}
db2 = SQLAlchemy()
db2.init_app(app2)
print(app2.config['SQLALCHEMY_DATABASE_URI'], app2.config['SQLALCHEMY_BINDS'], app2.config['SQLALCHEMY_ECHO'])
