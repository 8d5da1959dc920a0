class Parent(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    kids = db.relationship('Kidd', backref='parent')
class Kid(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    parent_id = db.Column(db.Integer, db.ForeignKey('parent.id'))
db.create_all()
for attempt in range(2):
    try:
        Kid.query.all()
    except Exception as e:
        print(type(e).__name__, str(e).split('\n')[0][:400])
try:
    db.session.execute(db.select(Kid)).all()
except Exception as e:
    print(type(e).__name__, str(e).split('\n')[0][:100])
try:
    db.session.query(Kid).all()
except Exception as e:
    print(type(e).__name__, str(e).split('\n')[0][:100])
print(db.session.execute(db.text('select count(*) from kid')).scalar())
