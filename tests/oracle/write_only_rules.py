# Write-only collections (the mega-tutorial's WriteOnlyMapped): a select() built while
# the parent is pending reads its key when it runs (after the autoflush); add() on a
# transient parent cascades when the parent is added (parent first); replacing the
# collection of a persistent object and deleting an object whose write-only collection
# is not passive_deletes are refused.
import sqlalchemy as sa
import sqlalchemy.orm as so
followers = sa.Table('followers', db.metadata,
    sa.Column('follower_id', sa.Integer, sa.ForeignKey('user.id'), primary_key=True),
    sa.Column('followed_id', sa.Integer, sa.ForeignKey('user.id'), primary_key=True))
class User(db.Model):
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    name: so.Mapped[str] = so.mapped_column(sa.String(20))
    posts: so.WriteOnlyMapped['Post'] = so.relationship(back_populates='author')
    following: so.WriteOnlyMapped['User'] = so.relationship(
        secondary=followers, primaryjoin=(followers.c.follower_id == id),
        secondaryjoin=(followers.c.followed_id == id), back_populates='followers')
    followers: so.WriteOnlyMapped['User'] = so.relationship(
        secondary=followers, primaryjoin=(followers.c.followed_id == id),
        secondaryjoin=(followers.c.follower_id == id), back_populates='following')
    def __repr__(self):
        return f'<User {self.name}>'
class Post(db.Model):
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    body: so.Mapped[str] = so.mapped_column(sa.String(50))
    user_id: so.Mapped[int | None] = so.mapped_column(sa.ForeignKey(User.id), index=True)
    author: so.Mapped[User] = so.relationship(back_populates='posts')
    def __repr__(self):
        return f'<Post {self.body}>'
db.create_all()
a, b, c = User(name='a'), User(name='b'), User(name='c')
a.following.add(b)
a.following.add(c)
db.session.add_all([a, b])
stmt = a.posts.select().order_by(Post.id)
a.posts.add(Post(body='first'))
print(db.session.scalars(stmt).all())
print([u.id for u in (a, b, c)], [u.name for u in db.session.scalars(a.following.select().order_by(User.id))])
db.session.commit()
print(db.session.scalar(sa.select(sa.func.count()).select_from(a.followers.select().subquery())))
try:
    a.posts = [Post(body='x')]
except Exception as e:
    print(type(e).__name__, e)
db.session.delete(c)
try:
    db.session.commit()
except Exception as e:
    print(type(e).__name__, e)
    db.session.rollback()
print(db.session.scalars(sa.select(User.name).order_by(User.id)).all())
