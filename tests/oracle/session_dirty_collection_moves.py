# session.dirty after collection changes: a child moved between loaded collections marks
# both parents; replacing a collection marks the parent and the removed child, not the kept.
class P(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    kids = db.relationship('K', backref='p')


class K(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    p_id = db.Column(db.Integer, db.ForeignKey('p.id'))


db.create_all()
k = K()
p1, p2 = P(kids=[k]), P()
db.session.add_all([p1, p2])
db.session.commit()
p1.kids, p2.kids
p2.kids.append(k)
print(sorted(map(repr, db.session.dirty)))
db.session.commit()
print([x.id for x in p1.kids], [x.id for x in p2.kids])
k1, k2 = K(), K()
p = P(kids=[k1, k2])
db.session.add(p)
db.session.commit()
p.kids = [k1]
print(sorted(map(repr, db.session.dirty)))
db.session.commit()
print([x.id for x in p.kids], k2.p_id, k1.p_id)
p.kids = [k1, k2]
print(sorted(map(repr, db.session.dirty)))
db.session.commit()
print(sorted(x.id for x in p.kids))
