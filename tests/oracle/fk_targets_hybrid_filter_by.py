from sqlalchemy.ext.hybrid import hybrid_property


class Temp(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    celsius = db.Column(db.Float)

    @hybrid_property
    def fahrenheit(self):
        return self.celsius * 9 / 5 + 32

    @property
    def kelvin(self):
        return self.celsius + 273.15


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('users.id'))


try:
    db.create_all()
except Exception as e:
    print(type(e).__name__, e)
Post.__table__.c.user_id.foreign_keys.clear() if False else None
db.session.execute(text('CREATE TABLE temp (id INTEGER PRIMARY KEY, celsius FLOAT)'))
db.session.add(Temp(celsius=100))
db.session.commit()
print(Temp.query.filter(Temp.fahrenheit == 212).count(), Temp.query.filter_by(fahrenheit=212).count())
print(Temp.query.filter_by(kelvin=373.15).count())
try:
    db.drop_all()
except Exception as e:
    print(type(e).__name__)
