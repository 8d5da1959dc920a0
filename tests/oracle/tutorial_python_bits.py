events = []


class User(db.Model):
    """A registered user."""
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    mask = db.Column(db.String(8), default='101')

    def to_dict(self):
        d = self.__dict__.copy()
        d.pop('_sa_instance_state')
        return d


class Permission:
    FOLLOW = 1
    WRITE = 4


@app.cli.command('init-db')
def init_db():
    db.create_all()


@app.cli.command()
def seed():
    pass


@app.teardown_appcontext
def shutdown(exc):
    events.append('teardown' if exc is None else f'teardown {type(exc).__name__}')


db.create_all()
with app.app_context():
    db.session.add(User(name='ann'))
    db.session.commit()
    u = User.query.first()
    print(sorted(u.__dict__), u.to_dict())
try:
    with app.app_context():
        raise ValueError('boom')
except ValueError:
    pass
print(events, User.__doc__, Permission.__doc__, [k for k in vars(Permission) if not k.startswith('_')])
print(int(u.mask, 2), int(u.mask, base=2), int('ff', base=16))
for w in (6, 8):
    print('{:>{}}|{:^{w}}|'.format(u.name, w, 'x', w=w), 'Dear {name}'.format_map({'name': u.name}))
print('Hi There'.istitle(), 'abcabc'.rindex('b'), 'a\nb'.splitlines(True), 'é'.isascii())
