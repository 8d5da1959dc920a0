class Account(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    _balance = db.Column('balance', db.Integer, default=0)

    @property
    def balance(self):
        return self._balance

    @balance.setter
    def balance(self, v):
        if v < 0:
            raise ValueError("negative")
        self._balance = v

    @balance.deleter
    def balance(self):
        self._balance = 0

    @property
    def label(self):
        return f"#{self.id}"


a = Account(_balance=5)
a.balance = 7
print(a.balance)
del a.balance
print(a.balance)
try:
    a.balance = -1
except ValueError as e:
    print(e)
try:
    del a.label
except AttributeError as e:
    print(e)
print(Account.balance.fdel is not None, Account.label.fdel)


class P:
    def _get(self):
        return 1
    def _del(self):
        print("deleted")
    x = property(_get, None, _del)


p = P()
del p.x
print(p.x)
