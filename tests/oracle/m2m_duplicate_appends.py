# Blog posts and tags via db.Table secondary; querying through the association.
post_tags = db.Table('post_tags',
    db.Column('post_id', db.Integer, db.ForeignKey('post.id')),
    db.Column('tag_id', db.Integer, db.ForeignKey('tag.id')))


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80))
    tags = db.relationship('Tag', secondary=post_tags, lazy='subquery',
                           backref=db.backref('posts', lazy=True, order_by='Post.id'))

    def __repr__(self):
        return '<Post %r>' % self.title


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20), unique=True)

    def __repr__(self):
        return '<Tag %r>' % self.name


db.create_all()
py, fl, db_tag, web = (Tag(name=n) for n in ['python', 'flask', 'databases', 'web'])
p1 = Post(title='Intro to Flask', tags=[py, fl, web])
p2 = Post(title='SQLAlchemy tips', tags=[py, db_tag])
p3 = Post(title='CSS tricks', tags=[web])
p4 = Post(title='Untagged')
db.session.add_all([p1, p2, p3, p4])
db.session.commit()
print(p1.tags, py.posts)
print(Post.query.filter(Post.tags.any(name='python')).order_by(Post.title).all())
print(Post.query.filter(~Post.tags.any()).all(), Tag.query.filter(Tag.posts.any(Post.title.like('%CSS%'))).all())
print(Post.query.join(Post.tags).filter(Tag.name.in_(['web', 'databases'])).order_by(Post.id).all())
print(Post.query.join(Post.tags).filter(Tag.name.in_(['web', 'python'])).distinct().order_by(Post.id).all())
print(Post.query.filter(Post.tags.contains(fl)).all())
counts = (db.session.query(Tag.name, func.count(post_tags.c.post_id).label('uses'))
          .outerjoin(post_tags).group_by(Tag.id).order_by(desc('uses'), Tag.name).all())
print(counts)
pc = (db.session.query(Post.title, func.count(Tag.id)).outerjoin(Post.tags)
      .group_by(Post.id).order_by(Post.id).all())
print(pc)
p1.tags.remove(web)
p1.tags.append(db_tag)
db.session.commit()
print(db.session.execute(text('SELECT * FROM post_tags ORDER BY post_id, tag_id')).fetchall())
db.session.delete(p2)
db.session.commit()
print(db.session.execute(text('SELECT count(*) FROM post_tags')).scalar(), py.posts, db_tag.posts)
db.session.delete(web)
db.session.commit()
print(p3.tags, Tag.query.count(), db.session.execute(text('SELECT * FROM post_tags ORDER BY 1, 2')).fetchall())
p4.tags.extend([py, py])
db.session.commit()
print(p4.tags, len(py.posts), db.session.execute(text('SELECT count(*) FROM post_tags WHERE post_id = 4')).scalar())
