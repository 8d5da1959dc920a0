from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import text
app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db = SQLAlchemy(app)
class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20), unique=True)
    qty = db.Column(db.Integer, default=0)
with app.app_context():
    db.create_all()
    r = db.session.execute(text("INSERT INTO item (name, qty) VALUES (:n, :q)"), [{"n": "a", "q": 1}, {"n": "b", "q": 2}, {"n": "c", "q": 3}])
    print(r.rowcount)
    r = db.session.execute(text("UPDATE item SET qty = qty + 1 WHERE name = :n"), [{"n": "a"}, {"n": "zz"}, {"n": "c"}])
    print(r.rowcount)
    r = db.session.execute(text("INSERT OR IGNORE INTO item (name, qty) VALUES (:n, :q)"), [{"n": "a", "q": 1}, {"n": "d", "q": 2}])
    print(r.rowcount)
    r = db.session.execute(db.insert(Item).prefix_with("OR IGNORE").values(name="a"))
    print(r.rowcount)
    r = db.session.execute(db.insert(Item).prefix_with("OR IGNORE"), [{"name": "a"}, {"name": "e"}])
    print(r.rowcount)
    r = db.session.execute(db.update(Item).where(Item.name == "q").values(qty=1))
    print(r.rowcount)
    print(db.session.execute(text("select name, qty from item order by id")).all())
