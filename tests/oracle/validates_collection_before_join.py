# @validates on a collection: the validator runs before the object joins (it sees the
# collection without it), so a "team is full" check counts the members already in.
from sqlalchemy.orm import validates


class Team(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    members = db.relationship('Member', backref='team')

    @validates('members')
    def check(self, key, member):
        print('validating', member.name, len(self.members), [m.name for m in self.members])
        if len(self.members) >= 2:
            raise ValueError(f'team is full, {member.name} cannot join')
        return member


class Member(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    team_id = db.Column(db.Integer, db.ForeignKey('team.id'))


db.create_all()
t = Team()
t.members.append(Member(name='ann'))
t.members.extend([Member(name='bob')])
try:
    t.members.append(Member(name='cy'))
except ValueError as e:
    print(e)
print([m.name for m in t.members])
db.session.add(t)
db.session.commit()
try:
    Member(name='dee', team=t)
except ValueError as e:
    print(e)
print(sorted(m.name for m in Member.query.all()), len(t.members))
