# Within one flush, a table's UPDATEs run before its INSERTs (a unique value can move)
class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10), unique=True)


class Person(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    passport = db.relationship('Passport', backref='owner', uselist=False)


class Passport(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    number = db.Column(db.String(10), unique=True)
    person_id = db.Column(db.Integer, db.ForeignKey('person.id'), unique=True)


db.create_all()
db.session.add(Tag(name='a'))
db.session.commit()
t = Tag.query.first()
t.name = 'b'
db.session.add(Tag(name='a'))
db.session.commit()
print(sorted((x.id, x.name) for x in Tag.query.all()))
# several updates and inserts of one table
for x in Tag.query.all():
    x.name = x.name + '2'
db.session.add_all([Tag(name='a'), Tag(name='b')])
db.session.commit()
print(sorted((x.id, x.name) for x in Tag.query.all()))
# replacing a uselist=False child: the old one's key is cleared before the new row goes in
p = Person(name='p', passport=Passport(number='X1'))
db.session.add(p)
db.session.commit()
p.passport = Passport(number='X2')
db.session.commit()
print(db.session.execute(text('SELECT number, person_id FROM passport ORDER BY id')).all())
# a new parent and its child in the same flush as updates of both tables
old = Passport.query.filter_by(number='X2').one()
old.number = 'X3'
p.name = p.name + 'q'
q = Person(name='r', passport=Passport(number='X2'))
db.session.add(q)
db.session.commit()
print(db.session.execute(text('SELECT number, person_id FROM passport ORDER BY id')).all())
print([(x.id, x.name) for x in Person.query.order_by(Person.id)])
try:
    db.session.add(Tag(name='a'))
    db.session.commit()
except Exception as e:
    print(type(e).__name__)
    db.session.rollback()
print(Tag.query.count())
