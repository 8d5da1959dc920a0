class Node(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    rank = db.Column(db.Integer)
    parent_id = db.Column(db.Integer, db.ForeignKey('node.id'))
    children = db.relationship('Node', order_by=name.desc())
    by_rank = db.relationship('Node', order_by=[rank.desc(), id], viewonly=True)


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    n = db.Column(db.Integer)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    posts = db.relationship('Post', order_by='Post.n.desc(), Post.id')


db.create_all()
db.session.add(Node(name='r', children=[Node(name='a', rank=1), Node(name='b', rank=1), Node(name='c', rank=2)]))
u = User(posts=[Post(n=1), Post(n=3), Post(n=2), Post(n=3)])
db.session.add(u)
db.session.commit()
db.session.expire_all()
root = db.session.get(Node, 1)
print([n.name for n in root.children], [n.name for n in root.by_rank])
print([(p.n, p.id) for p in u.posts])
