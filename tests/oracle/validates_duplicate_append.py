tags = db.Table('tags', db.Column('p', db.ForeignKey('post.id')), db.Column('t', db.ForeignKey('tag.id')))
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    tags = db.relationship('Tag', secondary=tags, backref='posts')
    @db.validates('tags')
    def v(self, k, x):
        print('validate', len(self.tags))
        if x.name == 'bad' and x in self.tags:
            raise ValueError('dup')
        if x.name == 'swap':
            return Tag(name='other')
        return x
class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
db.create_all()
p = Post(); t = Tag(name='bad'); s = Tag(name='swap')
p.tags.append(t)
try:
    p.tags.append(t)
except ValueError as e:
    print('err', e)
print(len(p.tags), [x.name for x in p.tags], len(t.posts))
p.tags.append(s)
p.tags.append(s)
print([x.name for x in p.tags])
