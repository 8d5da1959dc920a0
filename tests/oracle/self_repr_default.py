class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))

    def __str__(self):
        return self.__repr__() + ' ' + self.name

class Note:
    def __init__(self, t):
        self.t = t
    def __repr__(self):
        return f'Note({self.t!r})'

class Plain:
    pass

db.create_all()
db.session.add(Tag(name='py'))
db.session.commit()
t = Tag.query.first()
print(t, str(t), repr(t), t.__str__(), t.__repr__())
n = Note('x')
print(n.__str__(), n.__repr__())
p = Plain()
print(p == p, str(p) == repr(p), p.__str__() == p.__repr__())

