# db.engine.url is a URL object; a text() statement missing a parameter raises a StatementError
# carrying the statement, the parameters given and the wrapped error.
from sqlalchemy.exc import StatementError
u = db.engine.url
print(type(u).__name__, u, repr(u), str(u), f'{u}')
print(u.drivername, u.database, u.host, u.get_backend_name(), u.get_driver_name())
print(db.engine, db.engine.url.render_as_string())
try:
    db.session.execute(text('SELECT :id, :x'), {'x': 1})
except StatementError as e:
    print(repr(str(e)))
    print(e.statement, e.params, type(e.orig).__name__)
    print(str(e.orig))
try:
    db.session.execute(text('SELECT :id'))
except StatementError as e:
    print(e.params, e.orig)
