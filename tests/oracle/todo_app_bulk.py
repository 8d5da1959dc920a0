from datetime import datetime


class Todo(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(200), nullable=False)
    done = db.Column(db.Boolean, default=False, nullable=False)
    priority = db.Column(db.Integer, default=3)
    created = db.Column(db.DateTime, default=datetime(2024, 1, 1, 9, 0))
    due = db.Column(db.Date)

    def __repr__(self):
        return f"<Todo {self.id}: {self.title!r} done={self.done}>"

    def toggle(self):
        self.done = not self.done
        return self


with app.app_context():
    db.create_all()
    items = [Todo(title=t, priority=p) for t, p in [('write docs', 1), ('fix bug', 2), ('lunch', 5), ('review', 2)]]
    db.session.add_all(items)
    db.session.commit()
    print(Todo.query.count(), [t.id for t in items])
    t = db.session.get(Todo, 2)
    print(t, t.created, type(t.done).__name__)
    t.toggle()
    db.session.commit()
    print(Todo.query.filter(Todo.done.is_(True)).all())
    print(Todo.query.filter(Todo.done == False).order_by(Todo.priority, Todo.title.desc()).all())
    print(Todo.query.filter_by(done=False).filter(Todo.priority <= 2).count())
    pending = Todo.query.filter(~Todo.done).all()
    print(len(pending), sorted(p.title for p in pending))
    print(Todo.query.order_by(Todo.priority.desc()).first().title)
    n = Todo.query.filter(Todo.priority > 4).delete()
    db.session.commit()
    print('deleted', n, Todo.query.count())
    Todo.query.filter(Todo.id.in_([1, 4])).update({Todo.priority: Todo.priority + 10}, synchronize_session='fetch')
    db.session.commit()
    print([(x.id, x.priority) for x in Todo.query.order_by(Todo.id)])
    x = Todo.query.get(1)
    x.due = datetime(2024, 2, 3).date()
    db.session.commit()
    print(x.due, repr(x.due), x.due.isoformat(), x.due.strftime('%d/%m/%Y'))
    print(db.session.query(Todo.title, Todo.done).filter(Todo.due.isnot(None)).all())
    print(db.session.query(db.func.max(Todo.priority), db.func.min(Todo.priority), db.func.avg(Todo.priority)).one())
    print(Todo.query.filter(Todo.title.like('%i%')).with_entities(Todo.title).all())
    empty = Todo.query.filter(Todo.id > 100).first()
    print(empty, Todo.query.filter(Todo.id > 100).all())
    try:
        Todo.query.filter(Todo.id > 0).one()
    except Exception as e:
        print(type(e).__name__, e)
    try:
        Todo.query.filter(Todo.id > 100).one()
    except Exception as e:
        print(type(e).__name__, e)
    db.session.delete(x)
    db.session.commit()
    print(Todo.query.all())
