# A failed begin_nested() block rolls back to the savepoint and expires what it changed.
from sqlalchemy.exc import IntegrityError


class Board(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20), unique=True)


class Wall(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    cards = db.relationship('Card', backref='wall')


class Card(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    text = db.Column(db.String(20))
    wall_id = db.Column(db.Integer, db.ForeignKey('wall.id'))


db.create_all()
b = Board(name='a')
db.session.add(b)
db.session.commit()
try:
    with db.session.begin_nested():
        b.name = 'x'
        db.session.flush()
        db.session.add(Board(name='x'))
except IntegrityError as e:
    print(type(e).__name__)
print(b.name, Board.query.count())
w = Wall(cards=[Card(text='a')])
db.session.add(w)
db.session.commit()
nested = db.session.begin_nested()
w.cards.append(Card(text='d'))
db.session.flush()
nested.rollback()
print(Card.query.count(), [c.text for c in w.cards])
with db.session.begin_nested():
    w.cards[0].text = 'z'
print([c.text for c in w.cards])
db.session.rollback()
print([c.text for c in w.cards], b.name)
