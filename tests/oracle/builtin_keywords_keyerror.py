print(round(2.567, ndigits=1), round(2.567, 1), round(number=7.25, ndigits=1), round(2.5))
print(sum([1.5, 2], start=10), sum([[1], [2]], []), sum(range(4)))
for call in [lambda: sum(['a', 'b'], ''), lambda: round(1.5, digits=1), lambda: abs(x=1), lambda: sum([1], 0, start=2)]:
    try:
        print(call())
    except TypeError as e:
        print(e)
print(max([3, 1], key=lambda v: -v), min([], default='none'), pow(2, 10), pow(base=2, exp=3))
for f in [lambda: '%(missing)s' % {'k': 1}, lambda: '{x}'.format(y=1), lambda: {}['z'], lambda: '%(a)s %(b)d' % {'a': 1}]:
    try:
        f()
    except KeyError as e:
        print(e, repr(e), e.args)


class Car(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class Caller:
    def __call__(self, x):
        return x * 2


try:
    Car()()
except TypeError as e:
    print(e)
print(Caller()(4))
'%(q)s' % {}
