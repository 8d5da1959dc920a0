# Column and type objects before and after mapping: an unbound Column's attributes and repr,
# Numeric(asdecimal=False), a named Boolean CHECK, Mapper.columns by attribute key,
# Table.kwargs, a column's doc= as the attribute's __doc__.
loose = db.Column(db.String(20), nullable=False, doc='the name', comment='shown')
print(loose.type, repr(loose.type), loose.nullable, loose.name, loose.key, loose.primary_key, loose.doc, loose.comment)
print(repr(loose), repr(db.Column('code', db.Integer, db.ForeignKey('x.id'), primary_key=True)))
print(repr(db.Column(db.JSON).type), db.Column(db.JSON).type.python_type)


class TimestampMixin:
    created = db.Column(db.DateTime, default=None)
    label = db.Column(db.String(8), default='new')


print(TimestampMixin.created.type, TimestampMixin.created.nullable, repr(TimestampMixin.label))


class Item(TimestampMixin, db.Model):
    __table_args__ = {'sqlite_autoincrement': True}
    id = db.Column(db.Integer, primary_key=True)
    full = db.Column('full_name', db.String(5), doc='display name')
    price = db.Column(db.Numeric(5, 2, asdecimal=False))
    ok = db.Column(db.Boolean(create_constraint=True, name='ck_item_ok'), default=True)


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)


print(Item.__mapper__.columns.keys(), Item.__mapper__.columns['full'], 'full' in Item.__mapper__.columns)
print(list(Item.__mapper__.columns), Note.__mapper__.columns.keys())
print(Item.__mapper__.c.keys(), Item.__table__.c.keys())
print(dict(Item.__table__.kwargs), dict(Note.__table__.kwargs), Item.__table__.dialect_options['sqlite']['autoincrement'])
print(Item.full.__doc__, Item.id.__doc__, Item.full.doc, Item.__table__.c.full_name.doc)
t = Item.__table__.c.price.type
print(repr(t), t.asdecimal, t.python_type, t.precision, t.scale)
b = Item.__table__.c.ok.type
print(repr(b), b.name, b.create_constraint, repr(Item.ok.type))
db.create_all()
db.session.add_all([Item(full='a', price=10), Item(full='b', price=9.5), Item(full='c', price='3.25', ok=False)])
db.session.commit()
print([(i.price, type(i.price).__name__) for i in Item.query.order_by(Item.id)])
db.session.expire_all()
print([(i.price, type(i.price).__name__, i.ok) for i in Item.query.order_by(Item.id)])
print(db.session.execute(db.select(Item.price)).scalars().all())
from sqlalchemy.exc import IntegrityError
try:
    db.session.execute(db.text("INSERT INTO item (full_name, ok) VALUES ('z', 7)"))
except IntegrityError as e:
    db.session.rollback()
    print(e.orig)


class Device(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    serial = db.Column(db.String(20), comment='factory serial', default='n/a')


print(repr(Device.__table__.c.serial))
