# A wrong-class member of an inherited relationship: the errors name the class declaring it.
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50))
    type = db.Column(db.String(20))
    posts = db.relationship('Post')
    tags = db.relationship('Tag', viewonly=True)
    dposts = db.relationship('Post', lazy='dynamic', viewonly=True)
    __mapper_args__ = {'polymorphic_on': type, 'polymorphic_identity': 'user'}
class Admin(User):
    __mapper_args__ = {'polymorphic_identity': 'admin'}
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.ForeignKey('user.id'))
    author = db.relationship('User')
class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.ForeignKey('user.id'))
db.create_all()
def t(label, f):
    try:
        r = f()
        print(label, r)
    except Exception as e:
        print(label, type(e).__name__, str(e))
    db.session.rollback()
def c1():
    a = Admin(name='x'); a.posts.append(Tag()); db.session.add(a)
def c2():
    a = Admin(name='x'); db.session.add(a); db.session.flush(); a.posts.append(Tag()); db.session.flush()
def c2b():
    a = Admin(name='x'); db.session.add(a); db.session.flush(); t = Tag(); db.session.add(t); a.posts.append(t); db.session.flush()
def c3():
    u = User(name='x'); u.tags.append(Tag()); u.tags.append(Post()); db.session.add(u); db.session.flush(); return len(u.tags)
def c4():
    p = Post(); p.author = Admin(name='q'); db.session.add(p); db.session.flush(); return p.author.name
def c5():
    p = Post(); db.session.add(p); p.author = Tag(); db.session.flush()
def c5b():
    p = Post(); t = Tag(); db.session.add_all([p, t]); p.author = t; db.session.flush()
def c6():
    u = User(name='x'); u.posts.append(Admin()); db.session.add(u); db.session.flush()
def c7():
    u = User(name='x'); db.session.add(u); db.session.flush(); a = Admin(); db.session.add(a); u.posts.append(a); db.session.flush()
def c8():
    p = Post(); db.session.add(p); db.session.flush(); u = User(); db.session.add(u); p.author = u; db.session.flush(); return p.user_id
def c9():
    t = Tag(); db.session.add(t); db.session.flush(); p = Post(); db.session.add(p); p.author = Admin(); db.session.flush(); return p.author.type
def c10():
    a = Admin(name='x'); db.session.add(a); db.session.flush(); a.posts.append(Post()); a.posts[0].author = a; db.session.flush(); return len(a.posts)
t(1, c1); t(2, c2); t('2b', c2b); t(3, c3); t(4, c4); t(5, c5); t('5b', c5b); t(6, c6); t(7, c7); t(8, c8); t(9, c9); t(10, c10)
