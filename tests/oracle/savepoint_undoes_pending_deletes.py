# Deletions not flushed: undone by rolling back a savepoint, and leaving with an expunged
# object.
class Todo(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))


db.create_all()
db.session.add_all([Todo(title=t) for t in ['a', 'b', 'c']])
db.session.commit()
a, b, c = Todo.query.order_by(Todo.id).all()
sp = db.session.begin_nested()
db.session.delete(a)
print(a in db.session.deleted, len(db.session.deleted))
sp.rollback()
print(a in db.session.deleted, db.inspect(a).persistent, db.inspect(a).deleted)
try:
    with db.session.begin_nested():
        db.session.delete(b)
        db.session.delete(c)
        raise ValueError('cancel cleanup')
except ValueError as e:
    print('cancelled:', e, len(db.session.deleted))
db.session.commit()
print(Todo.query.count())
db.session.delete(b)
db.session.expunge(b)
print(b in db.session.deleted, len(db.session.deleted), db.inspect(b).detached)
db.session.commit()
print(Todo.query.count(), [t.title for t in Todo.query.order_by(Todo.id)])
