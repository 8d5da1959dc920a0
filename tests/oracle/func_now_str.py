# str() of func.now() keeps the function (the default dialect); a function's .name; a query bound to SQLite renders CURRENT_TIMESTAMP.
print(str(func.now()), str(select(func.now())), func.now().name, str(func.current_timestamp()))
class E(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    at = db.Column(db.DateTime, server_default=func.now())
print(str(E.__table__.c.at.server_default.arg))
print(E.query.filter(E.at < func.now()))
