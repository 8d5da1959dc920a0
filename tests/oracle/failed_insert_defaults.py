from sqlalchemy.exc import IntegrityError


class A(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    login = db.Column(db.String(20), unique=True)
    credits = db.Column(db.Integer, default=0)
    level = db.Column(db.String(10), default=lambda: 'basic')


db.create_all()
db.session.add(A(login='x'))
db.session.commit()
ok, dup = A(login='y'), A(login='x')
db.session.add_all([ok, dup])
try:
    db.session.commit()
except IntegrityError as e:
    print('IntegrityError', e.orig)
    db.session.rollback()
print(ok.credits, ok.level, dup.credits, dup.level, dup.login)
dup.login = 'z'
db.session.add(dup)
db.session.commit()
print(dup.id, dup.credits, dup.level)
print(db.session.execute(text('SELECT login, credits, level FROM a ORDER BY id')).all())


class B(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    tags = db.Column(db.String(20))
    n = db.Column(db.Integer, default=7)


db.create_all()
b = B(tags=['no'])
db.session.add(b)
try:
    db.session.commit()
except Exception as e:
    print(type(e).__name__)
    db.session.rollback()
print(b.n, b.tags)
