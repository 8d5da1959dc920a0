class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    kids = db.relationship('K', cascade='all, delete-orphan', backref='t')

class K(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    t_id = db.Column(db.Integer, db.ForeignKey('t.id'))

db.create_all()
db.session.add(T(name='a'))
db.session.commit()
for st in [db.select(T.id, T.name), db.text("select 1 as a")]:
    try:
        db.session.execute(st).scalars('zz').all()
    except Exception as e:
        print(type(e).__name__, e)
try:
    db.session.get(str, 1)
except Exception as e:
    print(type(e).__name__, e)
try:
    T().kids = None
except Exception as e:
    print(type(e).__name__, e)
try:
    T().kids = 5
except Exception as e:
    print(type(e).__name__, e)
try:
    T().kids = K()
except Exception as e:
    print(type(e).__name__, e)
try:
    T().kids = 'ab'
except Exception as e:
    print(type(e).__name__, e)
print(sorted(T.kids.property.cascade), sorted(K.t.property.cascade))
t = db.session.get(T, 1)
st = db.inspect(t)
print(sorted(k for k in st.dict if not k.startswith('_')))
print(sorted(st.unmodified))
t.name = 'b'
print(sorted(st.unmodified), sorted(st.dict.keys())[:3])
print(db.literal(5) + T.id, T.id + db.literal(3), db.literal('x', db.String) == T.name)
db.session.commit()
print(sorted(db.inspect(t).unmodified))
t.kids = []
print(sorted(db.inspect(t).unmodified))
