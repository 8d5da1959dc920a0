# version_id_col with several objects: inserts in one batch, updates one by one (each
# checks its row count), explicit ids, a delete, and a stale object from a bulk update.
class Doc(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    ver = db.Column(db.Integer, nullable=False)
    __mapper_args__ = {'version_id_col': ver}


db.create_all()
docs = [Doc(name=n) for n in ['a', 'b', 'c']]
db.session.add_all(docs)
db.session.add(Doc(id=10, name='x'))
db.session.commit()
print([(d.id, d.ver) for d in Doc.query.order_by(Doc.id)])
for d in docs:
    d.name = d.name.upper()
db.session.flush()
print([d.ver for d in docs], db.inspect(docs[0]).modified)
docs[1].name = 'B2'
db.session.commit()
print([(d.name, d.ver) for d in Doc.query.order_by(Doc.id)])
db.session.delete(docs[2])
db.session.commit()
print(Doc.query.count())
Doc.query.filter_by(id=1).update({'ver': Doc.ver + 5})
db.session.commit()
x = db.session.get(Doc, 10)
x.ver = 7
db.session.commit()
print(x.ver, docs[0].ver)
try:
    stale = db.session.get(Doc, 2)
    db.session.execute(db.text('UPDATE doc SET ver = 99 WHERE id = 2'))
    stale.name = 'late'
    db.session.flush()
except Exception as e:
    print(type(e).__name__, e)
    db.session.rollback()
print([(d.id, d.name, d.ver) for d in Doc.query.order_by(Doc.id)])
