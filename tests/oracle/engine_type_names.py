print(type(db.engine).__name__, db.engine.driver, db.engine.dialect.driver, type(db.engine.dialect).__name__, db.engine.name)
print(db.engine.url, type(db.engine.url).__name__)
