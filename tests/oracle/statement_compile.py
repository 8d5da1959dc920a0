from datetime import date, datetime


class Ev(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    day = db.Column(db.Date)
    at = db.Column(db.DateTime)
    price = db.Column(db.Numeric(6, 2))
    ok = db.Column(db.Boolean)


db.create_all()
q = Ev.query.filter(Ev.name == "o'hara", Ev.day >= date(2024, 2, 1), Ev.id.in_([1, 2]))
print(q.statement.compile(compile_kwargs={'literal_binds': True}))
s = db.select(Ev.id, Ev.name).where(Ev.price > 9.5, Ev.ok == True, Ev.at < datetime(2024, 1, 2, 3, 4, 5)).order_by(Ev.name).limit(3)
print(s.compile())
print(s.compile(db.engine))
print(s.compile(dialect=db.engine.dialect))
print(s.compile(compile_kwargs={'literal_binds': True}))
c = s.compile()
print(type(c).__name__, c.string == str(s))
print(str(c) == str(s), type(c).__name__)
print(db.select(Ev).where(Ev.name.like('a%')).compile(db.engine, compile_kwargs={'literal_binds': True}))
print(db.update(Ev).where(Ev.id == 3).values(name='x').compile(compile_kwargs={'literal_binds': True}))

s = db.select(Ev.id).where(Ev.at < datetime(2024, 1, 2, 3, 4, 5), Ev.at > datetime(2024, 1, 2, 3, 4, 5, 120), Ev.day == date(2024, 5, 6))
print(s.compile(db.engine, compile_kwargs={'literal_binds': True}))
print(s.compile(compile_kwargs={'literal_binds': True}))
