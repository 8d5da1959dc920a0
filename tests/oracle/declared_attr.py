# declared_attr on mixins and abstract bases: per-class foreign keys, relationships,
# __tablename__ and __table_args__ made from the class.
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


class TimestampMixin:
    created = db.Column(db.DateTime, default=lambda: datetime(2024, 1, 2, 3, 4, 5))


class OwnedMixin:
    @db.declared_attr
    def owner_id(cls):
        return db.Column(db.Integer, db.ForeignKey('user.id'), nullable=False)

    @db.declared_attr
    def owner(cls):
        return db.relationship('User', backref=db.backref(cls.__name__.lower() + 's', lazy=True))


class NamedTable:
    @db.declared_attr.directive
    def __tablename__(cls):
        return cls.__name__.lower() + '_items'

    @db.declared_attr
    def __table_args__(cls):
        return (db.UniqueConstraint('title', name='uq_' + cls.__name__.lower() + '_title'),)


class Note(NamedTable, OwnedMixin, TimestampMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(50))


class Task(NamedTable, OwnedMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(50))
    done = db.Column(db.Boolean, default=False)


class Base(db.Model):
    __abstract__ = True
    id = db.Column(db.Integer, primary_key=True)

    @db.declared_attr
    def author_id(cls):
        return db.Column(db.Integer, db.ForeignKey('user.id'))


class Comment(Base):
    text = db.Column(db.String(50))


db.create_all()
for t in ('note_items', 'task_items', 'comment'):
    print(db.session.execute(text('SELECT sql FROM sqlite_master WHERE name = :n'), {'n': t}).scalar())
ann = User(name='ann')
db.session.add_all([Note(title='a', owner=ann), Task(title='b', owner=ann), Comment(text='c', author_id=1)])
db.session.commit()
print(Note.__tablename__, Task.__table__.name, [c.name for c in Comment.__table__.columns])
print(ann.notes, ann.tasks, Note.query.filter(Note.owner_id == ann.id).count())
print(Task.query.join(Task.owner).filter(User.name == 'ann').one().title, Note.query.one().created)
print(Comment.query.filter_by(author_id=1).one().text)
from sqlalchemy.orm import declared_attr


class Tagged:
    @declared_attr
    def tag(cls):
        return db.Column(db.String(10), default=cls.__name__[:3])


class Label(Tagged, db.Model):
    id = db.Column(db.Integer, primary_key=True)


db.create_all()
db.session.add(Label())
db.session.commit()
print(Label.query.one().tag, Label.tag.type, type(Tagged.__dict__['tag']).__name__)
