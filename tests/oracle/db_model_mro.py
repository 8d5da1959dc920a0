class Base(db.Model):
    __abstract__ = True
    id = db.Column(db.Integer, primary_key=True)

class Todo(Base):
    title = db.Column(db.String(20))

print(db.Model.__name__, db.Model.__qualname__, type(db.Model).__name__)
print(Todo.__mro__)
print(Todo.__bases__, Base.__bases__, Base.__base__, Todo.__base__)
print([c.__name__ for c in Todo.__mro__])
print(Base.__bases__[0] is db.Model, Todo.__mro__[2] is db.Model)
print(repr(db.Model), db.Model)
