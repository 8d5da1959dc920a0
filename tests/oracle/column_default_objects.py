from decimal import Decimal


def next_code():
    return 'C1'


class Folder(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20), server_default='untitled', nullable=False)
    code = db.Column(db.String(10), default=next_code)
    size = db.Column(db.Integer, default=0, onupdate=5, server_default=db.text('7'))
    price = db.Column(db.Numeric(6, 2), default=Decimal('1.50'))
    tag = db.Column(db.String(10), default=db.text("'t'"))


c = Folder.__table__.c
print(repr(c.name))
print(c.name.server_default, c.name.server_default.arg, type(c.name.server_default.arg).__name__)
print(c.name.default, c.id.default, c.id.server_default, c.name.onupdate, c.size.server_onupdate)
print(c.size.default, c.size.onupdate, c.price.default)
d = c.code.default
print(type(d).__name__, d.arg.__name__, d.is_callable, d.is_scalar, d.is_clause_element, d.for_update)
d = c.size.onupdate
print(type(d).__name__, d.arg, d.is_callable, d.is_scalar, d.for_update, d.is_sequence, d.is_server_default)
d = c.size.server_default
print(type(d).__name__, d.arg.text, d.for_update, d.is_server_default, d.has_argument, d.reflected)
d = c.tag.default
print(type(d).__name__, d.arg.text, d.is_callable, d.is_scalar, d.is_clause_element)
print(Folder.name.server_default, Folder.price.default.arg)
print([(col.name, col.default is not None, col.server_default is not None) for col in c])
print([repr(col.default.arg) for col in c if col.default is not None and col.default.is_scalar])
try:
    c.name.server_default.is_callable
except AttributeError as e:
    print('AttributeError', e)
db.create_all()
db.session.add(Folder())
db.session.commit()
print(db.session.execute(text('SELECT * FROM folder')).fetchall())
