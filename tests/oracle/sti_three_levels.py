# Three levels of single-table inheritance, bulk updates, and a relationship to a subclass.
class Team(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    leads = db.relationship('Lead', back_populates='team')


class Member(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))
    role = db.Column(db.String(20))
    level = db.Column(db.Integer, default=1)
    __mapper_args__ = {'polymorphic_on': role, 'polymorphic_identity': 'member'}

    def __repr__(self):
        return f'{type(self).__name__}:{self.name}'


class Dev(Member):
    stack = db.Column(db.String(20))
    __mapper_args__ = {'polymorphic_identity': 'dev'}


class Lead(Dev):
    team_id = db.Column(db.Integer, db.ForeignKey('team.id'))
    team = db.relationship('Team', back_populates='leads')
    __mapper_args__ = {'polymorphic_identity': 'lead'}


db.create_all()
t = Team(name='core')
db.session.add_all([Member(name='m1'), Dev(name='d1', stack='py'), Lead(name='l1', stack='rs', team=t), Dev(name='d2', stack='go')])
db.session.commit()
print(Member.query.order_by(Member.id).all())
print(Dev.query.order_by(Dev.id).all())
print(Lead.query.all(), t.leads, Lead.query.one().team.name)
print(Dev.query.filter(Dev.stack == 'rs').one())
n = Dev.query.filter(Dev.stack != 'py').update({'level': 2})
db.session.commit()
print(n, db.session.execute(text('SELECT name, role, level, stack, team_id FROM member ORDER BY id')).all())
print(sorted(db.inspect(Member).polymorphic_map), sorted(db.inspect(Dev).polymorphic_map))
print([m.class_.__name__ for m in db.inspect(Member).self_and_descendants])
print(Lead.__mapper__.inherits.class_.__name__, Lead.__mapper__.base_mapper.class_.__name__)
print(db.session.query(Member.role, db.func.count(Member.id)).group_by(Member.role).order_by(Member.role).all())
d = Dev(name='d3')
print(d.role, d.level, d.stack)
db.session.add(d)
db.session.flush()
print(d.id, d.level)
