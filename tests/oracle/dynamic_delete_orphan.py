# remove() from a lazy='dynamic' collection with cascade 'all, delete-orphan': the flush
# deletes a persistent orphan, a pending one leaves the session, a child appended to
# another parent is moved, not deleted.
class Blog(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    posts = db.relationship('Post', lazy='dynamic', cascade='all, delete-orphan')


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    blog_id = db.Column(db.Integer, db.ForeignKey('blog.id'))

    def __repr__(self):
        return f'Post({self.title})'


db.create_all()
b1, b2 = Blog(name='b1'), Blog(name='b2')
b1.posts.extend([Post(title='one'), Post(title='two'), Post(title='three')])
db.session.add_all([b1, b2])
db.session.commit()
one = b1.posts.filter_by(title='one').one()
b1.posts.remove(one)
print(one in db.session.deleted, one in db.session)
db.session.commit()
print(b1.posts.order_by(Post.id).all(), Post.query.count(), one in db.session)
two = b1.posts.filter_by(title='two').one()
b1.posts.remove(two)
b2.posts.append(two)
db.session.commit()
print(b1.posts.all(), b2.posts.all(), two.blog_id)
new = Post(title='new')
b2.posts.append(new)
print(new in db.session, new in db.session.new)
b2.posts.remove(new)
print(new in db.session, new in db.session.new)
db.session.commit()
print([(p.title, p.blog_id) for p in Post.query.order_by(Post.id)])
