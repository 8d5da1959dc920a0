class T(db.Model):
    id = db.Column(db.Integer, primary_key=True)
db.create_all()
sp1 = db.session.begin_nested()
sp2 = db.session.begin_nested()
print(sp1.is_active, sp2.is_active)
sp2.commit()
print(sp1.is_active, sp2.is_active)
sp1.rollback()
print(sp1.is_active, sp2.is_active)
with db.session.begin_nested() as sp3:
    print(sp3.is_active)
print(sp3.is_active)
db.session.commit()
tx = db.session.begin()
print(tx.is_active)
tx.commit()
print(tx.is_active)
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    posts = db.relationship('Post', order_by=lambda: Post.titel)
    items = db.relationship('Item', order_by=lambda: Item.name)
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(50))
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50))
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
db.create_all()
for i in range(2):
    try:
        u = User()
        u.posts = [Post(title='b'), Post(title='a')]
        u.items = [Item(name='b'), Item(name='a')]
        db.session.add(u); db.session.commit()
        db.session.expire_all()
        print([p.title for p in u.posts], [t.name for t in u.items])
    except Exception as e:
        print(type(e).__name__, str(e)[:80])
