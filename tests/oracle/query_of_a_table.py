tags = db.Table('tags',
    db.Column('tag_id', db.Integer, db.ForeignKey('tag.id'), primary_key=True),
    db.Column('page_id', db.Integer, db.ForeignKey('page.id'), primary_key=True)
)

class Page(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(50))
    tags = db.relationship('Tag', secondary=tags, lazy='subquery',
        backref=db.backref('pages', lazy=True))

class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20), unique=True)
    def __repr__(self):
        return '<Tag %s>' % self.name

db.create_all()
py, web, db_ = Tag(name='python'), Tag(name='web'), Tag(name='db')
p1 = Page(title='Flask', tags=[py, web])
p2 = Page(title='SQLAlchemy', tags=[py, db_])
p3 = Page(title='HTML')
p3.tags.append(web)
db.session.add_all([p1, p2, p3])
db.session.commit()
print(sorted(p.title for p in py.pages))
print(Page.query.filter(Page.tags.any(name='db')).one().title)
print(Tag.query.filter(Tag.pages.any(Page.title.like('S%'))).all())
print([(p.title, len(p.tags)) for p in Page.query.order_by(Page.title)])
p1.tags.remove(web)
db.session.commit()
print(p1.tags, sorted(p.title for p in web.pages))
print(db.session.query(tags).count())
rows = db.session.query(Tag.name, func.count(Page.id)).join(Tag.pages).group_by(Tag.name).order_by(func.count(Page.id).desc(), Tag.name).all()
print(rows)
print(Page.query.join(Page.tags).filter(Tag.name == 'python').order_by(Page.id).all())
q = Page.query.outerjoin(Page.tags).filter(Tag.id == None)
print(q.all())
db.session.delete(py)
db.session.commit()
print(p2.tags, db.session.query(tags).count())
stmt = select(Page).join(Page.tags).where(Tag.name == 'web')
print(db.session.scalars(stmt).all())
print(db.session.execute(select(func.count()).select_from(Tag)).scalar_one())
u = db.session.get(Page, 2)
print(u.title, db.session.get(Page, 42))
print(db.session.query(tags).order_by(tags.c.tag_id, tags.c.page_id).all())
print(db.session.execute(select(tags).order_by(tags.c.page_id.desc())).all())
print(db.session.query(Tag.__table__).order_by(Tag.id).all())
