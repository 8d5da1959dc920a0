# A misspelt lazy= loader strategy, in a backref: LoaderStrategyException at first use.
class Team(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    players = db.relationship('Player', backref=db.backref('team', lazy='joinedd'), lazy='dynamic')


class Player(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    team_id = db.Column(db.Integer, db.ForeignKey('team.id'))


db.create_all()
print('created')
try:
    db.session.add(Team())
except Exception as e:
    print(type(e).__name__, e)
    print(isinstance(e, db.exc.InvalidRequestError) if hasattr(db, 'exc') else 'no exc')
try:
    Player.query.count()
except Exception as e:
    print(type(e).__name__, e)
