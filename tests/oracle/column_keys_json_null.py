# Columns named apart from their attribute (table.c keyed by the Column's name or key=),
# JSON(none_as_null=True) storing None as SQL NULL
class Member(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    _secret = db.Column('secret', db.String(64))
    full_name = db.Column('FullName', db.String(30))
    nick = db.Column('nick_name', db.String(10), key='nk')
    data = db.Column(db.JSON)
    strict = db.Column(db.JSON(none_as_null=True))


db.create_all()
print(Member.__table__.c.keys(), [c.key for c in Member.__table__.c], [c.name for c in Member.__table__.c])
print(Member.__table__.c.secret.name, Member.__table__.c.FullName.key, Member.__table__.c.nk.name, Member.full_name.key)
print(repr(Member.__table__.c['nk']))
db.session.add(Member(_secret='x', full_name='Ann Lee', nick='al', data=None, strict=None))
db.session.add(Member(_secret='y', full_name='Bo', data={'a': 1}, strict=[1, None]))
db.session.commit()
m = Member.query.filter_by(full_name='Ann Lee').first()
print(m._secret, m.full_name, m.nick, m.data, m.strict)
print(db.session.execute(select(Member._secret, Member.nick).order_by(Member.id)).all())
print(db.session.execute(select(Member.__table__.c.secret, Member.__table__.c.nk)).mappings().all())
print(db.session.execute(text('SELECT data, strict FROM member ORDER BY id')).all())
print(Member.query.filter(Member.strict.is_(None)).count(), Member.query.filter(Member.data.is_(None)).count())
m.strict = {'k': None}
m.data = None
db.session.commit()
print(db.session.execute(text('SELECT data, strict FROM member ORDER BY id')).all())
m.strict = None
db.session.commit()
print(db.session.execute(text('SELECT strict FROM member ORDER BY id')).all())
