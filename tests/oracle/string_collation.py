class Gadget(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    sku = db.Column(db.String(10, collation='NOCASE'), unique=True)
    note = db.Column(db.Text(collation='RTRIM'))
    label = db.Column(db.String(collation='BINARY'), nullable=False, default='x')


db.create_all()
print(db.session.execute(text("SELECT sql FROM sqlite_master WHERE name = 'gadget'")).scalar())
print([(r[1], r[2]) for r in db.session.execute(text("PRAGMA table_info(gadget)"))])
print(repr(Gadget.sku.type), repr(Gadget.note.type), repr(Gadget.label.type), Gadget.sku.type.length)
print(Gadget.sku.type.collation, Gadget.id.type.__class__.__name__, type(Gadget.sku.type).__name__)
db.session.add_all([Gadget(sku='AB-1', note='hi  '), Gadget(sku='cd-2', note='yo')])
db.session.commit()
print(Gadget.query.filter_by(sku='ab-1').count(), Gadget.query.filter(Gadget.note == 'hi').count())
print([g.sku for g in Gadget.query.order_by(Gadget.sku.desc())])
try:
    db.session.add(Gadget(sku='CD-2'))
    db.session.commit()
except Exception as e:
    db.session.rollback()
    print(type(e).__name__, e.orig)
