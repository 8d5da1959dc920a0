class A(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class B(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    a_id = db.Column(db.Integer, db.ForeignKey('a.id'))
    a = db.relationship('A', backref='bs')


for f in [lambda: B.a.in_([]), lambda: B.a.not_in([]), lambda: B.a.like('x'), lambda: B.a.startswith('x'),
          lambda: B.a.between(1, 2), lambda: B.a.contains('x'), lambda: B.a.is_(None),
          lambda: B.a.isnot(None), lambda: B.a.notin_([]), lambda: B.a.ilike('x')]:
    try:
        print(str(f()).replace('\n', ' '))
    except Exception as e:
        print(type(e).__name__, str(e).split(' at 0x')[0][:100])
