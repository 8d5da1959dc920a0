from flask import Flask
from flask_sqlalchemy import SQLAlchemy
app = Flask(__name__)
app.config['SQLALCHEMY_BINDS'] = {'logs': 'sqlite:///logs.db'}
db = SQLAlchemy(app)
print(sorted(db.engines, key=str), db.engines['logs'].url)
print(db.engine.url, db.get_engine(bind_key='logs') is db.engines['logs'])
