# db.event is sqlalchemy.event; a write-only collection's delete()/update() statements (as
# the Mega-Tutorial's add_notification runs them); str() of integer division in the
# default dialect.
import sqlalchemy as sa
import sqlalchemy.orm as so


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    notes: so.WriteOnlyMapped['Note'] = so.relationship()


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    done = db.Column(db.Boolean, default=False)
    user_id = db.Column(db.ForeignKey('user.id'))


@db.event.listens_for(User, 'before_insert')
def lower(mapper, connection, target):
    target.name = target.name.lower()


db.create_all()
u = User(name='ANN', notes=[Note(name='a'), Note(name='b'), Note(name='c')])
db.session.add(u)
db.session.commit()
print(u.name, type(db.event).__name__)
print(db.session.execute(u.notes.delete().where(Note.name == 'a')).rowcount)
print(db.session.execute(u.notes.update().where(Note.name == 'b').values(done=True)).rowcount)
print(db.session.execute(sa.select(Note.name, Note.done).order_by(Note.id)).all())
print(u.notes.delete().where(Note.name == 'c'))
print(select(Note.id / 2), db.session.query(Note.id / 2).statement.compile(db.engine))
print(select(Note.id / 2.5), select(Note.id // 2))
