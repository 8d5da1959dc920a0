# Table.constraints / .indexes / .primary_key (convention names), column types, Table.create/drop, tables=

class Owner(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(50), unique=True)


class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey('owner.id', ondelete='CASCADE'), index=True)
    sku = db.Column(db.String(10), unique=True)
    qty = db.Column(db.Integer)
    price = db.Column(db.Numeric(7, 2))
    __table_args__ = (db.UniqueConstraint('owner_id', 'qty', name='uq_owner_qty'),
                      db.CheckConstraint('qty >= 0', name='ck_qty'), db.Index('ix_sku_qty', 'sku', 'qty'))


t = Item.__table__
print(len(t.constraints), len(t.indexes), type(t.constraints).__name__)
print(sorted(type(c).__name__ for c in t.constraints))
print(sorted(str(c.name) for c in t.constraints))
print(sorted((i.name, i.unique) for i in t.indexes))
print(t.primary_key.name, [c.name for c in t.primary_key.columns], [c.name for c in t.primary_key], len(t.primary_key))
print(t.primary_key.columns.keys(), 'sku' in t.c, 'nope' in t.c, t.key, t.fullname)
for c in sorted(t.constraints, key=lambda c: (str(c.name), type(c).__name__)):
    print(type(c).__name__, c.name, sorted(c.columns.keys()) if not type(c).__name__.startswith('Check') else c.sqltext)
for c in t.c:
    print(c.key, type(c.type).__name__, repr(c.type))
print(t.c.price.type.precision, t.c.price.type.scale, t.c.sku.type.length, t.c.price.type.python_type)
print(sorted(db.metadata.naming_convention))
db.metadata.create_all(db.engine, tables=[Owner.__table__])
print(db.session.execute(text("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")).scalars().all())
db.create_all()
Item.__table__.drop(db.engine)
print(db.session.execute(text("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")).scalars().all())
Item.__table__.create(db.engine)
Item.__table__.create(bind=db.engine, checkfirst=True)
print(db.session.execute(text("SELECT name FROM sqlite_master WHERE type='index' ORDER BY name")).scalars().all())
try:
    Item.__table__.create(db.engine)
except Exception as e:
    print(type(e).__name__, e.orig)
db.metadata.drop_all(db.engine, tables=[Item.__table__])
print(db.session.execute(text("SELECT name FROM sqlite_master ORDER BY name")).scalars().all())
print(t is db.metadata.tables['item'], t == db.metadata.tables['item'], t.c.sku is t.c['sku'], t is Owner.__table__)
