# Select.exists() keeps its columns (a legacy Query.exists() selects 1).
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(db.Integer)


db.create_all()
db.session.add_all([Post(author_id=7), Post(author_id=8)])
db.session.commit()
stmt = select(Post.author_id).where(select(Post.id).where(Post.id > 1).exists()).order_by(Post.id)
print(stmt)
print(db.session.execute(stmt).scalars().all())
print(db.session.query(Post).filter(Post.id > 5).exists())
print(db.session.query(db.session.query(Post).filter(Post.id > 1).exists()).scalar())
