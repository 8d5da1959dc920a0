# order_by('name') / group_by('name') / desc('name'): labels first, then `table_column`
# names of selected columns, then the FROM tables' columns by key (the last table wins);
# an unknown name is a CompileError.
class Dept(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


class Worker(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    dept_id = db.Column(db.Integer, db.ForeignKey('dept.id'))


db.create_all()
db.session.add_all([Dept(name='ops'), Dept(name='eng'), Worker(name='b', dept_id=1), Worker(name='a', dept_id=2),
                    Worker(name='c', dept_id=2)])
db.session.commit()
stmt = select(Dept.name, func.count(Worker.id).label('c')).join(Worker).group_by(Dept.name).order_by('c', 'name')
print(stmt)
print(db.session.execute(stmt).all())
q = db.session.query(Dept.name, func.count(Worker.id)).join(Worker, Worker.dept_id == Dept.id).filter(Worker.name != 'c').group_by('dept_name').order_by('name')
print(q)
print(q.all())
print(Dept.query.order_by(desc('name')).all(), Dept.query.order_by('id').first())
print(db.session.query(Dept.name.label('n')).order_by(desc('n')).all())
print(db.session.execute(select(Worker.name).order_by('dept_id', desc('worker_name'))).scalars().all())
sub = select(Worker.dept_id, func.count().label('total')).group_by(Worker.dept_id).subquery()
print(db.session.execute(select(sub.c.dept_id, sub.c.total).order_by(desc('total'))).all())
for bad in [lambda: Dept.query.order_by('nope').all(), lambda: print(select(Dept).order_by('dept.name')),
            lambda: db.session.query(func.count(Dept.id)).order_by('count').all(),
            lambda: db.session.execute(select(Dept.name).group_by('title')).all()]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
