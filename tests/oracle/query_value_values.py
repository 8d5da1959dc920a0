# The deprecated Query.value()/values(); a Query with no columns; print() writes the arguments before a failing one.
class Dog(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


db.create_all()
db.session.add_all([Dog(name='rex'), Dog(name='fido')])
db.session.commit()
print(Dog.query.order_by(Dog.id).value(Dog.name))
print(Dog.query.filter_by(name='zzz').value(Dog.id))
print(Dog.query.value(func.count(Dog.id)))
try:
    print(list(Dog.query.order_by(Dog.id).values(Dog.id, Dog.name)))
except Exception as e:
    print(type(e).__name__, e)
for f in [lambda: db.session.query().all(), lambda: db.session.query().count(), lambda: Dog.query.with_entities().first()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print('x', 1, db.session.query())
