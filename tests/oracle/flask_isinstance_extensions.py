from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from flask_migrate import Migrate
from sqlalchemy import MetaData
migrate = Migrate(app, db)
print(isinstance(db, SQLAlchemy), isinstance(app, Flask), isinstance(migrate, Migrate), isinstance(db, Flask))
print(isinstance(db.metadata, MetaData), isinstance(app.config, dict), type(migrate).__name__)
print(app.extensions['migrate'].directory, migrate.directory, app.extensions['migrate'].db is db)
