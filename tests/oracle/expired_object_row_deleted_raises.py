class Memo(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    text = db.Column(db.String(30))


db.create_all()
db.session.add_all([Memo(text='a'), Memo(text='b'), Memo(text='c')])
db.session.commit()
m1 = db.session.get(Memo, 1)
db.session.execute(db.text('DELETE FROM memo WHERE id = 1'))
db.session.commit()
print(db.session.get(Memo, 1), db.inspect(m1).deleted)
try:
    print(m1.text)
except Exception as e:
    print(type(e).__name__)
m2 = db.session.get(Memo, 2)
db.session.delete(m2)
db.session.commit()
print(m2.text, db.inspect(m2).detached)
m3 = db.session.get(Memo, 3)
