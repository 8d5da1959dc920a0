# SQLAlchemy(model_class=Base): a DeclarativeBase subclass's methods, properties,
# classmethods and constants are every db.Model's; the models keep Flask-SQLAlchemy's
# table names, query and repr.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
class Base(DeclarativeBase):
    KIND = 'base'
    def to_dict(self):
        return {c.name: getattr(self, c.name) for c in self.__table__.columns}
    @property
    def label(self):
        return f'{type(self).__name__}#{self.id}'
    @classmethod
    def count(cls):
        return db.session.scalar(db.select(db.func.count()).select_from(cls))
app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = 'sqlite:///app.db'
db = SQLAlchemy(app, model_class=Base)
class BlogPost(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(db.String(40))
class Tag(db.Model):
    KIND = 'tag'
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20), unique=True)
with app.app_context():
    db.create_all()
    print(sorted(db.metadata.tables), BlogPost.__tablename__, Tag.KIND, BlogPost.KIND)
    db.session.add_all([BlogPost(title='hello'), BlogPost(title='bye'), Tag(name='py')])
    db.session.commit()
    p = db.session.get(BlogPost, 1)
    print(p, p.label, p.to_dict(), BlogPost.count(), Tag.count())
    print(Tag.query.first().to_dict(), isinstance(p, Base), isinstance(p, db.Model))
    print([t.label for t in Tag.query.all()], BlogPost.query.filter_by(title='bye').one().id)
