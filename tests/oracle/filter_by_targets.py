# filter_by() applies to SQLAlchemy's `_filter_by_zero`: the last joined entity, else the
# select_from() entity, else the first selected column's entity (columns, functions,
# with_entities, labels).
class Team(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    members = db.relationship('Member', backref='team')


class Member(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    nick = db.Column(db.String(20))
    score = db.Column(db.Integer)
    active = db.Column(db.Boolean)
    team_id = db.Column(db.Integer, db.ForeignKey('team.id'))


db.create_all()
red, blue = Team(name='red'), Team(name='blue')
db.session.add_all([Member(nick='kim', score=20, active=True, team=red), Member(nick='amy', score=30, active=False, team=blue),
                    Member(nick='bo', score=30, active=True, team=red)])
db.session.commit()
print(db.session.query(Member.score).filter_by(nick='kim').scalar())
print(db.session.query(Member.nick, Member.score).filter_by(nick='amy').one())
print(db.session.execute(select(Member.nick).filter_by(score=30).order_by(Member.nick)).scalars().all())
print(db.session.query(func.count(Member.id)).filter_by(score=30).scalar())
print(db.session.query(Member.nick.label('who')).filter_by(active=False).all())
print(Member.query.with_entities(Member.nick).filter_by(active=True).order_by(Member.nick).all())
print(db.session.query(Team.name, Member.nick).join(Team.members).filter_by(score=20).all())
print(db.session.query(func.count()).select_from(Member).filter_by(active=True).scalar())
print(db.session.query(Team.name).join(Member).filter_by(nick='bo').all())
q = db.session.query(Member.nick).filter_by(team_id=1, score=30)
print(q)
print(q.all())
try:
    db.session.query(Team.name).filter_by(nick='kim').all()
except Exception as e:
    print(type(e).__name__, e)
