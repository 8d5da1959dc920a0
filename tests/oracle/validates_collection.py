# @validates on relationships: a collection's appends, a whole list assigned, a many-to-one.
class Forum(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    topics = db.relationship('Topic', backref='forum')

    @db.validates('topics')
    def check_topic(self, key, topic):
        print('validating', key, repr(topic.title))
        if not topic.title:
            raise ValueError('empty title')
        topic.title = topic.title.strip().capitalize()
        return topic


class Topic(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(30))
    forum_id = db.Column(db.Integer, db.ForeignKey('forum.id'))
    owner_id = db.Column(db.Integer, db.ForeignKey('owner.id'))
    owner = db.relationship('Owner')

    @db.validates('owner')
    def check_owner(self, key, owner):
        print('owner', key, owner.name)
        return owner


class Owner(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


db.create_all()
f = Forum()
try:
    f.topics.append(Topic(title=''))
except ValueError as e:
    print('ValueError', e)
print(len(f.topics))
f.topics.append(Topic(title='  rust '))
f.topics.extend([Topic(title='go')])
print([t.title for t in f.topics])
f.topics = [Topic(title='python'), Topic(title='sql')]
print([t.title for t in f.topics])
t = Topic(title='x', owner=Owner(name='ann'))
db.session.add_all([f, t])
db.session.commit()
print(Topic.query.count(), [t.title for t in Topic.query.order_by(Topic.id)])
