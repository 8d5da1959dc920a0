# Events search page: a filter builder that joins the venue for each optional filter (duplicate joins on a relationship).
from decimal import Decimal
class Venue(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    city = db.Column(db.String(20))
    capacity = db.Column(db.Integer)
    events = db.relationship('Event', back_populates='venue')


class Event(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(40))
    price = db.Column(db.Numeric(6, 2))
    starts = db.Column(db.DateTime)
    venue_id = db.Column(db.Integer, db.ForeignKey('venue.id'))
    venue = db.relationship('Venue', back_populates='events')

    def __repr__(self):
        return f'<Event {self.title}>'


db.create_all()
oslo, bergen = Venue(city='Oslo', capacity=900), Venue(city='Bergen', capacity=250)
db.session.add_all([
    Event(title='Grieg Night', price=Decimal('45.00'), starts=datetime(2024, 6, 1, 19), venue=bergen),
    Event(title='Indie Fest', price=Decimal('80.50'), starts=datetime(2024, 6, 8, 17), venue=oslo),
    Event(title='Jazz Brunch', price=Decimal('25.00'), starts=datetime(2024, 6, 9, 11), venue=oslo),
    Event(title='Opera Gala', price=Decimal('120.00'), starts=datetime(2024, 7, 2, 20), venue=None),
])
db.session.commit()


def search(city=None, min_capacity=None, max_price=None):
    q = Event.query
    if city:
        q = q.join(Event.venue).filter(Venue.city == city)
    if min_capacity:
        q = q.join(Event.venue).filter(Venue.capacity >= min_capacity)
    if max_price is not None:
        q = q.filter(Event.price <= max_price)
    return q.order_by(Event.starts)


print(search().all())
print(search(city='Oslo').all())
print(search(min_capacity=500, max_price=Decimal('50')).all())
print(search(city='Oslo', min_capacity=500).all())
print(search(city='Oslo', min_capacity=100, max_price=Decimal('30')).count())

stmt = select(Event.title, Venue.city).join(Event.venue)
stmt = stmt.join(Event.venue).where(Venue.capacity < 500)
print(db.session.execute(stmt.order_by(Event.title)).all())
print(db.session.query(Venue.city, func.count(Event.id)).join(Venue.events).join(Venue.events)
      .group_by(Venue.city).order_by(Venue.city).all())
