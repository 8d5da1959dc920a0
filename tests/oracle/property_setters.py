class Temp:
    def __init__(self):
        self._c = 0
    def get_f(self):
        return self._c * 9 / 5 + 32
    def set_f(self, v):
        self._c = (v - 32) * 5 / 9
    f = property(get_f, set_f)
    @property
    def c(self):
        return self._c
t = Temp()
t.f = 212
print(t.c, t.f)
try:
    t.c = 5
except AttributeError as e:
    print(e)

class Account(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    _balance = db.Column('balance', db.Integer, default=0)
    @property
    def balance(self):
        return self._balance
    @balance.setter
    def balance(self, v):
        if v < 0:
            raise ValueError('negative')
        self._balance = v
db.create_all()
a = Account()
a.balance = 10
db.session.add(a); db.session.commit()
print(a.balance, Account.query.filter(Account._balance > 5).count())
try:
    a.balance = -1
except ValueError as e:
    print(e)
print(db.session.execute(text('select balance from account')).scalar())
