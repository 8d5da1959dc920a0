# Joining tables whose columns share names: row keys, _fields, labels and _mapping lookups.
class Team(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    players = db.relationship('Player', backref='team', lazy=True)


class Player(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    team_id = db.Column(db.Integer, db.ForeignKey('team.id'))


db.create_all()
red, blue = Team(name='Red'), Team(name='Blue')
db.session.add_all([red, blue, Player(name='Ola', team=red), Player(name='Kim', team=blue), Player(name='Li', team=red)])
db.session.commit()

rows = db.session.execute(select(Team.name, Player.name).join(Team.players).order_by(Player.id)).all()
print(rows, rows[0]._fields)
print([r.name for r in rows], [r[1] for r in rows])
print([r._mapping[Player.name] for r in rows], [r._mapping[Team.name] for r in rows])
print([r._mapping['name_1'] if 'name_1' in r._mapping else None for r in rows][:1])
labeled = db.session.execute(select(Team.name.label('team'), Player.name.label('player'))
                             .join(Team.players).order_by(Team.name, Player.name)).all()
print(labeled, [f'{r.player}@{r.team}' for r in labeled])
ids = db.session.execute(select(Team.id, Player.id).join(Team.players).order_by(Player.id)).all()
print(ids, ids[0]._fields, [r._mapping[Player.id] for r in ids])
print(db.session.execute(text('SELECT team.name, player.name FROM team JOIN player ON player.team_id = team.id '
                              'ORDER BY player.id')).all())
print(db.session.execute(select(Team.name, func.count(Player.id)).join(Team.players).group_by(Team.id)
                         .order_by(Team.name)).all())
print([dict(r) for r in db.session.execute(select(Team.name, Player.name).join(Team.players).order_by(Player.id)).mappings()][:1])
m0 = db.session.execute(select(Team.name)).mappings().first()
try:
    m0.name
except AttributeError as e:
    print('AttributeError', e)
m = db.session.execute(select(Team.name, Player.name).join(Team.players).order_by(Player.id)).mappings().first()
print(m[Player.name], m[Team.name], m['name_1'])
print(db.session.query(Team.name, Player.name).join(Team.players).order_by(Player.id).first()._mapping[Player.name])
