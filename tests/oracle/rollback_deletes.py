# A rollback restores objects whose rows were deleted; add() cancels a pending delete
class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    body = db.Column(db.String(50))


db.create_all()
db.session.add_all([Note(body='a'), Note(body='b'), Note(body='c')])
db.session.commit()
n = db.session.get(Note, 1)
db.session.delete(n)
print(n in db.session, n in db.session.deleted)
db.session.rollback()
print(n in db.session, n in db.session.deleted, n.body)
# a flushed delete, rolled back
db.session.delete(n)
db.session.flush()
print(n in db.session, Note.query.count(), db.session.get(Note, 1))
try:
    db.session.add(n)
except Exception as e:
    print(type(e).__name__, str(e).split('.')[0][-12:])
db.session.rollback()
print(n in db.session, Note.query.count(), n.body, db.session.get(Note, 1) is n)
n.body = 'y'
db.session.commit()
print(db.session.get(Note, 1).body)
# add() of an object marked for deletion cancels the delete
m = db.session.get(Note, 2)
db.session.delete(m)
db.session.add(m)
print(m in db.session.deleted, m in db.session, len(db.session.deleted))
db.session.commit()
print(Note.query.count())
# a bulk delete's objects come back too
k = db.session.get(Note, 3)
print(Note.query.filter(Note.id == 3).delete())
print(k in db.session)
db.session.rollback()
print(k in db.session, k.body, Note.query.count())
# inserted and deleted in one transaction: transient after the rollback
t = Note(body='t')
db.session.add(t)
db.session.flush()
db.session.delete(t)
db.session.flush()
db.session.rollback()
print(t in db.session, t.id, Note.query.count())
# a savepoint's rollback restores the objects it deleted
db.session.begin_nested()
db.session.delete(k)
db.session.flush()
print(k in db.session)
db.session.rollback()
print(k in db.session, Note.query.count())
db.session.commit()
print(sorted(x.body for x in Note.query.all()))
