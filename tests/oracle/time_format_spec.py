# datetime.time supports strftime-style format specs in f-strings / str.format.
class Shop(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    opens = db.Column(db.Time)


db.create_all()
db.session.add(Shop(opens=datetime(2024, 1, 1, 8, 30).time()))
db.session.commit()
t = Shop.query.first().opens
print(t.strftime('%I:%M %p'))
print(f'{t:%H.%M}', '{:%I %p}'.format(t))
