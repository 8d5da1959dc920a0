class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))

    def __repr__(self):
        return f'<User {self.name}>'


db.create_all()
ann = User(name='ann')
db.session.add(ann)
db.session.commit()
bob = User(name='bob')
db.session.add(bob)
with app.app_context():
    print(ann in db.session, bob in db.session, len(db.session.new))
    first = User.query.first()
    print(first, first is ann, first in db.session)
    print(User.query.count())
    db.session.add(User(name='cy'))
    db.session.commit()
print(first in db.session, ann in db.session, bob in db.session, len(db.session.new))
print(ann.name, db.inspect(first).detached, db.inspect(ann).persistent)
db.session.commit()
print(User.query.order_by(User.id).all(), bob.id)
ctx = app.app_context()
ctx.push()
print(ann in db.session, User.query.get(1) is ann)
ctx.pop()
print(ann in db.session, User.query.get(1) is ann)
