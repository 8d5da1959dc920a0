class Ticket(db.Model):
    __table_args__ = (db.UniqueConstraint('code', 'site', name='uq_code_site'), db.Index('ix_multi', 'site', 'code'))
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80), index=True)
    email = db.Column(db.String(80), unique=True)
    code = db.Column(db.String(10))
    site = db.Column(db.String(10))
    slug = db.Column(db.String(10), unique=True, index=True)


class Tag(db.Model):
    a = db.Column(db.Integer, primary_key=True)
    b = db.Column(db.Integer, primary_key=True)


db.create_all()
print(Ticket.__table__.primary_key)
print(sorted(repr(i) for i in Ticket.__table__.indexes))
print(sorted(repr(c) for c in Ticket.__table__.constraints))
print(Tag.__table__.primary_key)
