# Two-way many-to-many: both ends of a link deleted in one flush (the association row
# goes once), an object appended on both sides (each side holds it twice), validators
# hear every append.
tags = db.Table('note_tags', db.Column('note_id', db.ForeignKey('note.id')),
                db.Column('tag_id', db.ForeignKey('tag.id')))


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    tags = db.relationship('Tag', secondary=tags, backref='notes')


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))

    @db.validates('notes')
    def check(self, key, n):
        print('validate', key)
        return n


db.create_all()
n = Note()
t = Tag(name='a')
n.tags.append(t)
t.notes.append(n)
print(len(n.tags), len(t.notes))
db.session.add(n)
db.session.commit()
print(db.session.execute(db.select(func.count()).select_from(tags)).scalar())
print(len(n.tags), len(t.notes))
n.tags.append(t)
print(len(n.tags), len(t.notes))
db.session.commit()
print(db.session.execute(db.select(func.count()).select_from(tags)).scalar())
try:
    n.tags.remove(t)
    db.session.commit()
except Exception as e:
    db.session.rollback()
    print(type(e).__name__, e)
db.session.execute(tags.delete())
db.session.commit()

post = Note(tags=[Tag(name='x'), Tag(name='y')])
db.session.add(post)
db.session.commit()
x = post.tags[0]
db.session.delete(post)
db.session.delete(x)
db.session.commit()
print(db.session.execute(db.select(func.count()).select_from(tags)).scalar(),
      [t.name for t in Tag.query.order_by(Tag.name)], Note.query.count())
