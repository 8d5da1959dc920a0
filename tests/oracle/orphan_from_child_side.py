# delete-orphan seen from the child's side: `child.parent = None` orphans the child at the
# next flush whether or not the parent's collection was loaded; moving it to another
# parent does not.
class Parent(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    kids = db.relationship('Kid', backref='parent', cascade='all, delete-orphan')


class Kid(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    parent_id = db.Column(db.Integer, db.ForeignKey('parent.id'))


db.create_all()
a, b = Parent(name='a'), Parent(name='b')
db.session.add_all([a, b, Kid(name='k1', parent=a), Kid(name='k2', parent=a), Kid(name='k3', parent=b)])
db.session.commit()
kids = Kid.query.order_by(Kid.id).all()
parents = Parent.query.all()
kids[0].parent = None
kids[1].parent = b
db.session.commit()
print([(k.name, k.parent.name) for k in Kid.query.order_by(Kid.id)])
k3 = db.session.get(Kid, 3)
k3.parent = None
db.session.flush()
print(Kid.query.count(), [k.name for k in b.kids])
db.session.rollback()
print(Kid.query.count())
