def stamp():
    return 'made'


links = db.Table('links',
                 db.Column('a_id', db.Integer, db.ForeignKey('a.id'), primary_key=True),
                 db.Column('b_id', db.Integer, db.ForeignKey('b.id'), primary_key=True),
                 db.Column('note', db.String(10), default='auto'),
                 db.Column('how', db.String(10), default=stamp),
                 db.Column('at', db.String(30), default=func.upper('x')),
                 db.Column('n', db.Integer))


class A(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    bs = db.relationship('B', secondary=links, backref='as_')


class B(db.Model):
    id = db.Column(db.Integer, primary_key=True)


db.create_all()
a = A(bs=[B(), B()])
db.session.add(a)
db.session.commit()
print(db.session.execute(text('SELECT * FROM links ORDER BY b_id')).all())
b = B()
b.as_.append(a)
db.session.add(b)
db.session.commit()
print(db.session.execute(text('SELECT * FROM links ORDER BY b_id')).all())
