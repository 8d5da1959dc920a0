def bad(context):
    return context.get_current_parameters()['nope']
def bad2():
    return 1 / 0
class P(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(80), default=bad)
    n = db.Column(db.Integer, default=bad2)
db.create_all()
for f in (lambda: db.session.add(P(n=1)), lambda: db.session.add(P(title='x'))):
    try:
        f()
        db.session.commit()
    except Exception as e:
        db.session.rollback()
        print(type(e).__name__, e)
try:
    db.session.execute(db.insert(P).values(n=2))
except Exception as e:
    print(type(e).__name__, e)
