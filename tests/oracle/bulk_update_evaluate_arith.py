class P(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    score = db.Column(db.Integer)
    ratio = db.Column(db.Float)
    name = db.Column(db.String(20))

db.create_all()
db.session.add_all([P(score=12, ratio=1.5, name='a'), P(score=7, ratio=None, name='b'), P(score=None, ratio=2.0, name='c')])
db.session.commit()
ps = P.query.order_by(P.id).all()
for upd in [{P.score: P.score / 2}, {P.score: P.score // 5}, {P.score: P.score * 3 - 1}, {P.score: P.score % 4},
            {P.ratio: P.ratio * 2}, {P.ratio: P.ratio / 4}, {P.score: 10 - P.score}, {P.name: P.name + '!'},
            {P.score: P.score + 0.5}, {P.ratio: P.ratio + P.score}]:
    n = P.query.update(upd)
    print(n, [(p.score, p.ratio, p.name) for p in ps])
db.session.commit()
print([(p.score, p.ratio, p.name) for p in ps])
