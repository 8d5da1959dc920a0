# glibc strftime '-' flag (no zero padding), common in "March 5, 2024" style dates.
class Event(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    starts = db.Column(db.DateTime)


db.create_all()
db.session.add(Event(starts=datetime(2024, 3, 5, 9, 7)))
db.session.commit()
e = Event.query.first()
print(e.starts.strftime('%B %-d, %Y at %-I:%M %p'))
print(f'{e.starts:%-m/%-d/%y %-H:%M}')
