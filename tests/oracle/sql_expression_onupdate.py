class Doc(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    body = db.Column(db.String(20))
    created = db.Column(db.DateTime, default=db.func.now())
    updated = db.Column(db.DateTime, default=datetime(2024, 1, 1), onupdate=db.func.current_timestamp())
    version = db.Column(db.Integer, default=1, onupdate=text('version + 1') if False else None)
db.create_all()
d = Doc(body='x')
db.session.add(d)
db.session.commit()
print(type(d.created).__name__, d.updated)
d.body = 'y'
db.session.commit()
print(d.updated.year > 2024, d.body)
d.body = 'z'
db.session.flush()
print(d.updated.year > 2024)
