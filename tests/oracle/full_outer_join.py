# FULL OUTER JOIN (join/outerjoin with full=True) and LEFT OUTER JOIN via isouter, in select() and Query.
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


class Address(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(40))
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))


db.create_all()
db.session.add_all([User(name='ann'), User(name='bob'), Address(email='a@x', user_id=1), Address(email='z@x')])
db.session.commit()
stmt = select(User.name, Address.email).join(Address, full=True).order_by(User.name, Address.email)
print(stmt)
print(db.session.execute(stmt).all())
print(db.session.execute(select(User.name, Address.email).outerjoin(Address, full=True)
                         .order_by(Address.email)).all())
print(db.session.execute(select(User.name, Address.email).join(Address, isouter=True).order_by(User.name)).all())
print(db.session.query(User.name, Address.email).join(Address, User.id == Address.user_id, full=True)
      .order_by(User.name, Address.email).all())
print(db.session.execute(select(User.name, Address.email).join_from(User, Address, isouter=True)
                         .order_by(User.name)).all())
print(db.session.execute(select(User.name, Address.email).join_from(User, Address, full=True)
                         .order_by(User.name, Address.email)).all())
