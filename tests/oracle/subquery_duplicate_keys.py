class S(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    v = db.Column(db.Integer)


class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    v = db.Column(db.Integer)


db.create_all()
db.session.add_all([S(v=1), S(v=None), T(v=5)])
db.session.commit()
sub = db.session.query(func.count(S.id), func.count(S.v), func.max(S.v)).subquery()
print(sub.c.keys())
print(db.session.query(sub.c.count, sub.c.count_1, sub.c.max).one())
sub2 = select(S.id, T.id, S.v, T.v).join(T, T.id == S.id).subquery()
print(sub2.c.keys())
print(db.session.execute(select(sub2)).all())
sub3 = db.session.query(S.v, T.v).join(T, T.id == S.id).subquery()
print(sub3.c.keys())
s4 = select(func.count(S.id), func.count(T.id)).select_from(S).join(T, T.id == S.id).subquery()
print(s4.c.keys(), db.session.execute(select(s4.c.count_1)).scalar())
