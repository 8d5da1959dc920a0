# foreign_keys= after an expression primaryjoin=; a foreign() made outside any
# relationship is not taken by the next one.
from sqlalchemy.orm import foreign


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


cond = foreign(Tag.name) == 'x'


class Profile(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_email = db.Column(db.String(50))
    bio = db.Column(db.String(50))


class A(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    live_bs = db.relationship('B', primaryjoin='and_(A.id == B.a_id, B.live == True)', viewonly=True)


class B(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    a_id = db.Column(db.Integer, db.ForeignKey('a.id'))
    live = db.Column(db.Boolean)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(50))
    profiles = db.relationship(Profile, primaryjoin=email == Profile.owner_email,
                               foreign_keys=[Profile.owner_email], viewonly=True)


db.create_all()
db.session.add_all([User(email='a@x'), Profile(owner_email='a@x', bio='hi'), A(id=1),
                    B(a_id=1, live=True), B(a_id=1, live=False)])
db.session.commit()
print([p.bio for p in db.session.get(User, 1).profiles], len(db.session.get(A, 1).live_bs))
