# A relationship between tables without a foreign key: the first use of any model
# (an object made, a query) fails to configure the mappers, and every later use says so.
class Parent(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    kids = db.relationship('Kid', backref='parent')


class Kid(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))


db.create_all()
print(sorted(db.metadata.tables))
for make in (lambda: Kid(name='a'), lambda: Parent.query.all()):
    try:
        make()
    except Exception as e:
        print(type(e).__name__, str(e).split('\n')[0][:160])
