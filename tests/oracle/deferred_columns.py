from sqlalchemy.orm import load_only, defer, undefer


class Article(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80))
    body = db.Column(db.Text)
    views = db.Column(db.Integer, default=0)

    def __repr__(self):
        return f'<Article {self.title}>'


db.create_all()
db.session.add_all([Article(title=f't{i}', body='x' * i, views=i) for i in range(1, 4)])
db.session.commit()
arts = Article.query.options(load_only(Article.title)).order_by(Article.id).all()
print(arts, [a.title for a in arts])
print([len(a.body) for a in arts], arts[0].views)
db.session.commit()
a = db.session.execute(db.select(Article).options(defer(Article.body)).where(Article.id == 2)).scalar_one()
print(a.title, a.views, a.body)
print(Article.query.options(db.load_only(Article.id, Article.views)).filter(Article.views > 1).count())
db.session.expire_all()
b = Article.query.options(defer(Article.body), undefer(Article.views)).filter_by(title='t3').first()
print(b.views, b.body, b.title)
db.session.expunge_all()
c = Article.query.options(load_only(Article.title)).first()
c.title = 'changed'
db.session.commit()
print(Article.query.get(1).title, Article.query.get(1).body)
try:
    Article.query.options(load_only('title')).all()
except Exception as e:
    print(type(e).__name__, e)
