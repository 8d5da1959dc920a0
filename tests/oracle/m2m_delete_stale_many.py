post_tags = db.Table('post_tags', db.Column('post_id', db.Integer, db.ForeignKey('post.id')), db.Column('tag_id', db.Integer, db.ForeignKey('tag.id')))
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    tags = db.relationship('Tag', secondary=post_tags, backref='posts')
class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String)
db.create_all()
def cnt(): return db.session.execute(select(func.count()).select_from(post_tags)).scalar()
p = Post(); t1, t2 = Tag(name='a'), Tag(name='b')
p.tags = [t1, t2]
db.session.add(p); db.session.commit()
len(p.tags); db.session.execute(post_tags.delete().where(post_tags.c.tag_id == t1.id))
p.tags.remove(t1)
try:
    db.session.commit()
except Exception as e:
    print(type(e).__name__, e)
    db.session.rollback()
print(len(p.tags), cnt())
len(p.tags); db.session.execute(post_tags.delete())
p.tags.remove(t1); p.tags.remove(t2)
try:
    db.session.commit(); print('ok2')
except Exception as e:
    print(type(e).__name__, str(e)[:80])
    db.session.rollback()
print(cnt())
p.tags.remove(t1); p.tags.append(t1); p.tags.append(t1)
db.session.commit()
print(cnt())
p.tags.remove(t1)
try:
    db.session.commit(); print('ok3')
except Exception as e:
    print(type(e).__name__, str(e)[:80])
    db.session.rollback()
print('--delete tag')
len(t2.posts); db.session.execute(post_tags.delete())
db.session.delete(t2)
try:
    db.session.commit(); print('ok4')
except Exception as e:
    print(type(e).__name__, str(e)[:80])
    db.session.rollback()
print(cnt())
class Item2(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String, insert_default='x')
db.create_all()
i = Item2(); db.session.add(i); db.session.commit()
print(i.name)
