# A detached object: an unloaded relationship raises the lazy load's error (even when
# its columns are expired too), an expired column the refresh's; loaded values stay.
class Node(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    parent_id = db.Column(db.Integer, db.ForeignKey('node.id'))
    kids = db.relationship('Node', backref=db.backref('parent', remote_side=[id]))


def tail(e):
    return str(e).split('>')[1].split(' (')[0]


db.create_all()
root = Node(name='root', kids=[Node(name='a')])
db.session.add(root)
db.session.commit()
db.session.expunge(root)
for attr in ['kids', 'name', 'parent']:
    try:
        print(getattr(root, attr))
    except Exception as e:
        print(type(e).__name__, tail(e))
a = Node.query.filter_by(name='a').one()
print(a.name, a.parent.name)
db.session.expunge_all()
print(a.name, a.parent.name, a.parent_id)
try:
    print(a.kids)
except Exception as e:
    print(type(e).__name__, tail(e))
