# The flush copies foreign keys from relationships only where they changed
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    posts = db.relationship('Post', backref='author')


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))


class Box(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    items = db.relationship('Item', backref='box', cascade='all, delete-orphan')


class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    box_id = db.Column(db.Integer, db.ForeignKey('box.id'))


def rows():
    return db.session.execute(text('SELECT id, user_id FROM post ORDER BY id')).all()


db.create_all()
u1, u2 = User(name='u1'), User(name='u2')
p = Post(author=u1)
q = Post(author=u1)
db.session.add_all([u1, u2, p, q])
db.session.commit()
# a loaded, unchanged many-to-one does not overwrite the column
print(p.author.name, q.author.name)
p.user_id = None
q.user_id = 2
db.session.commit()
print(rows())
print(p.author, q.author.name)
# nor does a loaded, unchanged collection on the parent
print([x.id for x in u2.posts])
q.user_id = 1
db.session.commit()
print(rows(), [x.id for x in u2.posts])
# a changed reference is synchronised once; the flush resets the history
p.author = u2
db.session.flush()
print(rows())
p.user_id = 1
db.session.commit()
print(rows(), p.author.name)
# an appended child takes the parent's key
u2.posts.append(q)
db.session.commit()
print(rows())
# moving a child to another parent is no orphan
b1, b2 = Box(), Box()
it = Item(box=b1)
db.session.add_all([b1, b2])
db.session.commit()
print(len(b1.items))
it.box = b2
db.session.commit()
print(Item.query.count(), len(b1.items), len(b2.items), it.box_id)
b2.items.remove(it)
b1.items.append(it)
db.session.commit()
print(Item.query.count(), len(b1.items), len(b2.items), it.box_id)
# removed and not re-parented: deleted
b1.items.remove(it)
db.session.commit()
print(Item.query.count())
