# ForeignKey.parent (the column it is on), ColumnCollection.get(), a relationship's
# local_columns.
class Team(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    code = db.Column(db.String(5), unique=True)


class Player(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    team_id = db.Column(db.Integer, db.ForeignKey('team.id', ondelete='CASCADE'))
    team_code = db.Column(db.String(5), db.ForeignKey('team.code'))
    mentor_id = db.Column(db.Integer, db.ForeignKey('player.id'))
    team = db.relationship('Team', foreign_keys=[team_id], backref='players')
    mentor = db.relationship('Player', remote_side=[id])


db.configure_mappers()
for fk in sorted(Player.__table__.foreign_keys, key=lambda fk: fk.parent.name):
    print(fk.parent.name, fk.parent.table.name, '->', fk.target_fullname, fk.ondelete)
print([fk.parent.name for fk in Player.__table__.c.team_id.foreign_keys])
print(db.ForeignKey('team.id').parent)
c = Player.__table__.c
print(c.get('team_id').name, c.get('nope'), c.get('nope', 'default'))
print(sorted(x.name for x in Player.team.property.local_columns))
print(sorted(x.name for x in Team.players.property.local_columns))
print(sorted(x.name for x in Player.mentor.property.local_columns))
