class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    slug = db.Column(db.String(20))
    views = db.Column(db.Integer, default=0)
db.create_all()
p = Post(slug=func.lower('HELLO'), views=db.literal(5) + 2)
db.session.add(p)
db.session.flush()
print('slug' in p.__dict__, 'views' in p.__dict__)
print(p.slug, p.views)
p.views = Post.views + 1
print(p.views)
print(db.session.is_modified(p), p in db.session.dirty)
db.session.commit()
print(p.views)
p.views = Post.views * 10
p.slug = 'x'
db.session.flush()
print(sorted(k for k in p.__dict__ if not k.startswith('_')))
print(p.views, p.slug)
q = Post(slug='b', views=1)
db.session.add(q)
db.session.commit()
for o in Post.query.order_by(Post.id):
    o.views = Post.views + o.id
db.session.commit()
print([(o.id, o.views) for o in Post.query.order_by(Post.id)])
