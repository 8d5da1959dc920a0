# Reflected operators name their parameters after the column; print(insert(Model));
# a write-only collection's update()/delete() leave its order_by out; add() of a
# deleted object; hasattr() on the session.
from sqlalchemy import ForeignKey, insert
from sqlalchemy.orm import Mapped, mapped_column, relationship, WriteOnlyMapped


class Account(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]
    txns: WriteOnlyMapped["Txn"] = relationship(order_by="Txn.id")


class Txn(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("account.id"))
    amount: Mapped[int]


print(select(("Account: " + Account.name).label("label"), 10 - Account.id, 2 * Account.id))
print(insert(Account))
print(insert(Account).values(name="x"))
db.create_all()
acc = Account(name="main", txns=[Txn(amount=5), Txn(amount=7)])
db.session.add(acc)
db.session.commit()
print(db.session.execute(acc.txns.update().values(amount=Txn.amount * 10)).rowcount)
print(db.session.scalars(acc.txns.select()).all() and [t.amount for t in db.session.scalars(acc.txns.select())])
print(db.session.execute(acc.txns.delete()).rowcount)
t = Txn(amount=1, account_id=acc.id)
db.session.add(t)
db.session.commit()
db.session.delete(t)
db.session.commit()
try:
    db.session.add(t)
    print("added")
except Exception as e:
    print(type(e).__name__, str(e).split("'")[0], str(e).split("deleted.")[1])
print(hasattr(db.session, "no_such_method"), hasattr(db.session, "add"), hasattr(db.session(), "scalars"))
db.session.add_all([Account(name="a"), Account(name="b")])
db.session.flush()
db.session.add_all([Txn(id=1, account_id=1, amount=1), Txn(id=1, account_id=1, amount=2)])
try:
    db.session.flush()
except Exception as e:
    print(type(e).__name__)
db.session.flush()
print("empty flush")
try:
    db.session.commit()
except Exception as e:
    print(type(e).__name__, str(e).count("(Background on this error at:"))
db.session.rollback()
