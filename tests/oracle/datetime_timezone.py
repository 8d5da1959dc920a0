from datetime import datetime, timezone, timedelta


class Event(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    at = db.Column(db.DateTime(timezone=True), default=lambda: datetime(2024, 3, 15, 14, 30, 5, tzinfo=timezone.utc))
    local = db.Column(db.DateTime(timezone=False))


db.create_all()
print(Event.__table__.c.at.type)
print(repr(Event.__table__.c.at.type))
print(Event.__table__.c.at.type.timezone, Event.__table__.c.local.type.timezone)
print(repr(Event.__table__.c.local.type))
print(repr(db.DateTime()))
e = Event()
db.session.add(e)
db.session.commit()
print(e.at, e.at.tzinfo)
e2 = Event(at=datetime(2024, 1, 1, 8, 0, tzinfo=timezone.utc))
db.session.add(e2)
db.session.commit()
print(e2.at)
print(db.session.execute(text("select at from event")).all())
print(repr(db.String(20)), repr(db.Numeric(10, 2)), repr(db.Text()), repr(db.Boolean()))
print(repr(Event.__table__.c.local))


class Log(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    at = db.Column(db.TIMESTAMP(timezone=True), server_default=db.func.now())
    b = db.Column(db.DateTime(True))


print(repr(Log.__table__.c.at.type), Log.__table__.c.b.type.timezone, repr(Log.__table__.c.b.type))
print(db.DateTime(timezone=True).timezone, db.DateTime.timezone if False else '')
print(repr(Log.__table__.c.b))
print(db.session.execute(select(Event.at).where(Event.at > datetime(2024, 2, 1))).scalars().all())
try:
    print(db.session.query(db.cast(Event.at, db.DateTime(timezone=True))).first())
except TypeError as e:
    print('TypeError', e)
try:
    print(db.session.query(db.cast(Event.id, db.Date)).first())
except TypeError as e:
    print('TypeError', e)
print(db.session.query(db.cast(Event.id, db.String)).first())
