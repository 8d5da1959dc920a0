# Tutorials log through app.logger; log output goes to stderr, the script continues.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.logger.info('starting %s', 'app')
app.logger.warning('disk almost full')
app.logger.debug('debug detail')
print('after logging', app.logger.level)
app2 = app
app.config.from_mapping(SECRET_KEY='dev', SQLALCHEMY_DATABASE_URI='sqlite:///flaskr.sqlite')
print(app.config.from_pyfile('config.py', silent=True))
print(app.config.from_envvar('FLASKR_SETTINGS', silent=True))
db = SQLAlchemy(app)
print(app.config['SECRET_KEY'], app.config['SQLALCHEMY_DATABASE_URI'])
print(app, app.name, app.import_name)
