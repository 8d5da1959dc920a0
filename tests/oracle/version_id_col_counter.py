# Optimistic locking with version_id_col: a stale update is refused (wiki edits).
class Article(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(40))
    body = db.Column(db.Text)
    version = db.Column(db.Integer, nullable=False)
    __mapper_args__ = {'version_id_col': version}

    def __repr__(self):
        return f'<Article {self.title} v{self.version}>'


db.create_all()
a = Article(title='Intro', body='first')
print(a.version)
db.session.add(a)
db.session.commit()
print(a)
a.body = 'second'
db.session.commit()
a.title = 'Intro!'
db.session.commit()
print(a, db.session.execute(db.text('SELECT version FROM article')).scalar())
db.session.execute(db.text('UPDATE article SET version = 10'))
a.body = 'conflict'
try:
    db.session.commit()
except Exception as e:
    print(type(e).__name__, str(e).split(' Instance')[0])
    db.session.rollback()
print(a, a.body)
a.body = 'retry'
db.session.commit()
print(a)
db.session.execute(db.text('UPDATE article SET version = 20'))
db.session.delete(a)
try:
    db.session.commit()
except Exception as e:
    print(type(e).__name__, 'expected to delete 1 row' in str(e))
    db.session.rollback()
print(Article.query.count(), a)
Article.query.filter_by(id=1).update({'body': 'bulk'})
db.session.commit()
print(a, a.body)
