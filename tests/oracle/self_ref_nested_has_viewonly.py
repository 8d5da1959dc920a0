class Cat(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    parent_id = db.Column(db.Integer, db.ForeignKey('cat.id'))
    parent = db.relationship('Cat', remote_side=[id], backref='children')


team_tags = db.Table('team_tags', db.Column('team_id', db.ForeignKey('team.id')), db.Column('tag_id', db.ForeignKey('tag.id')))


class Team(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    members = db.relationship('Member', backref='team')
    active = db.relationship('Member', viewonly=True, primaryjoin="and_(Team.id == Member.team_id, Member.active == True)")
    tags = db.relationship('Tag', secondary=team_tags)
    tag_view = db.relationship('Tag', secondary=team_tags, viewonly=True)


class Member(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    active = db.Column(db.Boolean, default=True)
    team_id = db.Column(db.Integer, db.ForeignKey('team.id'))


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)


db.create_all()
a = Cat(name='A')
db.session.add_all([Cat(name='A1', parent=a), Cat(name='A1x', parent=Cat(name='A2', parent=a)), Cat(name='B', parent=Cat(name='C'))])
db.session.commit()
print(Cat.query.filter(Cat.parent.has(Cat.parent.has(name='A'))))
print([c.name for c in Cat.query.filter(Cat.parent.has(Cat.parent.has(name='A')))])
print([c.name for c in Cat.query.filter(Cat.children.any(Cat.children.any(name='A1x')))])
print([c.name for c in Cat.query.filter(Cat.parent.has(Cat.children.any(name='A1')))])
print(Cat.query.filter(Cat.parent.has(Cat.parent.has(name='A'))).count())

t = Team()
m1, m2 = Member(), Member(active=False)
db.session.add_all([t, m1, m2])
t.active.append(m1)
t.tag_view.append(Tag())
db.session.commit()
print(m1.team_id, db.session.execute(db.select(db.func.count()).select_from(team_tags)).scalar())
t.members.extend([m1, m2])
db.session.commit()
db.session.expire_all()
print([m.id for m in t.active], [m.id for m in t.members], t.tag_view)
