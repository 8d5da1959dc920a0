# Row order that follows SQLite's query planner (no ORDER BY): automatic indexes for
# joins over unindexed association tables, BETWEEN and OR over indexed columns.
tags = db.Table('post_tags',
                db.Column('post_id', db.Integer, db.ForeignKey('post.id')),
                db.Column('tag_id', db.Integer, db.ForeignKey('tag.id')))


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20), unique=True)


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(40))
    views = db.Column(db.Integer, index=True)
    tags = db.relationship('Tag', secondary=tags, backref='posts')


db.create_all()
for name in ['python', 'sql', 'flask']:
    db.session.add(Tag(name=name))
for title, views in [('intro', 30), ('joins', 5), ('models', 12), ('draft', 0)]:
    db.session.add(Post(title=title, views=views))
db.session.commit()
db.session.execute(tags.insert(), [{'post_id': 2, 'tag_id': 3}, {'post_id': 1, 'tag_id': 2},
                                   {'post_id': 2, 'tag_id': 1}, {'post_id': 1, 'tag_id': 1},
                                   {'post_id': 3, 'tag_id': 3}])
db.session.commit()
print(db.session.query(Post.title, Tag.name).outerjoin(Post.tags).all())
print(db.session.query(Post.title, func.group_concat(Tag.name)).outerjoin(Post.tags).group_by(Post.id).all())
print(db.session.query(Tag.name, func.count(Post.id)).outerjoin(Tag.posts).group_by(Tag.id).all())
print([p.title for p in Post.query.filter(Post.views.between(1, 20)).all()])
print([p.title for p in Post.query.filter(or_(Post.views == 30, Post.views == 5)).all()])
print([t.name for t in Tag.query.filter((Tag.name == 'sql') | (Tag.name == 'flask')).all()])
print(db.session.execute(select(Post.title).where(Post.views.between(0, 12))).scalars().all())
