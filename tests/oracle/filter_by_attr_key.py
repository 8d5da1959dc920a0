class users(db.Model):
    _id = db.Column("id", db.Integer, primary_key=True)
    name = db.Column('full_name', db.String(100))
db.create_all()
print(users.__table__.c.keys(), db.inspect(users).attrs.keys())
db.session.add(users(name='a'))
db.session.commit()
print(users.query.filter_by(_id=1).first()._id, users.query.filter_by(name='a').count())
for k in ['id', 'full_name']:
    try:
        print(users.query.filter_by(**{k: 1}).first())
    except Exception as e:
        print(type(e).__name__, e)
print(db.session.execute(select(users).filter_by(_id=1)).scalar()._id)
try:
    print(db.session.execute(select(users).filter_by(id=1)).scalar())
except Exception as e:
    print(type(e).__name__, e)
