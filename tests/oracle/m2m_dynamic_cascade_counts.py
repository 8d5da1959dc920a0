# Many-to-many tag cloud: outerjoin through association table with counts including zero, having, order by label.

post_tags = db.Table('post_tags',
                     db.Column('post_id', db.Integer, db.ForeignKey('post.id'), primary_key=True),
                     db.Column('tag_id', db.Integer, db.ForeignKey('tag.id'), primary_key=True))


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(40))
    published = db.Column(db.Boolean, default=True)
    tags = db.relationship('Tag', secondary=post_tags, backref=db.backref('posts', lazy='dynamic'))


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20), unique=True)

    def __repr__(self):
        return f'<Tag {self.name}>'


db.create_all()
py, sql, web, misc = Tag(name='python'), Tag(name='sql'), Tag(name='web'), Tag(name='misc')
db.session.add_all([Post(title='ORM tips', tags=[py, sql]), Post(title='Flask app', tags=[py, web]),
                    Post(title='Joins', tags=[sql], published=False), Post(title='Hello', tags=[py]), misc])
db.session.commit()

cnt = func.count(post_tags.c.post_id).label('cnt')
print(db.session.query(Tag.name, cnt).outerjoin(post_tags).group_by(Tag.id).order_by(desc('cnt'), Tag.name).all())
print(db.session.query(Tag.name, func.count(Post.id)).outerjoin(Tag.posts).group_by(Tag.name).order_by(Tag.name).all())
print(db.session.query(Tag, func.count(Post.id).label('n')).join(Tag.posts).filter(Post.published == True)
      .group_by(Tag).having(func.count(Post.id) > 1).all())
print(db.session.query(Post.title, func.count(Tag.id)).outerjoin(Post.tags).group_by(Post.id).order_by(Post.id).all())
print(db.session.query(Post.title).join(Post.tags).filter(Tag.name.in_(['sql', 'web'])).distinct().order_by(Post.title).all())
both = (db.session.query(Post.id).join(Post.tags).filter(Tag.name.in_(['python', 'sql']))
        .group_by(Post.id).having(func.count(db.distinct(Tag.id)) == 2))
print([p.title for p in Post.query.filter(Post.id.in_(both)).order_by(Post.id)])
print(Tag.query.filter(~Tag.posts.any()).all())
print(py.posts.count(), py.posts.filter(Post.published == False).count(), sql.posts.filter_by(published=False).first().title)
print(db.session.query(func.group_concat(Tag.name, '|')).select_from(Tag).join(Tag.posts).filter(Post.id == 1).order_by(Tag.name).scalar() in ('python|sql', 'sql|python'))
tag_sub = db.session.query(post_tags.c.tag_id, func.count().label('uses')).group_by(post_tags.c.tag_id).subquery()
print(db.session.query(Tag.name, func.coalesce(tag_sub.c.uses, 0)).outerjoin(tag_sub, Tag.id == tag_sub.c.tag_id).order_by(Tag.id).all())
print(db.session.query(func.avg(tag_sub.c.uses), func.max(tag_sub.c.uses)).one())
