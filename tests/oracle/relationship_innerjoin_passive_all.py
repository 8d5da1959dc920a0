# innerjoin=True joined eager loads (an inner JOIN: parents without children left out);
# passive_deletes='all' leaves loaded children's keys; an ambiguous Query.join() raises
# AmbiguousForeignKeysError.
class Shelf(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    jars = db.relationship('Jar', lazy='joined', innerjoin=True, order_by='Jar.id')


class Jar(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    shelf_id = db.Column(db.Integer, db.ForeignKey('shelf.id'))


class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    logs = db.relationship('Log', passive_deletes='all', foreign_keys='Log.author_id')


class Log(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))
    editor_id = db.Column(db.Integer, db.ForeignKey('author.id'))


db.create_all()
db.session.add_all([Shelf(jars=[Jar(), Jar()]), Shelf()])
a = Author(logs=[Log()])
db.session.add(a)
db.session.commit()
db.session.expunge_all()
print(len(Shelf.query.all()), Shelf.query.count(), Shelf.query.first().jars)
print(db.session.get(Shelf, 2))
a = db.session.get(Author, 1)
print(len(a.logs))
db.session.delete(a)
db.session.commit()
print(db.session.execute(text('SELECT author_id FROM log')).fetchall())
try:
    print(Log.query.join(Author).count())
except Exception as e:
    print(type(e).__name__)
