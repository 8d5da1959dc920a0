# expire() and refresh() follow the refresh-expire cascade (cascade='all').
class Box(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    label = db.Column(db.String(20))
    balls = db.relationship('Ball', cascade='all, delete-orphan', backref='box')
    tags = db.relationship('Tag')


class Ball(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    color = db.Column(db.String(20))
    box_id = db.Column(db.Integer, db.ForeignKey('box.id'))


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    box_id = db.Column(db.Integer, db.ForeignKey('box.id'))


db.create_all()
b = Box(label='b', balls=[Ball(color='red'), Ball(color='green')], tags=[Tag(name='t')])
db.session.add(b)
db.session.commit()
ball, tag = b.balls[0], b.tags[0]
print(ball.color, tag.name)
db.session.expire(b)
print('color' in ball.__dict__, 'name' in tag.__dict__, 'label' in b.__dict__)
print(ball.color, 'color' in ball.__dict__)
db.session.execute(text("UPDATE ball SET color = 'blue'"))
db.session.execute(text("UPDATE tag SET name = 'u'"))
db.session.refresh(b)
print(ball.color, tag.name, [x.color for x in b.balls])
db.session.expire(b, ['label'])
print('color' in ball.__dict__)
