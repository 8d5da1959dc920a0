# Deferred columns whose column name differs from the attribute (Column(name), mapped_column(name), key=).
from sqlalchemy.orm import deferred, undefer, mapped_column, Mapped
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50))
    bio = deferred(db.Column('biography', db.Text))
    note: Mapped[str] = mapped_column('the_note', db.Text, deferred=True, nullable=True)
    k = db.deferred(db.Column(db.Text, key='kk'))
def keys(o):
    return sorted(k for k in o.__dict__ if not k.startswith('_'))
db.create_all()
db.session.add(User(name='a', bio='b', note='n')); db.session.commit()
db.session.expunge_all()
print(str(User.query))
u = User.query.first()
print(keys(u), u.bio, u.note, keys(u))
print(str(User.query.options(undefer(User.bio))))
print(User.bio.property.deferred, User.note.property.deferred, User.name.property.deferred)
