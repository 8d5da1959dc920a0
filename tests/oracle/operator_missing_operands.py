# Column operator methods called without their operands raise Python's TypeError; an
# empty IN written with literal_binds is the generic dialect's empty set.
class Pet(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    age = db.Column(db.Integer)
    name = db.Column(db.String(20))


for fn in [lambda: Pet.age.between(1), lambda: Pet.age.between(), lambda: Pet.name.like(),
           lambda: Pet.age.in_(), lambda: Pet.age.notin_(), lambda: Pet.name.startswith(),
           lambda: Pet.age.is_(), lambda: Pet.age.isnot(), lambda: func.count(Pet.id).over(1),
           lambda: Pet.age.in_([])]:
    try:
        print('ok', fn())
    except TypeError as e:
        print(type(e).__name__, e)
lit = {'literal_binds': True}
print(select(Pet.id).where(Pet.name.in_([])).compile(compile_kwargs=lit))
print(select(Pet.id).where(Pet.name.notin_([]), Pet.age.in_([])).compile(compile_kwargs=lit))
print(select(Pet.id).where(~Pet.name.in_([])).compile(compile_kwargs=lit))
print(select(Pet.id).where(Pet.name.in_([])).compile(db.engine, compile_kwargs=lit))
print(select(Pet.id).where(Pet.name.in_(['a', 'b'])).compile(compile_kwargs=lit))
