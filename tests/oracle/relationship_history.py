# The history of relationship attributes (inspect(obj).attrs.<rel>.history): collections and
# references, new and persistent objects, unloaded, changed, after commit.
class Team(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    players = db.relationship('Player', backref='team')

    def __repr__(self):
        return f'<Team {self.name}>'


class Player(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    team_id = db.Column(db.Integer, db.ForeignKey('team.id'))

    def __repr__(self):
        return self.name


def hist(obj, key):
    h = db.inspect(obj).attrs[key].history
    return f'{h.added} {h.unchanged} {h.deleted} {h.has_changes()}'


db.create_all()
red, blue = Team(name='Red'), Team(name='Blue')
ana, bo = Player(name='ana'), Player(name='bo')
red.players = [ana, bo]
print(hist(red, 'players'), hist(ana, 'team'), hist(blue, 'players'))
db.session.add_all([red, blue])
print(hist(red, 'players'), db.inspect(red).attrs.players.history)
db.session.commit()
print(hist(red, 'players'), hist(ana, 'team'))
print(red.players, hist(red, 'players'))
red.players.remove(bo)
red.players.append(Player(name='cy'))
print(hist(red, 'players'), hist(bo, 'team'))
db.session.commit()
print(hist(red, 'players'), red.players, hist(red, 'players'))
dee = Player.query.filter_by(name='ana').one()
print(dee.team, hist(dee, 'team'))
dee.team = blue
print(hist(dee, 'team'), hist(dee, 'team_id'))
dee.team = None
print(hist(dee, 'team'))
db.session.rollback()
print(hist(dee, 'team'), dee.team, hist(dee, 'team'))
