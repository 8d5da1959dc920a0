# A request context reuses the app context already active: the same session inside the
# block, and no teardown when it ends.
class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    body = db.Column(db.String(20))


db.create_all()
db.session.add_all([Note(body=f'n{i}') for i in range(1, 8)])
db.session.commit()
n = db.session.get(Note, 1)


@app.teardown_appcontext
def bye(exc):
    print('teardown', exc)


with app.test_request_context('/?page=2&per_page=3'):
    print('inside', n in db.session)
    p = db.paginate(db.select(Note).order_by(Note.id))
    print(p.page, p.per_page, [x.body for x in p.items])
print('after', n in db.session)
ctx = app.test_request_context('/?page=3')
ctx.push()
print(Note.query.order_by(Note.id).paginate(per_page=3).items)
ctx.pop()
with app.app_context():
    print('nested', n in db.session)
print('done')
