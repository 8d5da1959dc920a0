class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)

db.create_all()
db.session.add_all([Post() for _ in range(5)])
db.session.commit()
p = Post.query.order_by(Post.id).limit(3).enable_assertions(False).paginate(page=1, per_page=2)
print(type(p).__name__)
print(p.items, p.total)
