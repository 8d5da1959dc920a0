at = db.Table('at', db.Column('a_id', db.Integer, db.ForeignKey('a.id')),
              db.Column('t_id', db.Integer, db.ForeignKey('t.id')))


class A(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    tags = db.relationship('T', secondary=at)


class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)


print(str(A.tags.any(T.id == 5)))
print(str(~A.tags.any()))
