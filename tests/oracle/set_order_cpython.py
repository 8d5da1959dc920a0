print({'red', 'green', 'blue'}, {'admin', 'editor', 'viewer', 'guest'}, {5, 3, 9, 1}, {'x', 'y'})
print({'python', 'flask', 'sqlalchemy', 'jinja', 'werkzeug', 'click'})
print(set(['python', 'flask', 'sqlalchemy', 'jinja', 'werkzeug', 'click']))
a = {'a', 'b', 'c', 'd'}
b = {'c', 'd', 'e'}
print(a & b, a | b, a - b, b - a)
print({w for w in 'the quick brown fox jumps over the lazy dog'.split()})
print({3, 1, 2}, {10, 2, 33, 8}, set([5, 4, 100, 3]))
s = {1, 2}
s.add(-1)
print(s, {(1, 2), (0, 1)}, {1.5, 0.5})
s = {'python', 'flask', 'sqlalchemy', 'jinja', 'werkzeug', 'click'}
t = set(s)
t.add('pytest')
print(t, set(s))
names = set()
for n in ['alice', 'bob', 'carol', 'dave', 'erin', 'frank', 'grace']:
    names.add(n)
print(names, names | {'heidi'}, names & {'bob', 'erin', 'zed'})
# Set iteration order for strings follows CPython's hash (oracle runs with PYTHONHASHSEED=0).
class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


db.create_all()
db.session.add_all([Tag(name=n) for n in ['python', 'flask', 'sql', 'web', 'flask']])
db.session.commit()
names = {t.name for t in Tag.query.order_by(Tag.id)}
print(names)
print(set(['b', 'a', 'c', 'dd']), list({'x', 'y', 'z'}))
