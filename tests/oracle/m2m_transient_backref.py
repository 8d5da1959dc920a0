link = db.Table('link',
    db.Column('a_id', db.Integer, db.ForeignKey('a.id')),
    db.Column('t_id', db.Integer, db.ForeignKey('t.id')))
class A(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    ts = db.relationship('T', secondary=link, back_populates='as_')
class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    as_ = db.relationship('A', secondary=link, back_populates='ts')
db.create_all()
a = A()
t = T()
db.session.add(t)
a.ts.append(t)
db.session.commit()
print(db.session.execute(text('SELECT * FROM link')).all(), A.query.count())
