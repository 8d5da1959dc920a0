# Deleting a parent and a child in one flush: the child being deleted keeps its key (no UPDATE
# to NULL), even when that key is part of its primary key; the other children are nulled.
class Parent(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    kids = db.relationship('Kid', backref='parent')
    pets = db.relationship('Pet', backref='owner')


class Kid(db.Model):
    parent_id = db.Column(db.Integer, db.ForeignKey('parent.id'), primary_key=True)
    n = db.Column(db.Integer, primary_key=True)


class Pet(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    owner_id = db.Column(db.Integer, db.ForeignKey('parent.id'))


db.create_all()
p = Parent(kids=[Kid(n=1)], pets=[Pet(), Pet()])
db.session.add(p)
db.session.commit()
db.session.delete(Kid.query.one())
db.session.delete(Pet.query.get(1))
db.session.delete(p)
db.session.commit()
print(Parent.query.count(), Kid.query.count(), db.session.execute(text('SELECT id, owner_id FROM pet')).all())
