from flask import Flask
from flask_sqlalchemy import SQLAlchemy
app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = 'sqlite://'
db = SQLAlchemy(app)
with app.app_context():
    for q in ["SELECT 1", "SELECT * FROM sqlite_master WHERE type = 'table'", "it's a 'quoted' thing here ok"]:
        try:
            db.session.execute(q)
        except Exception as e:
            print(type(e).__name__, e)
