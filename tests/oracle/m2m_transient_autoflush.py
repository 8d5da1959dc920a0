link = db.Table('link',
    db.Column('a_id', db.Integer, db.ForeignKey('a.id'), primary_key=True),
    db.Column('t_id', db.Integer, db.ForeignKey('t.id'), primary_key=True))
class A(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    ts = db.relationship('T', secondary=link, backref='as_')
class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)
db.create_all()
a = A()                 # transient, never added
t = T()
db.session.add(t)
a.ts.append(t)          # backref puts a into t.as_
print(T.query.count())  # autoflush: real SA warns and skips the link row
db.session.add(a)
db.session.commit()
print(db.session.execute(text('SELECT * FROM link')).all())
