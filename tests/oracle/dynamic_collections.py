# lazy='dynamic' collections: indexing and slicing, backrefs, association rows on delete
link = db.Table('link',
    db.Column('s_id', db.Integer, db.ForeignKey('student.id')),
    db.Column('c_id', db.Integer, db.ForeignKey('club.id')))


class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    articles = db.relationship('Article', backref='author', lazy='dynamic', order_by='Article.title')


class Article(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(30))
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))


class Student(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    clubs = db.relationship('Club', secondary=link, backref=db.backref('members', lazy='dynamic'))


class Club(db.Model):
    id = db.Column(db.Integer, primary_key=True)


db.create_all()
a = Author(articles=[Article(title='b'), Article(title='c'), Article(title='a')])
db.session.add(a)
db.session.commit()
print([x.title for x in a.articles[:2]], a.articles[2].title)
print([x.title for x in a.articles[1:]], [x.title for x in a.articles.filter(Article.title > 'a')[:1]])
try:
    a.articles[5]
except IndexError as e:
    print('IndexError', e)
# a backref to a new owner keeps its collection dynamic; add() brings the child along
o = Author()
t1 = Article(title='d', author=o)
print(type(o.articles).__name__, t1 in db.session)
db.session.add(o)
print(t1 in db.session)
db.session.commit()
print(type(o.articles).__name__, o.articles.count(), t1.author_id)
t2 = Article(title='e', author=o)
print(type(o.articles).__name__, o.articles.count(), t2 in db.session)
# deleting an object whose many-to-many side is dynamic deletes its rows
c1, c2 = Club(), Club()
db.session.add_all([Student(clubs=[c1]), Student(clubs=[c1, c2])])
db.session.commit()
print(c1.members.count(), db.session.execute(text('SELECT count(*) FROM link')).scalar())
db.session.delete(c1)
db.session.commit()
print(db.session.execute(text('SELECT s_id, c_id FROM link')).all(), Club.query.count())
