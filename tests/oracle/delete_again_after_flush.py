# Deleting an object again after its DELETE was flushed; a versioned DELETE that
# matches no row.
from sqlalchemy import inspect
class Memo(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String)


class Wiki(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    version = db.Column(db.Integer, nullable=False)
    __mapper_args__ = {'version_id_col': version}


db.create_all()
db.session.add_all([Memo(title='a'), Wiki()])
db.session.commit()
m = db.session.get(Memo, 1)
db.session.delete(m)
db.session.flush()
db.session.delete(m)
print('again', m in db.session, len(db.session.deleted), inspect(m).deleted)
db.session.rollback()
print('rolled back', inspect(m).persistent, m.title, Memo.query.count())
db.session.delete(m)
db.session.flush()
db.session.delete(m)
db.session.flush()
print('flushed', m in db.session, inspect(m).deleted)
db.session.commit()
print('committed', inspect(m).detached, Memo.query.count())
w = db.session.get(Wiki, 1)
print(w.version)
db.session.execute(text('UPDATE wiki SET version = 99'))
db.session.delete(w)
try:
    db.session.commit()
except Exception as e:
    print(type(e).__name__, e)
