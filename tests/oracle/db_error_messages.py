# str() of database errors: no [parameters] line when there are none; autoflush's detail.
from sqlalchemy.exc import IntegrityError


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20), unique=True, nullable=False)


try:
    Tag.query.all()
except Exception as e:
    print(type(e).__name__, repr(e.params))
    print(e)
try:
    db.session.execute(text('SELECT * FROM missing WHERE x = :x'), {'x': 1})
except Exception as e:
    print(e)
db.session.rollback()
db.create_all()
db.session.add_all([Tag(name='py'), Tag(name='py')])
try:
    Tag.query.filter_by(name='py').first()
except IntegrityError as e:
    print(str(e).splitlines()[0])
    print(e.orig)
db.session.rollback()
db.session.add_all([Tag(name='a'), Tag(name='b')])
db.session.commit()
db.session.add(Tag(name='a'))
try:
    db.session.commit()
except IntegrityError as e:
    print(e)
db.session.rollback()
try:
    db.session.execute(db.insert(Tag), [{'name': 'c'}, {'name': 'c'}])
except IntegrityError as e:
    print(e)
