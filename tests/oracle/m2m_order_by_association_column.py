# A many-to-many relationship ordered by a column of its association table, loaded lazily,
# with selectinload, joinedload and subqueryload (the ORDER BY follows the table's alias).
slots = db.Table(
    'slots',
    db.Column('schedule_id', db.ForeignKey('schedule.id'), primary_key=True),
    db.Column('talk_id', db.ForeignKey('talk.id'), primary_key=True),
    db.Column('position', db.Integer, nullable=False),
)


class Schedule(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    day = db.Column(db.String(10))
    talks = db.relationship('Talk', secondary=slots, order_by=slots.c.position, viewonly=True)


class Talk(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(40))
    schedules = db.relationship('Schedule', secondary=slots, viewonly=True, order_by='Schedule.day')

    def __repr__(self):
        return f'<Talk {self.title}>'


db.create_all()
db.session.add_all([Schedule(day='Mon'), Schedule(day='Tue')])
db.session.add_all([Talk(title=t) for t in ('Keynote', 'ORMs', 'Testing', 'Closing')])
db.session.commit()
db.session.execute(slots.insert(), [
    {'schedule_id': 1, 'talk_id': 1, 'position': 3}, {'schedule_id': 1, 'talk_id': 2, 'position': 2},
    {'schedule_id': 1, 'talk_id': 3, 'position': 1}, {'schedule_id': 2, 'talk_id': 4, 'position': 1},
    {'schedule_id': 2, 'talk_id': 2, 'position': 2},
])
db.session.commit()
print(db.session.get(Schedule, 1).talks)
db.session.expire_all()
for opt in (db.selectinload, db.joinedload, db.subqueryload):
    s = Schedule.query.options(opt(Schedule.talks)).filter_by(day='Mon').one()
    print(opt.__name__, s.talks)
    db.session.expire_all()
print([[s.day for s in t.schedules] for t in Talk.query.options(db.selectinload(Talk.schedules)).order_by(Talk.id)])
