# obj.__class__ of any value (its type), and the classes of session.execute()'s results.
class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)


db.create_all()
db.session.add(Post())
db.session.commit()
for o in [Post.query, db.session.execute(select(Post.id)).first(), db.session.execute(select(Post.id)), db.session, db.select(Post), Post.id, Post.__table__, db, app, Post.query.paginate(page=1), 1, 'x', None, date(2024, 1, 1), [], {}]:
    try:
        print(o.__class__.__name__, type(o).__name__)
    except Exception as e:
        print('ERR', type(o).__name__, e)

for r in [db.session.execute(select(Post)), db.session.execute(select(Post.id)), db.session.execute(text('select 1')),
          db.session.execute(db.update(Post).values(id=1)), db.session.execute(select(Post)).scalars(),
          db.session.execute(select(Post.id)).mappings(), db.session.execute(db.insert(Post).values(id=5)),
          db.session.execute(text('update post set id = id'))]:
    print(type(r).__name__)
