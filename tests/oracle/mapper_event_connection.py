class Audit(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    entry = db.Column(db.String(80))


class Member(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(80))


@db.event.listens_for(Member, 'after_insert')
def log_insert(mapper, connection, target):
    connection.execute(Audit.__table__.insert().values(entry=f'insert {target.email}'))


@db.event.listens_for(Member, 'after_update')
def log_update(mapper, connection, target):
    n = connection.scalar(select(func.count()).select_from(Audit.__table__))
    connection.execute(db.text('INSERT INTO audit (entry) VALUES (:e)'), {'e': f'update {target.email} after {n}'})


@db.event.listens_for(Member, 'after_delete')
def log_delete(mapper, connection, target):
    connection.execute(db.insert(Audit).values(entry=f'delete {target.id}'))


db.create_all()
db.session.add_all([Member(email='ann@x.org'), Member(email='bob@x.org')])
db.session.commit()
m = db.session.get(Member, 1)
m.email = 'ann@y.org'
db.session.commit()
db.session.delete(db.session.get(Member, 2))
db.session.commit()
print([a.entry for a in Audit.query.order_by(Audit.id)])
