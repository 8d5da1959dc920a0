from sqlalchemy.orm.attributes import flag_modified, get_history, flag_dirty, set_committed_value
from sqlalchemy.orm import attributes


class Doc(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(40))
    data = db.Column(db.JSON, default=dict)
    tags = db.Column(db.JSON)

    def __repr__(self):
        return f'<Doc {self.title}>'


db.create_all()
d = Doc(title='a', data={'views': 1}, tags=['x'])
db.session.add(d)
db.session.commit()
d.data['views'] += 1
print(d in db.session.dirty, db.session.is_modified(d))
db.session.commit()
db.session.expire_all()
print('unflagged:', d.data)
d.data['views'] += 1
d.tags.append('y')
flag_modified(d, 'data')
print(d in db.session.dirty, db.session.is_modified(d))
print(get_history(d, 'data'))
print(get_history(d, 'title'))
attributes.flag_modified(d, 'tags')
db.session.commit()
db.session.expire_all()
print('flagged:', d.data, d.tags)
flag_dirty(d)
print(d in db.session.dirty, db.session.is_modified(d))
db.session.commit()
set_committed_value(d, 'title', 'quiet')
print(d.title, db.session.is_modified(d), get_history(d, 'title'))
db.session.commit()
print(db.session.execute(text('SELECT title FROM doc')).scalar())
db.session.expire(d)
try:
    flag_modified(d, 'data')
except Exception as e:
    print(type(e).__name__, e)
try:
    flag_modified(d, 'nope')
except Exception as e:
    print(type(e).__name__, e)
try:
    flag_modified({'a': 1}, 'a')
except Exception as e:
    print(type(e).__name__, e)
n = Doc(title='new', data={})
flag_modified(n, 'data')
print(n in db.session.new, get_history(n, 'data'))
