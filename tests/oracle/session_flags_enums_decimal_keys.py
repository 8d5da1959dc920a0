# Session flags set on db.session, state checks of expunge/delete/refresh, an Enum's name,
# values and LookupError, and Decimals as set members and dict keys.
import enum
from decimal import Decimal


class Color(enum.Enum):
    RED = 1
    GREEN = 2


class Card(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    color = db.Column(db.Enum(Color))
    size = db.Column(db.Enum('small', 'large', 'a-very-long-size', 'xl', 'xxl', name='card_size'))
    kind = db.Column(db.Enum('x', 'y'))


db.create_all()
print(db.session.autoflush, db.session().expire_on_commit)
db.session.autoflush = False
db.session.add(Card(title='a'))
print(Card.query.count(), db.session.autoflush)
db.session.autoflush = True
print(Card.query.count())
db.session().expire_on_commit = False
c = Card.query.first()
db.session.commit()
print('title' in c.__dict__, db.session().expire_on_commit)
db.session().expire_on_commit = True
print(Card.size.type.name, Card.size.type.enums, Card.kind.type.name, Card.kind.type.enums)
print(Card.color.type.name, Card.color.type.enums, Card.color.type.enum_class.__name__)
db.session.execute(text("INSERT INTO card (id, title, color, size, kind) VALUES "
                        "(10, 'b', 'BLUE', 'xl', 'x'), (11, 'c', 'RED', 'tiny', 'y'), (12, 'd', NULL, NULL, 'z')"))
db.session.commit()
for i in (10, 11, 12):
    try:
        c = db.session.get(Card, i)
        print(c.title, c.color, c.size, c.kind)
    except LookupError as e:
        print(type(e).__name__, e)
p = Card(title='p')
try:
    db.session.expunge(p)
except Exception as e:
    print(type(e).__name__, str(e).split(' at 0x')[0])
db.session.add(p)
try:
    db.session.delete(p)
except Exception as e:
    print(type(e).__name__, str(e).split(' at 0x')[0], p in db.session)
db.session.commit()
db.session.execute(text('DELETE FROM card WHERE id = :i'), {'i': p.id})
try:
    db.session.refresh(p)
except Exception as e:
    print(type(e).__name__, str(e).split(' at 0x')[0])
print(len({Decimal('1.0'), Decimal('1.00'), 1}), Decimal('2.50') in {Decimal('2.5')}, {Decimal('0.5'): 'a'}.get(0.5))
prices = {Decimal('9.90'): 'x', Decimal('9.9'): 'y', Decimal('10'): 'z', 10: 'w'}
print(len(prices), prices[Decimal('9.900')], sorted(set([Decimal('1.10'), Decimal('1.1'), Decimal('0.1')])))
