# Learner mistakes: deleting a query or a select, a plain object; page numbers as strings;
# a timezone-aware DateTime column's type.
class Todo(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80))
    due = db.Column(db.DateTime(timezone=True), server_default=func.now())


class Note:
    pass


db.create_all()
db.session.add_all([Todo(title=f't{i}') for i in range(5)])
db.session.commit()
for obj in [Todo.query, Todo.query.filter_by(id=1), db.select(Todo), [Todo()], 'x', Note(), Note, Todo]:
    try:
        db.session.delete(obj)
    except Exception as e:
        print(type(e).__name__, e)
for obj in [Note(), Note]:
    try:
        db.session.add(obj)
    except Exception as e:
        print(type(e).__name__, e)
for kw in [dict(page='2', per_page=3), dict(page=1, per_page='3'), dict(page=2, per_page=2)]:
    try:
        p = Todo.query.paginate(**kw)
        print(p.page, [t.title for t in p.items])
    except Exception as e:
        print(type(e).__name__, e)
try:
    db.paginate(db.select(Todo), page='1')
except Exception as e:
    print(type(e).__name__, e)
print(Todo.due.type.timezone, Todo.__table__.c.due.type.timezone, repr(Todo.due.type))
print(db.DateTime(timezone=True).timezone, db.DateTime().timezone)
