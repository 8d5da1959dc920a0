class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    kids = db.relationship('K', backref='t')

class K(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    t_id = db.Column(db.Integer, db.ForeignKey('t.id'))

for v in [(K(),), {K()}, None, 5, 'ab', {1: 2}, [K()], []]:
    try:
        T().kids = v
        print('ok')
    except Exception as e:
        print(type(e).__name__, e)
