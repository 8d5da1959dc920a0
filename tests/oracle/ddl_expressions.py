# SQL expressions in defaults and DDL: default=func.x(args) inline in the INSERT,
# server_default=func.x(args), indexes on expressions, DESC, sqlite_where=, module-level Index
class Doc(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    stamp = db.Column(db.String(20), default=func.upper('draft'))
    views = db.Column(db.Integer, default=3)
    note = db.Column(db.String(20))
    code = db.Column(db.String(8), server_default=func.lower('ABC'))
    day = db.Column(db.String(10), server_default=func.substr('2024-05-06', 1, 4))
    __table_args__ = (db.Index('ix_doc_note_lower', func.lower(note), unique=True),)


class Score(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    points = db.Column(db.Integer)
    __table_args__ = (db.Index('ix_score_points_desc', points.desc(), id),)


class Member(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(80))
    __table_args__ = (db.Index('ix_member_partial', 'email', sqlite_where=db.text('id > 2')),)


class Player(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    team = db.Column(db.Integer)
    number = db.Column(db.Integer)


ix = db.Index('ix_team_number', Player.team, Player.number, unique=True)
print(ix.name, ix.unique)
db.create_all()
for row in db.session.execute(text("SELECT name, sql FROM sqlite_master ORDER BY name")):
    print(row.name, '|', row.sql)
db.session.add(Doc(note='hi'))
db.session.add(Doc(note='there', stamp='set'))
db.session.commit()
db.session.add_all([Doc(note='a'), Doc(note='b', views=7)])
db.session.commit()
for d in Doc.query.order_by(Doc.id):
    print(d.id, d.stamp, d.views, d.note, d.code, d.day)
print(db.session.execute(text('SELECT stamp, views, note FROM doc ORDER BY id')).fetchall())
db.session.add(Player(team=1, number=9))
db.session.add(Player(team=1, number=9))
try:
    db.session.commit()
except Exception as e:
    print(type(e).__name__, e.orig)
    db.session.rollback()
try:
    db.session.add(Doc(note='HI'))
    db.session.commit()
except Exception as e:
    print(type(e).__name__, e.orig)
    db.session.rollback()
