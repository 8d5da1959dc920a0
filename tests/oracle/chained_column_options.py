# Column options chained on a relationship loader (`selectinload(A.b).load_only(B.x)`) are
# accepted as `.options(load_only(...))` under that path; the data loaded is the same.
class Show(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    episodes = db.relationship('Episode', order_by='Episode.id')


class Episode(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    show_id = db.Column(db.Integer, db.ForeignKey('show.id'))
    title = db.Column(db.String(40))
    minutes = db.Column(db.Integer)


db.create_all()
db.session.add(Show(episodes=[Episode(title='a', minutes=3), Episode(title='b', minutes=4)]))
db.session.commit()
db.session.expunge_all()
s = Show.query.options(db.selectinload(Show.episodes).load_only(Episode.title)).one()
print([(e.title, e.minutes) for e in s.episodes])
db.session.expunge_all()
s = Show.query.options(db.joinedload(Show.episodes).defer(Episode.minutes)).one()
print([(e.title, e.minutes) for e in s.episodes])
opt = db.selectinload(Show.episodes).undefer(Episode.minutes)
print(type(opt).__name__)
