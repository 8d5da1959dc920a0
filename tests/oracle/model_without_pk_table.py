# A model without a primary key: the mapper refuses it, its table stays in the metadata
# and create_all() makes it.
try:
    class NoPk(db.Model):
        name = db.Column(db.String(20))
except Exception as e:
    print(type(e).__name__, e)
print(sorted(db.metadata.tables))
db.create_all()
print(db.session.execute(text("select name from sqlite_master where type='table'")).scalars().all())
