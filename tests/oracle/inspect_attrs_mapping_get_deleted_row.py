class P(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    kids = db.relationship('K', backref='p')


class K(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    p_id = db.Column(db.Integer, db.ForeignKey('p.id'))


db.create_all()
p = P(name='a')
attrs = db.inspect(p).attrs
print('name' in attrs, 'nope' in attrs, len(attrs))
print(sorted(attrs.keys()), list(attrs.keys()))
print([a.key for a in attrs.values()], [k for k, v in attrs.items()])
print(attrs.get('name').value, attrs.get('zzz'), attrs.get('zzz', 5))
db.session.add(p)
db.session.commit()
db.session.execute(db.text('DELETE FROM p'))
db.session.commit()
print(db.session.get(P, 1), p in db.session, db.inspect(p).persistent, db.inspect(p).detached)
print(P.query.count())

print(db.inspect(P).attrs.keys(), db.inspect(K).attrs.keys())
print([a.key for a in db.inspect(P(name='x')).attrs])
print([a.key for a in db.inspect(K()).attrs])
print([a.key for a in db.inspect(P).attrs], [c.key for c in db.inspect(P).column_attrs])
class Q(db.Model):
    id = db.Column(db.Integer, primary_key=True)
db.create_all()
q = Q()
db.session.add(q)
db.session.commit()
db.session.execute(db.text('DELETE FROM q'))
db.session.commit()
print(db.session.get(Q, 1))
i = db.inspect(q)
print(i.transient, i.pending, i.persistent, i.deleted, i.detached, i.was_deleted, i.identity)
print(db.inspect(Q).attrs.keys())
