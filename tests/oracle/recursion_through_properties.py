class User:
    @property
    def name(self):
        return self.name        # learner mistake: recursive getter
try:
    User().name
except RecursionError as e:
    print(type(e).__name__)
print('still running')
class Account(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    pw = db.Column(db.String(20))
    @property
    def password(self):
        return self.password
    @password.setter
    def password(self, value):
        self.password = value
db.create_all()
try:
    u = Account(password='x')
except RecursionError as e:
    print('init', e)
u = Account()
try:
    u.password = 'y'
except RecursionError as e:
    print('set', e)
try:
    u.password
except RecursionError as e:
    print('get', e)
