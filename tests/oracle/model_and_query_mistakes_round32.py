for label in ['no-comma', 'ix', 'uq', 'pk', 'ok']:
    try:
        class M(db.Model):
            __tablename__ = 't_' + label.replace('-', '_')
            id = db.Column(db.Integer, primary_key=True)
            x = db.Column(db.Integer)
            if label == 'no-comma':
                __table_args__ = (db.UniqueConstraint('id', 'x'))
            elif label == 'ix':
                __table_args__ = (db.Index('ix_g', 'nope'),)
            elif label == 'uq':
                __table_args__ = (db.UniqueConstraint('x', 'zzz', name='uq_x'),)
            elif label == 'pk':
                __table_args__ = (db.PrimaryKeyConstraint('idd'),)
            else:
                __table_args__ = {'sqlite_autoincrement': True}
        print(label, 'ok')
    except Exception as e:
        print(label, type(e).__name__, e)
for kw in [dict(cascade='all, delete-orphans'), dict(cascade='save-update,, merge'), dict(backref='author', back_populates='author'),
           dict(cascade='none')]:
    try:
        db.relationship('Post', **kw)
        print('accepted')
    except Exception as e:
        print(type(e).__name__, e)
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    age = db.Column(db.Integer)
db.create_all()
for f in [lambda: User.query.order_by(User.age.desc).all(), lambda: db.session.execute(select(User).order_by(User.age.asc)).all(),
          lambda: User.query.filter(User.age.is_).all(), lambda: User.query.first_or_404('no users yet'),
          lambda: User.query.get_or_404(7, 'no user 7'), lambda: User.query.one_or_404(description='none')]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, getattr(e, 'description', str(e).split(' of ')[0]), str(e)[-35:])
