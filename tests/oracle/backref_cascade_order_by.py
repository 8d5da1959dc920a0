class Parent(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))

class Child(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    rank = db.Column(db.Integer)
    parent_id = db.Column(db.Integer, db.ForeignKey('parent.id'))
    parent = db.relationship('Parent', backref=db.backref('children', cascade='all, delete-orphan', order_by='Child.rank', lazy='dynamic'))
    def __repr__(self):
        return f'<Child {self.name}>'

db.create_all()
p = Parent(name='p')
db.session.add(p)
for n, r in [('c', 3), ('a', 1), ('b', 2)]:
    db.session.add(Child(name=n, rank=r, parent=p))
db.session.commit()
print(p.children.all(), p.children.count())
print(p.children.filter(Child.rank > 1).all())
db.session.delete(p)
db.session.commit()
print(Child.query.count(), Parent.query.count())
