# Learner mistakes building SQL: `not Model.col` (a mapped attribute is truthy), an
# object where a value belongs, LIKE with None, case() given a list (the 1.x form).
class Shelf(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))

    def __repr__(self):
        return f'<Shelf {self.name}>'


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    done = db.Column(db.Boolean, default=False)
    shelf_id = db.Column(db.Integer, db.ForeignKey('shelf.id'))


db.create_all()
a = Shelf(name='A1')
db.session.add_all([a, Book(title='x', shelf_id=1), Book(title='y', done=True)])
db.session.commit()
print(not Book.done, bool(Book.title))
print(Book.query.filter(not Book.done).all())


def attempt(label, fn):
    try:
        print(label, '->', fn())
    except Exception as e:
        print(label, '->', type(e).__name__ + ':', e)


attempt('== object', lambda: Book.query.filter(Book.shelf_id == a).all())
attempt('in_ objects', lambda: Book.query.filter(Book.shelf_id.in_([a])).all())
attempt('in_ ids', lambda: Book.query.filter(Book.shelf_id.in_([a.id])).count())
attempt('like None', lambda: Book.title.like(None))
attempt('startswith None', lambda: Book.title.startswith(None))
attempt('contains True', lambda: Book.title.contains(True))
attempt('case list', lambda: db.case([(Book.done, 'read')], else_='unread'))
attempt('case tuples', lambda: db.session.execute(
    db.select(Book.title, db.case((Book.done, 'read'), else_='unread')).order_by(Book.id)).all())
