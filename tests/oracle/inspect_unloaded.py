# inspect(obj).unloaded across an object's life; Mapper.get_property().
class Profile(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    nick = db.Column(db.String(20))
    bio = db.Column(db.String(100))
    posts = db.relationship('Post', backref='profile')


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    profile_id = db.Column(db.Integer, db.ForeignKey('profile.id'))


db.create_all()
p = Profile(nick='neo')
print(sorted(db.inspect(p).unloaded))
db.session.add(p)
db.session.commit()
print(sorted(db.inspect(p).unloaded))
print(p.nick, sorted(db.inspect(p).unloaded))
p.posts
print(sorted(db.inspect(p).unloaded))
db.session.expunge_all()
q = Profile.query.options(db.load_only(Profile.nick)).first()
print(sorted(db.inspect(q).unloaded))
m = db.inspect(Profile)
print(m.get_property('bio').columns[0].type, m.get_property('posts').direction.name)
try:
    m.get_property('nope')
except Exception as e:
    print(type(e).__name__)
