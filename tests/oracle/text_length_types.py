class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    body = db.Column(db.Text(500))
    memo = db.Column(db.UnicodeText(length=40))
    plain = db.Column(db.Text)
    name = db.Column(db.Unicode(20))
    title = db.Column(db.String(length=12))


db.create_all()
print(db.session.execute(text("select sql from sqlite_master where name='note'")).scalar())
for c in list(Note.__table__.columns)[1:]:
    print(c.name, repr(c.type), c.type.length)
print(db.Enum('a', 'bbb', name='k').length)
try:
    print(Note.__table__.c.id.type.length)
except AttributeError as e:
    print('AttributeError', e)
print(db.session.execute(text("PRAGMA table_info(note)")).fetchall())
db.session.add(Note(body='x' * 3, memo='m', plain='p', name='n', title='t'))
db.session.commit()
n = db.session.get(Note, 1)
print(n.body, n.memo, n.plain, n.name, n.title)
