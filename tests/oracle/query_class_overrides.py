# The Flask-SQLAlchemy docs' query class (flask_sqlalchemy.query.Query), overriding get()
# and calling super(); a reconstructor's changes are the loaded state; a relationship
# assigned after the mappers were configured still gets its backref.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from flask_sqlalchemy.query import Query


class GetOrQuery(Query):
    def get_or(self, ident, default=None):
        out = self.get(ident)
        return default if out is None else out

    def get(self, ident):
        print('get', ident)
        return super().get(ident)

    def visible(self):
        return super().filter(User.hidden == False).order_by(User.id)  # noqa: E712


app = Flask(__name__)
db = SQLAlchemy(app, query_class=GetOrQuery)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    hidden = db.Column(db.Boolean, default=False)

    @db.reconstructor
    def on_load(self):
        self.name = self.name.title()
        self.loaded = True


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))


db.create_all()
db.session.add_all([User(name='ann'), User(name='bob', hidden=True), Post(user_id=1)])
db.session.commit()
db.session.expunge_all()
print(User.query.get_or(9, 'nobody'), User.query.get(1).name)
print([u.name for u in User.query.visible().all()], db.session.dirty, db.session.is_modified(User.query.get(1)))
db.session.commit()
print(db.session.execute(text('select name from user order by id')).scalars().all())
User.posts = db.relationship('Post', backref='author')
print(Post.query.first().author.name, len(User.query.get(1).posts))
print(type(User.query).__name__, isinstance(db.session.query(User), Query), db.Query is GetOrQuery)
