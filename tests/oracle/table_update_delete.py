tags = db.Table('tags',
    db.Column('tag_id', db.Integer, db.ForeignKey('tag.id'), primary_key=True),
    db.Column('post_id', db.Integer, db.ForeignKey('post.id'), primary_key=True))


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    tags = db.relationship('Tag', secondary=tags, backref='posts')


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


db.create_all()
db.session.execute(tags.insert().values(tag_id=1, post_id=1))
db.session.execute(tags.insert(), [{'tag_id': 2, 'post_id': 1}, {'tag_id': 2, 'post_id': 2}])
print(db.session.execute(select(tags).order_by(tags.c.tag_id, tags.c.post_id)).all())
r = db.session.execute(tags.delete().where(tags.c.post_id == 1))
print(r.rowcount)
r = db.session.execute(tags.update().where(tags.c.tag_id == 2).values(tag_id=3))
print(r.rowcount, db.session.execute(select(tags)).all())
db.session.add(Post(title='x'))
db.session.commit()
r = db.session.execute(Post.__table__.update().values(title='y'))
print(r.rowcount, db.session.execute(select(Post.__table__.c.title)).scalars().all())
print(str(tags.delete().where(tags.c.post_id == 1)))
print(str(Post.__table__.update().where(Post.__table__.c.id == 1).values(title='z')))
db.session.execute(Post.__table__.delete())
print(Post.query.count())
