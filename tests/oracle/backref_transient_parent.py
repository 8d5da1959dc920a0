# Backrefs keep both sides in sync in memory before any flush; autoflush and no_autoflush.
class Parent(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    kids = db.relationship('Kid', backref='parent')


class Kid(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    parent_id = db.Column(db.Integer, db.ForeignKey('parent.id'))


db.create_all()
mom, dad = Parent(name='mom'), Parent(name='dad')
k = Kid(name='k1', parent=mom)
print([x.name for x in mom.kids], k.parent_id)
k.parent = dad
print(len(mom.kids), [x.name for x in dad.kids])
mom.kids.append(k)
print(k.parent.name, len(dad.kids))
db.session.add(mom)
print(dad in db.session, k in db.session)
db.session.commit()
print(k.parent_id, dad.id)
k2 = Kid(name='k2')
db.session.add(k2)
with db.session.no_autoflush:
    print(Kid.query.count(), k2.id)
print(Kid.query.count(), k2.id)
k2.parent_id = mom.id
print(k2.parent, len(mom.kids))
db.session.commit()
print(k2.parent.name, sorted(x.name for x in mom.kids))
k3 = Kid(name='k3', parent_id=2)
db.session.add(k3)
db.session.flush()
print(k3.parent, k3.parent_id)
dad.kids = [k3, k2]
db.session.commit()
print(sorted((x.name, x.parent_id) for x in Kid.query))
print(len(mom.kids), len(dad.kids))
