# Query.union / union_all / intersect / except_: the result selects from the compound as anon_1.
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    body = db.Column(db.String(40))
    author = db.Column(db.String(20))
    likes = db.Column(db.Integer)

    def __repr__(self):
        return f'<Post {self.id}>'


db.create_all()
db.session.add_all([Post(body=f'p{i}', author='ann' if i % 2 else 'bob', likes=i * 3) for i in range(1, 9)])
db.session.commit()
mine = Post.query.filter_by(author='ann')
popular = Post.query.filter(Post.likes > 15)
print(mine.union(popular).order_by(Post.id).all())
print(mine.union_all(popular).order_by(Post.likes.desc(), Post.id).all())
print(mine.intersect(popular).all(), mine.except_(popular).order_by(Post.id).all())
print(mine.union(popular).count(), mine.union(popular).filter(Post.likes < 10).order_by(Post.id).all())
print(mine.union(popular).order_by(Post.id.desc()).limit(2).all(), mine.union(popular).order_by(Post.id).first())
q = db.session.query(Post.author, Post.likes).filter(Post.id < 3)
print(q.union(db.session.query(Post.author, Post.likes).filter(Post.id > 7)).order_by(Post.likes).all())
