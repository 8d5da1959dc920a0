import json


class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    books = db.relationship('Book', backref='author')


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))


db.create_all()
a = Author(books=[Book()])
db.session.add(a)
db.session.commit()
try:
    json.dumps(a, default=lambda o: {'books': o.books} if isinstance(o, Author) else {'author': o.author})
except ValueError as e:
    print(type(e).__name__, e)
a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print(e)
class Team:
    def __init__(self):
        self.members = []

    def __repr__(self):
        return f'Team({self.members})'


class Member:
    def __init__(self, team):
        self.team = team

    def __repr__(self):
        return f'Member({self.team})'


t = Team()
t.members.append(Member(t))
try:
    print(t)
except RecursionError as e:
    print('RecursionError')
d = {'k': 1}
d['self'] = d
print(d, repr([d, d]))
l = [1]
l.append((l, 2))
print(l)
try:
    json.dumps(d)
except ValueError as e:
    print(e)
shared = [1, 2]
print(json.dumps({'a': shared, 'b': shared}), [shared, shared])
deep = []
for _ in range(3000):
    deep = [deep]
try:
    json.dumps(deep)
except RecursionError as e:
    print('RecursionError', e)
