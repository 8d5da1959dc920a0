# A failed flush rolls the transaction back at once: its pending objects leave the
# session (transient), objects it had inserted too, deletions are undone, and
# everything is expired; the session then needs rollback().
from sqlalchemy.exc import IntegrityError


class Category(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    slug = db.Column(db.String(20), unique=True)


db.create_all()
toys = Category(slug='toys')
old = Category(slug='old')
db.session.add_all([toys, old])
db.session.commit()
first = Category(slug='first')
db.session.add(first)
db.session.flush()
db.session.delete(old)
c = Category(slug='toys')
db.session.add(c)
try:
    db.session.commit()
except IntegrityError as e:
    print(type(e).__name__, c in db.session, c in db.session.new, len(db.session.new))
print(first in db.session, old in db.session, old in db.session.deleted, toys in db.session)
print(db.inspect(first).transient, db.inspect(old).persistent, db.inspect(c).transient)
try:
    print(toys.slug)
except Exception as e:
    print(type(e).__name__)
db.session.rollback()
print(toys.slug, old.slug, first.id, c.id)
print([x.slug for x in Category.query.order_by(Category.id)])
