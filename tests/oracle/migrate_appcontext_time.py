# Mega-Tutorial setup lines: Migrate() / init_app, an app context pushed and popped by hand,
# from time import time.
from flask_migrate import Migrate
migrate = Migrate()
print(migrate is None, type(migrate).__name__)
migrate.init_app(app, db)
print(migrate.db is db, migrate.directory)
from flask_migrate import Migrate
migrate = Migrate(app, db)
print(type(migrate).__name__, migrate.db is db, migrate.directory)
from time import time
print(type(time()).__name__)
from flask import Flask
app2 = Flask(__name__)
ctx = app2.app_context()
ctx.push()
print(type(ctx).__name__)
ctx.pop()
print('popped')
