# selectinload / subqueryload and lazy='selectin' / 'subquery': the related objects come
# with the query, nested loads, many-to-one keys, and paginate / get.
from sqlalchemy.orm import selectinload, subqueryload


class Team(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    players = db.relationship('Player', backref='team', lazy='selectin', order_by='Player.name')
    coaches = db.relationship('Coach', backref='team', lazy='subquery')

    def __repr__(self):
        return f'<Team {self.name}>'


class Player(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    team_id = db.Column(db.Integer, db.ForeignKey('team.id'))
    goals = db.relationship('Goal', backref='player', lazy='selectin')

    def __repr__(self):
        return f'<Player {self.name}>'


class Coach(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    team_id = db.Column(db.Integer, db.ForeignKey('team.id'))

    def __repr__(self):
        return f'<Coach {self.name}>'


class Goal(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    minute = db.Column(db.Integer)
    player_id = db.Column(db.Integer, db.ForeignKey('player.id'))

    def __repr__(self):
        return f'<Goal {self.minute}>'


db.create_all()
db.session.add_all([Team(name='Reds'), Team(name='Blues'), Team(name='Greens')])
db.session.commit()
db.session.add_all([Player(name='Bo', team_id=1), Player(name='Ann', team_id=1), Player(name='Cy', team_id=2),
                    Player(name='Di')])
db.session.commit()
db.session.add_all([Coach(name='Zed', team_id=1), Coach(name='Yan', team_id=2)])
db.session.commit()
db.session.add_all([Goal(minute=10, player_id=1), Goal(minute=55, player_id=1), Goal(minute=3, player_id=3)])
db.session.commit()
db.session.close()

teams = Team.query.order_by(Team.id).all()
print([(t, t.players, t.coaches) for t in teams])
print(Team.query.filter(Team.name != 'Greens').order_by(Team.name).limit(1).all()[0].coaches)
db.session.close()
players = Player.query.options(selectinload(Player.team), selectinload(Player.goals)).order_by(Player.id.desc()).all()
print([(p, p.team, p.goals) for p in players])
db.session.close()
players = Player.query.options(subqueryload(Player.goals)).filter(Player.name < 'Cy').order_by(Player.name).all()
print([(p, p.goals) for p in players])
db.session.close()
t = db.session.get(Team, 1)
print(t, t.players, t.coaches)
db.session.close()
t = Team.query.options(selectinload(Team.players).selectinload(Player.goals)).order_by(Team.id).first()
print([(p, p.goals) for p in t.players])
db.session.close()
page = db.paginate(select(Team).order_by(Team.id), page=1, per_page=2)
print(page.items, [t.players for t in page.items], page.total)
db.session.close()
p = Player.query.filter_by(name='Bo').one()
db.session.commit()
print(p.name, p.goals)
print(db.session.scalars(select(Player).options(selectinload(Player.team)).where(Player.id < 3)).all())
