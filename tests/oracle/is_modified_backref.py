class Team(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    players = db.relationship('Player', backref='team')
class Player(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    team_id = db.Column(db.Integer, db.ForeignKey('team.id'))
db.create_all()
t = Team(players=[Player(), Player()])
db.session.add(t)
db.session.commit()
p = db.session.get(Player, 1)
print(p.team, db.session.is_modified(p))
q = t.players[1]
print(db.session.is_modified(q), q.team, db.session.is_modified(q))
p2 = Player.query.options(db.joinedload(Player.team)).filter_by(id=2).one()
print(db.session.is_modified(p2))
t.players.remove(p)
print(db.session.is_modified(p), p in db.session.dirty, p.team)
