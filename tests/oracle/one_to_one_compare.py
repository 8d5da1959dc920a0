# A one-to-one seen from the side without the foreign key (`Mapped["Profile"]`, no list):
# == an object compares the parent's key with the object's foreign key, != is NOT EXISTS
# on the object's primary key; == None / != None are NOT EXISTS / EXISTS.
class User(db.Model):
    id: db.Mapped[int] = db.mapped_column(primary_key=True)
    name: db.Mapped[str] = db.mapped_column(db.String(30))
    profile: db.Mapped["Profile"] = db.relationship(back_populates="user")
class Profile(db.Model):
    id: db.Mapped[int] = db.mapped_column(primary_key=True)
    user_id: db.Mapped[int] = db.mapped_column(db.ForeignKey("user.id"))
    bio: db.Mapped[str] = db.mapped_column(db.String(50), default="")
    user: db.Mapped[User] = db.relationship(back_populates="profile")
# A Mapped[timedelta] column is an Interval.
class Shift(db.Model):
    id: db.Mapped[int] = db.mapped_column(primary_key=True)
    length: db.Mapped[timedelta]
db.create_all()
ann = User(name="ann", profile=Profile(bio="hi"))
bob = User(name="bob", profile=Profile(bio="yo"))
db.session.add_all([ann, bob, User(name="cy")])
db.session.commit()
p = ann.profile
for e in [User.profile == p, User.profile != p, User.profile == None, User.profile != None]:
    print(e)
    print(e.compile().params)
    print([u.name for u in db.session.scalars(select(User).where(e).order_by(User.id))])
print(User.query.filter(User.profile == bob.profile).one().name)
print(repr(Shift.__table__.c.length.type))
db.session.add(Shift(length=timedelta(hours=7, minutes=30)))
db.session.commit()
print(db.session.get(Shift, 1).length)
