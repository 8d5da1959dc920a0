from sqlalchemy import inspect
class Tag(db.Model):
    name = db.Column(db.String(20), primary_key=True)
    n = db.Column(db.Integer)
db.create_all()
t = Tag(name='a', n=1)
db.session.add(t)
db.session.commit()
t.name = 'b'
db.session.flush()
print(inspect(t).identity, db.session.get(Tag, 'b') is t)
t.name = 'c'
db.session.flush()
print(inspect(t).identity)
db.session.rollback()
print(inspect(t).identity, t.name, db.session.get(Tag, 'a') is t)
print(db.session.get(Tag, 'c'), db.session.get(Tag, 'b'))
# savepoint
sp = db.session.begin_nested()
t.name = 'z'
db.session.flush()
sp.rollback()
print(inspect(t).identity, t.name)
db.session.commit()
print(inspect(t).identity, [x.name for x in Tag.query.all()])
# vanished row
t2 = Tag(name='q', n=2)
db.session.add(t2)
db.session.commit()
db.session.execute(db.text("DELETE FROM tag WHERE name='q'"))
db.session.expire(t2)
print(db.session.get(Tag, 'q'))
print(inspect(t2).deleted, inspect(t2).persistent, t2 in db.session)
db.session.rollback()
print(inspect(t2).deleted, inspect(t2).persistent, inspect(t2).detached, t2 in db.session)
