# Cascade settings side by side: default, 'all', 'all, delete-orphan', '' (none) and 'save-update, delete'.
class Parent(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    a = db.relationship('KidA', backref='parent')
    b = db.relationship('KidB', backref='parent', cascade='all')
    c = db.relationship('KidC', backref='parent', cascade='all, delete-orphan')
    d = db.relationship('KidD', backref='parent', cascade='')
    e = db.relationship('KidE', backref='parent', cascade='save-update, delete')


class KidA(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    parent_id = db.Column(db.Integer, db.ForeignKey('parent.id'))


class KidB(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    parent_id = db.Column(db.Integer, db.ForeignKey('parent.id'))


class KidC(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    parent_id = db.Column(db.Integer, db.ForeignKey('parent.id'))


class KidD(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    parent_id = db.Column(db.Integer, db.ForeignKey('parent.id'))


class KidE(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    parent_id = db.Column(db.Integer, db.ForeignKey('parent.id'))


kinds = [KidA, KidB, KidC, KidD, KidE]


def table():
    return [db.session.execute(text(f'SELECT id, parent_id FROM {k.__tablename__} ORDER BY id')).all() for k in kinds]


db.create_all()
p = Parent()
for k, rel in zip(kinds, 'abcde'):
    getattr(p, rel).extend([k(), k()])
db.session.add(p)
print([len(db.session.new)])
kd = p.d[0]
db.session.add_all(p.d)
db.session.commit()
print(table())

for rel in 'abcde':
    getattr(p, rel).pop(0)
db.session.commit()
print(table())

db.session.delete(p)
print(sorted(type(o).__name__ for o in db.session.deleted))
db.session.commit()
print(table())
print(kd.parent_id, kd in db.session)
