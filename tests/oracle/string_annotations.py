# Column annotations written as strings (forward references): the column type and
# nullability follow the named Python type, as for unquoted annotations.
class Gig(db.Model):
    id: db.Mapped["int"] = db.mapped_column(primary_key=True)
    venue: db.Mapped["str"] = db.mapped_column(db.String(40))
    notes: db.Mapped["str | None"]
    capacity: db.Mapped["None | int"]
    sold_out: db.Mapped["bool"] = db.mapped_column(default=False)
for c in Gig.__table__.columns:
    print(c.name, c.type, c.nullable)
db.create_all()
db.session.add(Gig(venue="Roxy", capacity=300))
db.session.commit()
g = db.session.get(Gig, 1)
print(g.venue, g.notes, g.capacity, g.sold_out)
try:
    db.session.add(Gig(notes="no venue"))
    db.session.commit()
except Exception as e:
    print(type(e).__name__, e.orig)
    db.session.rollback()
