import enum


class Role(enum.Enum):
    ADMIN = 'admin'
    USER = 'user'


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    status = db.Column(db.Enum('open', 'closed', name='status_enum'))
    role = db.Column(db.Enum(Role))
    wake = db.Column(db.Time)

    @classmethod
    def find(cls, name):
        """Finds a user by name."""
        return cls.query.filter_by(name=name).first()

    def save(self):
        return self


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)


db.create_all()
print(db.metadata.tables.keys())
print(list(db.metadata.tables.values())[1], db.metadata.tables.items())
print(len(db.metadata.tables), 'user' in db.metadata.tables.keys())
print(User.__table__.columns)
print(Post.__table__.c)
print(repr(User.status.type), repr(User.role.type))
print(User.find.__name__, User().save.__name__, User.save.__name__, User.find.__doc__, User.save.__doc__)
db.session.add(User(name='ann'))
db.session.commit()
for bad in (lambda: User.query.filter(name='ann').all(),
            lambda: db.session.execute(select(User).where(name='ann')).all(),
            lambda: User.query.filter("name = 'ann'").all(),
            lambda: User.query.filter('x').all(),
            lambda: User.query.paginate(2, 10, False),
            lambda: User.query.paginate(1),
            lambda: db.paginate(select(User), 1, 5),
            lambda: db.session.add(User),
            lambda: db.session.delete(User),
            lambda: db.session.add(5)):
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
db.session.execute(text("INSERT INTO user (name, wake) VALUES ('bo', '07:08:09.5'), ('cy', '07:08:09.1234567'), ('di', '07:08')"))
print([u.wake for u in User.query.order_by(User.id)])
d = date(2024, 12, 30)
print(d.isocalendar()[0], tuple(datetime(2025, 1, 1, 6, 30).isocalendar()), date(2021, 1, 3).isocalendar()[1])
