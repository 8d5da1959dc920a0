# Record the real statement order with SQLite triggers while the unit of work cascades.
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(40))
    posts = db.relationship('Post', backref='author', cascade='all, delete-orphan', order_by='Post.id')

    def __repr__(self):
        return f'<User {self.name}>'


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80))
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
    comments = db.relationship('Comment', backref='post', cascade='all, delete-orphan')


class Comment(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    body = db.Column(db.String(80))
    post_id = db.Column(db.Integer, db.ForeignKey('post.id'))


db.create_all()
db.session.execute(text('CREATE TABLE log (id INTEGER PRIMARY KEY, what TEXT)'))
for t in ['user', 'post', 'comment']:
    for op, ref in [('INSERT', 'NEW'), ('UPDATE', 'NEW'), ('DELETE', 'OLD')]:
        db.session.execute(text(
            f"CREATE TRIGGER {t}_{op.lower()} AFTER {op} ON \"{t}\" BEGIN "
            f"INSERT INTO log (what) VALUES ('{op} {t} ' || {ref}.id); END"))
db.session.commit()

u = User(name='ann')
c1 = Comment(body='first!')
p1 = Post(title='Hello', comments=[c1, Comment(body='nice')])
p2 = Post(title='Again')
db.session.add(c1)
u.posts.extend([p2, p1])
db.session.add(u)
db.session.commit()
print([r[0] for r in db.session.execute(text('SELECT what FROM log ORDER BY id'))])
db.session.execute(text('DELETE FROM log'))

# updates across tables in one flush, touched in reverse order
c1.body = 'edited'
p2.title = 'Again!'
p1.title = 'Hello!'
u.name = 'anna'
db.session.commit()
print([r[0] for r in db.session.execute(text('SELECT what FROM log ORDER BY id'))])
db.session.execute(text('DELETE FROM log'))

db.session.delete(u)
print(len(db.session.deleted))
db.session.flush()
print([r[0] for r in db.session.execute(text('SELECT what FROM log ORDER BY id'))])
db.session.commit()
print(User.query.count(), Post.query.count(), Comment.query.count())
