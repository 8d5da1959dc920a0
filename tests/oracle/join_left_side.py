# A join without an explicit left side joins from the FROM (or entity) its ON clause or
# foreign keys connect to; several candidates, or two foreign keys, are errors.
from sqlalchemy.orm import aliased
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
class Comment(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    post_id = db.Column(db.Integer, db.ForeignKey('post.id'))
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
class Msg(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    sender_id = db.Column(db.Integer, db.ForeignKey('user.id'))
    recipient_id = db.Column(db.Integer, db.ForeignKey('user.id'))
db.create_all()
db.session.add_all([User(name='a'), User(name='b'), Post(user_id=2), Post(user_id=1)])
db.session.add_all([Comment(post_id=1, user_id=1), Msg(sender_id=1, recipient_id=2)])
db.session.commit()
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
q = db.session.query(User.name, Post.id).join(User, Post.user_id == User.id)
print(q)
print(q.order_by(Post.id).all())
s = select(User.name, Post.id).join(User, Post.user_id == User.id).order_by(User.name)
print(s)
print(db.session.execute(s).all())
ua = aliased(User)
print(db.session.execute(select(ua.name, Post.id).join(ua, Post.user_id == ua.id).order_by(Post.id)).all())
print(db.session.query(ua.name, Post.id).join(ua, Post.user_id == ua.id).order_by(Post.id).all())
show(lambda: db.session.query(User, Post).join(Comment, Comment.post_id == Post.id))
show(lambda: db.session.query(User, Post).join(Comment))
show(lambda: Post.query.join(User).join(Comment))
show(lambda: db.session.query(User.name, func.count(Post.id)).join(Post).group_by(User.name).all())
show(lambda: db.session.query(Comment.id, User.name, Post.id).join(User, Post.user_id == User.id))
show(lambda: User.query.join(Msg))
show(lambda: select(Msg.id).join(User))
show(lambda: User.query.join(Msg, Msg.sender_id == User.id).with_entities(User.name, Msg.id).all())
