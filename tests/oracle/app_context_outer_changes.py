class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


db.create_all()
db.session.add_all([User(name='ann'), User(name='bob')])
db.session.commit()
u = User.query.filter_by(name='ann').one()
with app.app_context():
    u.name = 'annie'
    print(u in db.session.dirty, len(db.session.dirty))
    b = User.query.filter_by(name='bob').one()
    b.name = 'bobby'
    db.session.commit()
print(u in db.session.dirty, db.session.execute(text('SELECT name FROM user ORDER BY id')).scalars().all())
db.session.commit()
print(db.session.execute(text('SELECT name FROM user ORDER BY id')).scalars().all())
