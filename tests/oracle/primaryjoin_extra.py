# primaryjoin with conditions besides the foreign key (expression and string forms), and a
# primaryjoin string naming one of two foreign keys: lazy loads, joins, eager loads, any().
from sqlalchemy.orm import joinedload, selectinload, subqueryload


class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    articles = db.relationship('Article', backref='author', order_by='Article.id',
                               foreign_keys='Article.author_id')
    published = db.relationship('Article', viewonly=True, order_by='Article.id',
                                primaryjoin='and_(Author.id == Article.author_id, Article.published == True)')
    drafts = db.relationship('Article', viewonly=True, order_by='Article.id',
                             primaryjoin="and_(Author.id == foreign(Article.author_id), Article.published.is_(False))")
    edited = db.relationship('Article', primaryjoin='Author.id == Article.editor_id', viewonly=True)


class Article(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(30))
    published = db.Column(db.Boolean, default=False)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))
    editor_id = db.Column(db.Integer, db.ForeignKey('author.id'))

    def __repr__(self):
        return f'<Article {self.title}>'


db.create_all()
zoe, max_ = Author(name='zoe'), Author(name='max')
db.session.add_all([zoe, max_])
for title, pub, by in [('a', True, zoe), ('b', False, zoe), ('c', True, max_), ('d', False, zoe)]:
    db.session.add(Article(title=title, published=pub, author=by))
db.session.commit()
for art in Article.query:
    art.editor_id = max_.id if art.title in 'ac' else zoe.id
db.session.commit()
print(zoe.published, zoe.drafts, max_.published, max_.drafts)
print(Author.query.filter(Author.published.any(Article.title == 'b')).count(),
      Author.query.filter(Author.drafts.any()).order_by(Author.id).all() == [zoe])
q = db.session.query(Author.name, Article.title).join(Author.published).order_by(Article.id)
print(q.all())
print(str(q))
db.session.expunge_all()
for name, opt in [('joined', joinedload), ('selectin', selectinload), ('subquery', subqueryload)]:
    authors = Author.query.options(opt(Author.drafts)).order_by(Author.id).all()
    print(name, [(a.name, a.drafts) for a in authors])
db.session.expunge_all()
zoe = db.session.get(Author, 1)
print(zoe.edited, [a.title for a in zoe.articles])
print(db.session.execute(select(Author.name).join(Author.drafts).where(Article.title == 'd')).scalars().all())
