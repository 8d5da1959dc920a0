# delete-orphan on a many-to-one with single_parent=True: accepted; the object the
# reference leaves is deleted at the flush.
class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))


class Label(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    tag_id = db.Column(db.ForeignKey('tag.id'))
    tag = db.relationship('Tag', cascade='all, delete-orphan', single_parent=True)


db.create_all()
l = Label(tag=Tag(name='a'))
db.session.add(l)
db.session.commit()
l.tag = Tag(name='b')
db.session.commit()
print([t.name for t in Tag.query.all()], Label.tag.property.single_parent, Label.tag.property.viewonly, Label.tag.property.passive_deletes)
