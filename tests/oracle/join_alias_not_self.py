from sqlalchemy.orm import aliased
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.ForeignKey('user.id'))
class A(db.Model):
    x = db.Column(db.Integer, primary_key=True)
    y = db.Column(db.Integer, primary_key=True)
class B(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    ax = db.Column(db.Integer)
    ay = db.Column(db.Integer)
    __table_args__ = (db.ForeignKeyConstraint(['ax', 'ay'], ['a.x', 'a.y']),)
def show(label, fn):
    try:
        print(label, str(fn()).replace('\n', ' '))
    except Exception as e:
        print(label, type(e).__name__, str(e).splitlines()[0][:200])
P = aliased(Post)
U = aliased(User)
AA = aliased(A)
BB = aliased(B)
show('user-post-P', lambda: select(User).join(Post).join(P))
show('post-user-P', lambda: select(Post).join(User).join(P))
show('P-user-post', lambda: select(P).join(User).join(Post))
show('comp', lambda: select(A).join(BB))
show('comp2', lambda: select(AA).join(B))
show('comp3', lambda: select(B).join(AA))
show('comp4', lambda: select(AA).join(BB))
show('q-user-post-P', lambda: db.session.query(User).join(Post).join(P))
