# synchronize_session as an execution option: update(...).execution_options(...) and
# session.execute(stmt, execution_options={...}), besides Query.update(..., synchronize_session=).
class Wallet(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    coins = db.Column(db.Integer)


db.create_all()
db.session.add(Wallet(coins=1))
db.session.commit()
w = Wallet.query.get(1)
Wallet.query.update({'coins': 5}, synchronize_session=False)
print(w.coins)
db.session.execute(db.update(Wallet).values(coins=0).execution_options(synchronize_session=False))
print(w.coins)
db.session.execute(db.update(Wallet).values(coins=7), execution_options={'synchronize_session': False})
print(w.coins)
db.session.commit()
print(w.coins)
