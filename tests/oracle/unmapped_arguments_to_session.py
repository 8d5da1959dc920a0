from decimal import Decimal
class Todo(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class Note:
    pass


db.create_all()
for name in ['add', 'delete', 'merge', 'expunge', 'refresh', 'expire']:
    for obj in [Todo, Note, Note(), ValueError('x'), datetime(2020, 1, 1), Decimal('1'), db.select(Todo), None, 3]:
        try:
            getattr(db.session, name)(obj)
            print(name, 'ok')
        except Exception as e:
            print(name, type(e).__name__, e)
