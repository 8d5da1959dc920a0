from sqlalchemy.ext.hybrid import hybrid_property
from sqlalchemy.orm import validates
from sqlalchemy import event
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    first = db.Column(db.String(20))
    last = db.Column(db.String(20))
    email = db.Column(db.String(50))
    @hybrid_property
    def full_name(self):
        return self.first + ' ' + self.last
    @validates('email')
    def validate_email(self, key, value):
        if '@' not in value:
            raise ValueError('bad email')
        return value.lower()
@event.listens_for(User, 'before_insert')
def before_insert(mapper, connection, target):
    target.last = target.last.upper()
db.create_all()
db.session.add_all([User(first='Ann', last='lee', email='A@X.COM'), User(first='Bob', last='ray', email='b@y.org')])
db.session.commit()
try:
    User(first='x', last='y', email='nope')
except ValueError as e:
    print('ValueError', e)
print([(u.full_name, u.email) for u in User.query.order_by(User.id)])
print(User.query.filter(User.full_name == 'Ann LEE').count())
page = User.query.order_by(User.id).paginate(page=1, per_page=1)
print(page.total, page.pages, page.page, page.next_num, page.has_prev, list(page.iter_pages()), page.first, page.last)
p2 = page.next()
print(p2.items, p2.prev_num)
print(db.one_or_404(db.select(User).filter_by(first='Bob')).email)
print(db.session.execute(db.select(User.first, User.last).order_by(User.first.desc())).mappings().all())
print(db.session.scalars(db.select(User.first).where(User.first.in_(['Ann', 'Zed']))).one())
