# Window functions: row_number, rank, dense_rank, running sum, partition totals, lag/lead, ntile.


class Score(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    team = db.Column(db.String(10))
    player = db.Column(db.String(10))
    pts = db.Column(db.Integer)


db.create_all()
for t, p, s in [('red', 'ann', 30), ('red', 'bob', 25), ('red', 'cy', 30), ('blue', 'dee', 40),
                ('blue', 'eve', 10), ('blue', 'fay', 25), ('green', 'gus', 5)]:
    db.session.add(Score(team=t, player=p, pts=s))
db.session.commit()

rn = func.row_number().over(order_by=(Score.pts.desc(), Score.player)).label('rn')
rk = func.rank().over(order_by=Score.pts.desc()).label('rk')
drk = func.dense_rank().over(order_by=Score.pts.desc()).label('drk')
for row in db.session.query(Score.player, Score.pts, rn, rk, drk).order_by('rn'):
    print(row.player, row.pts, row.rn, row.rk, row.drk)
team_rank = func.rank().over(partition_by=Score.team, order_by=Score.pts.desc())
print(db.session.query(Score.team, Score.player, team_rank).order_by(Score.team, team_rank, Score.player).all())
running = func.sum(Score.pts).over(order_by=Score.id).label('running')
print(db.session.query(Score.id, running).order_by(Score.id).all())
share = (Score.pts * 100.0 / func.sum(Score.pts).over(partition_by=Score.team)).label('share')
print([(r.player, round(r.share, 1)) for r in db.session.query(Score.player, share).order_by(Score.id)])
print(db.session.query(Score.player, func.lag(Score.pts).over(order_by=Score.id), func.lead(Score.player, 1, 'END').over(order_by=Score.id)).order_by(Score.id).all())
print(db.session.query(Score.player, func.ntile(3).over(order_by=Score.id)).order_by(Score.id).all())
print(db.session.query(Score.team, func.count().over(partition_by=Score.team)).order_by(Score.id).all())
ranked = select(Score.team, Score.player, func.row_number().over(partition_by=Score.team, order_by=Score.pts.desc()).label('r')).subquery()
print(db.session.execute(select(ranked.c.team, ranked.c.player).where(ranked.c.r == 1).order_by(ranked.c.team)).all())
print(str(select(Score.player, rk)))
print(str(select(team_rank)))
print(str(select(func.sum(Score.pts).over(partition_by=[Score.team, Score.player], rows=(None, 0)))))
print(db.session.query(Score.id, func.sum(Score.pts).over(order_by=Score.id, rows=(-1, 0))).order_by(Score.id).all())
