# session.dirty holds every persistent object an attribute was set on, even to the
# value it had (is_modified() compares); a flush, expire() or delete() takes it out.
class Wallet(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner = db.Column(db.String(20))
    coins = db.Column(db.Integer)


db.create_all()
db.session.add_all([Wallet(owner='a', coins=1), Wallet(owner='b', coins=2)])
db.session.commit()
a, b = Wallet.query.order_by(Wallet.id).all()
print(a in db.session.dirty, len(db.session.dirty), bool(db.session.dirty))
a.coins = 1
print(a in db.session.dirty, db.session.is_modified(a), len(db.session.dirty))
print(Wallet.query.count(), a in db.session.dirty)
a.coins = 1
b.coins = 3
print(len(db.session.dirty), db.session.is_modified(a), db.session.is_modified(b))
db.session.expire(b)
print(b in db.session.dirty, b.coins, len(db.session.dirty))
db.session.delete(a)
print(a in db.session.dirty, a in db.session.deleted)
db.session.rollback()
a.owner = 'a'
db.session.flush()
print(a in db.session.dirty, db.session.is_modified(a))
b.owner = 'bb'
print([w.owner for w in db.session.dirty], db.session.is_modified(b))
db.session.commit()
print(len(db.session.dirty), b.owner)
