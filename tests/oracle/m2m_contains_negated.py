at = db.Table('at', db.Column('a_id', db.Integer, db.ForeignKey('a.id')),
              db.Column('t_id', db.Integer, db.ForeignKey('t.id')))


class A(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    tags = db.relationship('T', secondary=at)
    notes = db.relationship('N', backref='a')


class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class N(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    a_id = db.Column(db.Integer, db.ForeignKey('a.id'))


db.create_all()
t1, t2 = T(), T()
n1 = N()
db.session.add_all([A(tags=[t1], notes=[n1]), A(tags=[t2, t1]), A()])
db.session.commit()
print([a.id for a in A.query.filter(A.tags.contains(t1)).order_by(A.id)])
print([a.id for a in A.query.filter(~A.tags.contains(t1)).order_by(A.id)])
print([a.id for a in A.query.filter(db.not_(A.tags.contains(t2))).order_by(A.id)])
print([a.id for a in A.query.filter(~A.notes.contains(n1)).order_by(A.id)])
print([a.id for a in A.query.filter(A.notes.contains(n1)).order_by(A.id)])
print(db.session.scalars(select(A.id).where(~A.tags.contains(t2)).order_by(A.id)).all())
print(str(~A.tags.contains(t1)))
print(str(A.tags.contains(t1)))
print([a.id for a in A.query.filter(db.or_(~A.tags.contains(t1), A.id == 1)).order_by(A.id)])
print(str(db.not_(A.tags.contains(t1))) == str(~A.tags.contains(t1)))
