from sqlalchemy import update, delete


class Player(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    score = db.Column(db.Integer, default=0)
    rating = db.Column(db.Float, default=1.0)
    active = db.Column(db.Boolean, default=True)

    def __repr__(self):
        return f'<P {self.name} {self.score!r} {self.rating!r}>'


db.create_all()
db.session.add_all([Player(name=n, score=s) for n, s in [('ann', 10), ('bob', 25), ('cy', 40), ('dee', 7)]])
db.session.commit()
ps = Player.query.order_by(Player.id).all()
n = Player.query.filter(Player.score > 20).update({Player.score: Player.score * 1.5})
print(n, ps)
n = Player.query.filter(Player.name.like('%e%')).update({'rating': Player.rating + 0.5})
print(n, ps)
n = Player.query.filter(Player.name.startswith('a')).update({'name': Player.name + '!'})
print(n, ps, db.session.query(Player.name).filter(Player.id == 1).scalar())
n = Player.query.filter(Player.score.in_([7, 10])).update({'score': Player.score % 4}, synchronize_session=False)
print(n, ps)
db.session.expire_all()
print(ps)
cy = ps[2]
n = Player.query.filter(Player.score >= 60).delete()
print(n, cy in db.session, db.inspect(cy).deleted, Player.query.count())
db.session.commit()
print(db.inspect(cy).detached, db.inspect(cy).deleted)
try:
    Player.query.filter(Player.name.like('b%')).delete(synchronize_session='evaluate')
except Exception as e:
    print(type(e).__name__, str(e).split(' at 0x')[0])
db.session.rollback()
rows = Player.query.order_by(Player.id).all()
r = db.session.execute(update(Player).where(Player.score < 5).values(active=False))
print(r.rowcount, rows)
print([p.active for p in rows])
r = db.session.execute(delete(Player).where(Player.active == False))
print(r.rowcount, [db.inspect(p).deleted for p in rows], Player.query.count())
db.session.commit()
print(Player.query.all())
try:
    Player.query.update({'score': 1}, synchronize_session='nope')
except Exception as e:
    print(type(e).__name__, e)
