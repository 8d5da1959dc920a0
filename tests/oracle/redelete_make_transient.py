from sqlalchemy.orm import make_transient
class U(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
db.create_all()
u = U(name='a'); db.session.add(u); db.session.commit()
db.session.delete(u); db.session.commit()
db.session.delete(u)
db.session.expunge(u)
make_transient(u)
u.id = None
db.session.add(u); db.session.commit()
i = db.inspect(u)
print(i.persistent, i.deleted, u.id)
