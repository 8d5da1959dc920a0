class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)

db.create_all()
db.session.add_all([Post() for _ in range(5)])
db.session.commit()
p = Post.query.order_by(Post.id).limit(3).paginate(page=1, per_page=2, count=False)
print(p.items, p.total)
