# A value JSON cannot serialize, in a JSON column: StatementError at flush.
from decimal import Decimal


class Config(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    data = db.Column(db.JSON)


db.create_all()
for value in [{'when': datetime(2024, 1, 1)}, {'price': Decimal('1.5')}, {1, 2}, {'ok': [1, 2.5, None]}]:
    try:
        db.session.add(Config(name='c', data=value))
        db.session.commit()
        print('stored', db.session.execute(text('SELECT data FROM config ORDER BY id DESC')).scalar())
    except Exception as e:
        db.session.rollback()
        print(type(e).__name__, '|', e)
        print(type(e.orig).__name__, e.params)
