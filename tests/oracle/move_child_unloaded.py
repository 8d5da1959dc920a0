class Parent(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    kids = db.relationship('Kid', backref='parent')


class Kid(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    parent_id = db.Column(db.Integer, db.ForeignKey('parent.id'))


db.create_all()
db.session.add(Parent())
db.session.commit()
mom = Parent(kids=[Kid(), Kid()])
dad = Parent()
db.session.add_all([mom, dad])
db.session.commit()
k = mom.kids[0]
print(len(mom.kids), len(dad.kids))
dad.kids.append(k)
print(len(mom.kids), len(dad.kids), k.parent is dad)
db.session.commit()
print([(x.id, x.parent_id) for x in Kid.query.order_by(Kid.id)])
k2 = Kid.query.get(2)
print(len(mom.kids))
dad.kids.append(k2)
print(len(mom.kids), [x.id for x in dad.kids])
