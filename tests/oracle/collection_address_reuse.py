class Team(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    players = db.relationship('Player', backref='team')


class Player(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    team_id = db.Column(db.Integer, db.ForeignKey('team.id'))


db.create_all()
red = Team(players=[Player()])
blue = Team(players=[Player(), Player()])
db.session.add_all([red, blue])
db.session.commit()
for i in range(3):
    names = []
    names.extend(blue.players)
db.session.commit()
print(db.session.execute(text('SELECT id, team_id FROM player ORDER BY id')).all())
