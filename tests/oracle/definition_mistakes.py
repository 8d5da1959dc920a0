# Learners' slips in definitions and expressions, refused where they are written:
# misspelt keywords, a second type in Column(), `in` on a column.
tries = [
    lambda: db.relationship('Post', bakref='author'),
    lambda: db.relationship('Post', back_populate='author'),
    lambda: db.relationship('Post', secundary='tags'),
    lambda: db.Numeric(precison=10, scale=2),
    lambda: db.String(lenght=20),
    lambda: db.DateTime(timezone=True, tz=1),
    lambda: db.Boolean(create_constraints=True),
    lambda: db.UniqueConstraint('a', 'b', nmae='uq_ab'),
    lambda: db.CheckConstraint('a > 0', nam='ck_a'),
    lambda: db.Column(db.Integer, db.String(10)),
    lambda: db.UniqueConstraint('a', name='uq_a', sqlite_on_conflict='IGNORE'),
    lambda: db.relationship('Post', backref='author', lazy='dynamic', passive_deletes=True),
]
for make in tries:
    try:
        make()
        print('ok')
    except Exception as e:
        print(type(e).__name__, e)


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80))


for f in [lambda: 'Hel' in Post.title, lambda: 3 in Post.id, lambda: 'x' in Post.__table__.c.title,
          lambda: 'title' in Post.__table__.c, lambda: Post.title.contains('Hel') is None]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
