class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    posts = db.relationship('Post', backref='author')
    drafts = db.relationship('Post', primaryjoin='and_(Author.id == Post.author_id, Post.draft == True)',
                             viewonly=True, order_by='Post.id')


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    draft = db.Column(db.Boolean, default=True)
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))

    def __repr__(self):
        return f'<Post {self.id}>'


db.create_all()
a = Author(posts=[Post(), Post(draft=False), Post()])
db.session.add(a)
db.session.commit()
print(a.drafts, a.posts)
a.drafts.append(Post())
db.session.commit()
print(Post.query.count(), a.drafts)
db.session.expire(a)
print(a.drafts, Author.query.join(Author.drafts).count())
