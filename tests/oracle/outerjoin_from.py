class Team(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class Player(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    team_id = db.Column(db.Integer, db.ForeignKey('team.id'))


db.create_all()
db.session.add(Player())
db.session.commit()
print(db.session.execute(select(Player.id, Team.id).outerjoin_from(Player, Team)).all())
