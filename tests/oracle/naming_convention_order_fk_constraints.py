from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import MetaData
from sqlalchemy.exc import IntegrityError

convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = 'sqlite://'
db = SQLAlchemy(app, metadata=MetaData(naming_convention=convention))

class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), unique=True, nullable=False, index=True)
    email = db.Column(db.String(80), unique=True)
    age = db.Column(db.Integer, db.CheckConstraint('age > 0', name='positive_age'))
    books = db.relationship('Book', backref='author')

class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(100))
    author_id = db.Column(db.Integer, db.ForeignKey('author.id', ondelete='CASCADE'))
    __table_args__ = (db.UniqueConstraint('title', 'author_id'), db.Index('idx_title_author', 'title', 'author_id'))

with app.app_context():
    db.create_all()
    for row in db.session.execute(db.text("SELECT type, name, sql FROM sqlite_master ORDER BY name")):
        print(row)
    print(db.metadata.naming_convention)
    print([ix.name for ix in Author.__table__.indexes])
    for t in db.metadata.sorted_tables:
        print(t.name, [fk.name for fk in t.foreign_keys] if False else [c.name for c in t.foreign_key_constraints])
    print(sorted(c.name for c in Author.__table__.constraints if c.name))
    print(len(db.metadata.tables), list(db.metadata.tables))
    insp = db.inspect(db.engine)
    print(insp.get_unique_constraints('author'))
    print(insp.get_foreign_keys('book'))
    print(insp.get_check_constraints('author'))
    print(insp.get_pk_constraint('book'))
    print(insp.get_indexes('book'))
    try:
        db.session.add(Author(name='x', age=0))
        db.session.commit()
    except IntegrityError as e:
        db.session.rollback()
        print(e.orig)
    print(db.metadata.naming_convention)
