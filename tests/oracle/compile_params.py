# Compiled statements: .params and the text of select/update/delete/insert/text() compiles.
from sqlalchemy import insert, update, delete


class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    qty = db.Column(db.Integer, default=1)


db.create_all()
s = select(Item).where(Item.name == 'pen', Item.qty > 2, Item.id.in_([1, 2]))
c = s.compile()
print(c)
print(c.params)
print(s.compile(db.engine).params)
u = update(Item).where(Item.id == 5).values(name='ink')
print(u.compile(), u.compile().params)
d = delete(Item).where(Item.qty < 0)
print(d.compile().params)
i = insert(Item).values(name='cap')
print(i.compile())
print(i.compile().params)
print(i.compile(db.engine))
print(i.compile(compile_kwargs={'literal_binds': True}))
print(insert(Item).values(name="O'Neil", qty=3).compile(db.engine, compile_kwargs={'literal_binds': True}))
t = text('SELECT * FROM item WHERE id = :id AND name = :n').bindparams(n='x')
print(t.compile(), t.compile().params)
print(t.compile(db.engine))
print(type(i.compile()).__name__, type(i.compile(db.engine)).__name__)
