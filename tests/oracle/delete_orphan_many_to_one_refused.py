# delete-orphan on a many-to-one (or many-to-many) without single_parent=True: an
# ArgumentError when the mappers configure; with single_parent=True it is accepted.
class Gallery(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))


class Photo(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    gallery_id = db.Column(db.Integer, db.ForeignKey('gallery.id'))
    gallery = db.relationship('Gallery', backref='photos', cascade='all, delete-orphan')


db.create_all()
print(sorted(db.metadata.tables))
for attempt in range(2):
    try:
        g = Gallery(title='Trip')
        db.session.add(g)
        db.session.commit()
        print('saved')
    except Exception as e:
        db.session.rollback()
        print(type(e).__name__, e)

