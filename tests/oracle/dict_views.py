# Dict views: live, sized, iterable, set-like keys; RowMapping views; __dict__ order.
d = {'b': 1, 'a': 2}
k, v, it = d.keys(), d.values(), d.items()
d['c'] = 3
print(k, v, it)
print(len(k), 'c' in k, 'z' in k, ('a', 2) in it, 3 in v, bool({}.keys()))
print(type(k).__name__, type(v).__name__, type(it).__name__)
print(sorted(k), list(v), dict(it), max(v), sum(v), '-'.join(k))
print(k & {'a', 'z'}, sorted(k | ['q']), k == {'a', 'b', 'c'}, v == d.values())
for key, val in d.items():
    print(key, val)
try:
    k[0]
except TypeError as e:
    print(e)


class Car(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    make = db.Column(db.String(20))
    model = db.Column(db.String(20))
    year = db.Column(db.Integer, default=2000)


db.create_all()
c = Car(model='Civic', make='Honda')
c.color = 'red'
print({k: v for k, v in c.__dict__.items() if not k.startswith('_')})
db.session.add(c)
db.session.flush()
print([k for k in c.__dict__ if not k.startswith('_')])
m = db.session.execute(text("select 'ann' as name, 30 as age")).mappings().first()
print(m.keys(), m.items(), m.values())
print(list(m.items()), len(m.values()), 'ann' in m.values(), type(m.items()).__name__)
