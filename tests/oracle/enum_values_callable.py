# db.Enum(SomeEnum, values_callable=...): the members' values are what is stored.
import enum


class Status(enum.Enum):
    DRAFT = 'draft'
    PUBLISHED = 'published'
    ARCHIVED = 'archived'


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    status = db.Column(db.Enum(Status, values_callable=lambda e: [m.value for m in e]), default=Status.DRAFT)


db.create_all()
print(db.session.execute(text("SELECT sql FROM sqlite_master WHERE name='post'")).scalar())
db.session.add_all([Post(), Post(status=Status.PUBLISHED), Post(status='archived')])
db.session.commit()
print(db.session.execute(text('SELECT status FROM post ORDER BY id')).scalars().all())
print([p.status for p in Post.query.order_by(Post.id)])
print(Post.query.filter(Post.status == Status.PUBLISHED).count(), Post.query.filter_by(status='draft').count())
print(Post.__table__.c.status.type.enums, Post.__table__.c.status.type.length)
try:
    db.session.add(Post(status='PUBLISHED'))
    db.session.commit()
    print(db.session.execute(text('SELECT status FROM post ORDER BY id DESC')).scalar())
    print(Post.query.order_by(Post.id.desc()).first().status)
except Exception as e:
    db.session.rollback()
    print(type(e).__name__, str(e).splitlines()[0])
