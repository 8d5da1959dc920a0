# Two foreign keys to one table and a relationship without foreign_keys=: AmbiguousForeignKeysError
# at configuration, and every later use of the mappers says so.
class Person(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    letters = db.relationship('Letter')
class Letter(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    sender_id = db.Column(db.Integer, db.ForeignKey('person.id'))
    receiver_id = db.Column(db.Integer, db.ForeignKey('person.id'))
try:
    Person()
except Exception as e:
    print(type(e).__name__, e)
try:
    Letter.query.all()
except Exception as e:
    print(type(e).__name__, e)
