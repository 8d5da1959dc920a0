log = []


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(60))
    name = db.Column(db.String(60))
    team_id = db.Column(db.Integer, db.ForeignKey('team.id'))
    team = db.relationship('Team')


class Team(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))


@db.event.listens_for(User.email, 'set', retval=True)
def normalize(target, value, oldvalue, initiator):
    return value.strip().lower() if value else value


@db.event.listens_for(User.name, 'set')
def on_name(target, value, oldvalue, initiator):
    log.append(('name', value, repr(oldvalue), type(target).__name__))


def on_team(target, value, oldvalue, initiator):
    log.append(('team', value.title if value else None, repr(oldvalue)))


db.event.listen(User.team, 'set', on_team)
db.create_all()
u = User(email='  Ann@Example.COM ', name='Ann')
print(u.email)
db.session.add(u)
db.session.commit()
u.name = 'Annie'
u.name = 'Annie'
u.team = Team(title='red')
u.email = 'X@Y.Z'
db.session.commit()
print(db.session.execute(text('SELECT email, name FROM user')).one())
u2 = db.session.get(User, 1)
print(u2 is u, u2.team.title)
for entry in log:
    print(entry)
