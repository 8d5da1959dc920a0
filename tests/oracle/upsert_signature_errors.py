from sqlalchemy.dialects.sqlite import insert
class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)
for f in [lambda: insert(T).on_conflict_do_nothing(foo=1), lambda: insert(T).on_conflict_do_nothing(1, 2, 3),
          lambda: insert(T).on_conflict_do_update(['id'], None, {'id': 1}, None, 5)]:
    try:
        f()
    except TypeError as e:
        print(e)
