# session.execute() of something that is no statement names it in its ArgumentError;
# an aliased class prints as aliased(User).
from sqlalchemy import update, delete
from sqlalchemy.orm import aliased
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    email = db.Column(db.String(40))
db.create_all()
for bad in [User, 42, None, [1, 2], {'a': 1}]:
    try:
        db.session.execute(bad)
    except Exception as e:
        print(type(e).__name__, e)
print(update(User).values(name='x').where(User.id == 1))
print(delete(User).where(User.name == 'x'))
print(aliased(User), aliased(User, name='boss'), str(aliased(User)))
