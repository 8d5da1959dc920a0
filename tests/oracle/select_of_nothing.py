# select() of nothing renders SELECT alone.
try:
    print(select())
except Exception as e:
    print(type(e).__name__, e)
try:
    print(db.session.execute(select()).all())
except Exception as e:
    print(type(e).__name__, e)
