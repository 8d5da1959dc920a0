from decimal import Decimal
from datetime import date, time, timedelta
class Playlist(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    songs = db.relationship('Song', backref='playlist')
class Song(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    created = db.Column(db.DateTime)
    day = db.Column(db.Date)
    price = db.Column(db.Numeric(6, 2))
    at = db.Column(db.Time)
    length = db.Column(db.Interval)
    playlist_id = db.Column(db.Integer, db.ForeignKey('playlist.id'))
@db.event.listens_for(Song, 'before_insert')
def stamp(mapper, connection, target):
    print('before_insert', target.playlist_id)
    target.created = datetime(2024, 1, 1)
    target.day = date(2024, 1, 2)
    target.price = Decimal('1.50')
    target.at = time(3, 4)
    target.length = timedelta(minutes=3)
@db.event.listens_for(Song, 'before_update')
def upd(mapper, connection, target):
    print('before_update fired', target.id)
db.create_all()
p = Playlist(songs=[Song(), Song()])
db.session.add(p)
db.session.flush()
print('flushed')
p.songs[0].price = Decimal('2.00')
db.session.commit()
s = db.session.get(Song, 1)
print(s.created, s.day, s.price, s.at, s.length, s.playlist.id)
