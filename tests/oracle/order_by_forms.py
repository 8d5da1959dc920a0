# relationship(order_by=...) as a string holding a list or tuple, or a callable
class Article(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(30))
    views = db.Column(db.Integer)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))


class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    by_list = db.relationship('Article', order_by='[Article.views.desc(), Article.title]', viewonly=True)
    by_tuple = db.relationship('Article', order_by='(desc(Article.title), Article.views)', viewonly=True)
    by_lambda = db.relationship('Article', order_by=lambda: Article.title.desc(), viewonly=True)
    by_lambda_list = db.relationship('Article', order_by=lambda: [Article.views, Article.id.desc()], viewonly=True)
    articles = db.relationship('Article', backref=db.backref('author', order_by='[Author.id]'))


db.create_all()
a = Author(articles=[Article(title='b', views=1), Article(title='c', views=5), Article(title='a', views=1)])
db.session.add(a)
db.session.commit()
print([x.title for x in a.by_list])
print([x.title for x in a.by_tuple])
print([x.title for x in a.by_lambda])
print([x.title for x in a.by_lambda_list])
print([x.title for x in Author.query.options(db.selectinload(Author.by_list)).first().by_list])
