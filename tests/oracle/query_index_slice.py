# Indexing and slicing a Query (and a lazy="dynamic" relationship) as SQLAlchemy does:
# LIMIT/OFFSET, an empty range is [] without a query, a negative index or bound an IndexError.
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    tasks = db.relationship('Task', lazy='dynamic', order_by='Task.id')
class Task(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(30))
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
db.create_all()
u = User()
db.session.add(u)
db.session.add_all([Task(title=t, user_id=1) for t in 'abcd'])
db.session.commit()
q = Task.query.order_by(Task.id)
print(q[1:1], q[3:1], q[1:], q[0], q[3], q[1:3])
for f in [lambda: q[-1], lambda: q[-3], lambda: q[-2:], lambda: q[:-1], lambda: q[1:-1], lambda: q[9], lambda: u.tasks[-1], lambda: u.tasks[1:-1], lambda: u.tasks[0:-1]]:
    try:
        print(f())
    except IndexError as e:
        print('IndexError', e)
print(u.tasks[1], u.tasks[1:3], db.session.query(Task.title).order_by(Task.id)[2])
