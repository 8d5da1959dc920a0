# @validates runs for changes a backref makes: a collection's validator when the child's
# many-to-one is set, a many-to-one's validator when the child is appended.
class Forum(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    topics = db.relationship('Topic', backref='forum')

    @db.validates('topics')
    def check_topic(self, key, topic):
        print('check', key, topic.title)
        if not topic.title.strip():
            raise ValueError('empty title')
        return topic


class Topic(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(30))
    forum_id = db.Column(db.Integer, db.ForeignKey('forum.id'))

    @db.validates('forum')
    def check_forum(self, key, forum):
        print('forum of', self.title, 'is', forum.name)
        return forum


db.create_all()
f = Forum(name='general')
f.topics.append(Topic(title='hello'))
t = Topic(title=' ')
try:
    t.forum = f
except ValueError as e:
    print('ValueError', e)
print(t.forum, len(f.topics))
t2 = Topic(title='rules')
t2.forum = f
db.session.add(f)
db.session.commit()
print(sorted(x.title for x in f.topics), Topic.query.count())
