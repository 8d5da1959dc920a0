class Svc:
    def open(self, title):
        return title
    @staticmethod
    def helper(x):
        return x
    @classmethod
    def make(cls):
        return cls()
    class Inner:
        def run(self):
            pass
def outer():
    def inner(a):
        return a
    return inner
f = outer()
print(Svc.open.__qualname__, Svc.helper.__qualname__, Svc.make.__qualname__, Svc.Inner.run.__qualname__, f.__qualname__, f.__name__)
print(repr(f).split(' at ')[0], repr(Svc.open).split(' at ')[0], (lambda: 0).__qualname__)
for call in [lambda: Svc().open(), lambda: Svc().open(1, 2), lambda: Svc().open(title=1, x=2), lambda: f(), lambda: Svc.helper(), lambda: outer(1)]:
    try:
        call()
    except TypeError as e:
        print(e)
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    def __init__(self, name):
        super().__init__(name=name)
    def greet(self, other):
        return f'{self.name}->{other}'
for call in [lambda: User(), lambda: User('a').greet()]:
    try:
        call()
    except TypeError as e:
        print(e)
print(User.greet.__qualname__, repr(User.__init__).split(' at ')[0])
