# SQLAlchemy(query_class=...) and a model-level default
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = 'sqlite:///test.db'


class BaseQuery(SQLAlchemy().Query):
    def get_by_name(self, name):
        return self.filter_by(name=name).first()


db = SQLAlchemy(app, query_class=BaseQuery)


class City(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(40))
    population = db.Column(db.Integer)


db.create_all()
db.session.add_all([City(name='Lyon', population=500), City(name='Nice', population=340)])
db.session.commit()
print(type(City.query).__name__, db.Query is BaseQuery)
print(City.query.get_by_name('Nice').population)
print(City.query.get_by_name('Paris'))
print(City.query.filter(City.population > 400).get_by_name('Lyon').id)
print(City.query.order_by(City.name.desc()).first().name)
