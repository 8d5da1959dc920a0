from sqlalchemy.exc import IntegrityError
tags = db.Table('tags',
                db.Column('post_id', db.Integer, db.ForeignKey('post.id'), primary_key=True),
                db.Column('tag_id', db.Integer, db.ForeignKey('tag.id'), primary_key=True))


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    tags = db.relationship('Tag', secondary=tags, back_populates='posts')


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    posts = db.relationship('Post', secondary=tags, back_populates='tags')


db.create_all()
t = Tag()
p = Post(tags=[t])
db.session.add(p)
db.session.commit()
p.tags.append(t)
try:
    db.session.commit()
    print('committed', len(p.tags))
except IntegrityError as e:
    db.session.rollback()
    print(e.orig, len(p.tags))
