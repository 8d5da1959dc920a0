# MetaData naming conventions, multi-column constraints, indexes, CheckConstraint
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import MetaData
from sqlalchemy.exc import IntegrityError

convention = {
    'ix': 'ix_%(column_0_label)s',
    'uq': 'uq_%(table_name)s_%(column_0_name)s',
    'ck': 'ck_%(table_name)s_%(constraint_name)s',
    'fk': 'fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s',
    'pk': 'pk_%(table_name)s',
}
app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = 'sqlite:///shop.db'
db = SQLAlchemy(app, metadata=MetaData(naming_convention=convention))


class ShopOwner(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(50), unique=True)
    age = db.Column(db.Integer, db.CheckConstraint('age >= 18', name='adult'))


class ShopItem(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey('shop_owner.id', ondelete='CASCADE'), index=True)
    sku = db.Column(db.String(10))
    qty = db.Column(db.Integer)
    __table_args__ = (db.UniqueConstraint('owner_id', 'sku'), db.Index('ix_item_sku_qty', 'sku', 'qty'),
                      db.CheckConstraint('qty >= 0', name='qty_positive'))


with app.app_context():
    db.create_all()
    for row in db.session.execute(text("SELECT type, name, tbl_name FROM sqlite_master ORDER BY name")):
        print(tuple(row))
    print(db.session.execute(text("SELECT sql FROM sqlite_master WHERE name = 'shop_item'")).scalar())
    print(db.session.execute(text("SELECT sql FROM sqlite_master WHERE name = 'shop_owner'")).scalar())
    print(sorted(c.name for c in ShopItem.__table__.constraints if c.name))
    print([i.name for i in sorted(ShopItem.__table__.indexes, key=lambda i: i.name)])
    db.session.add(ShopOwner(email='a@x', age=30))
    db.session.commit()
    for kw in [{'email': 'b@x', 'age': 12}, {'email': 'a@x', 'age': 40}]:
        try:
            db.session.add(ShopOwner(**kw))
            db.session.commit()
        except IntegrityError as e:
            db.session.rollback()
            print(e.orig)
    try:
        db.session.add(ShopItem(owner_id=1, sku='z', qty=-1))
        db.session.commit()
    except IntegrityError as e:
        db.session.rollback()
        print(e.orig)
    print(ShopOwner.__tablename__, ShopItem.__table__.name, db.engine.url, db.engine.dialect.name)
