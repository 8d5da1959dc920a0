class Base(db.Model):
    __abstract__ = True
    id = db.Column(db.Integer, primary_key=True)

    def save(self):
        db.session.add(self)
        db.session.commit()
        return self

    @classmethod
    def create(cls, **kw):
        return cls(**kw).save()

    def __str__(self):
        return f'{type(self).__name__}#{self.id}'

class Tag(Base):
    name = db.Column(db.String(20), unique=True, nullable=False)

    def __init__(self, name, **kw):
        super().__init__(name=name.lower(), **kw)

class Note(Base):
    __tablename__ = 'notes'
    title = db.Column(db.String(50))
    body = db.Column(db.Text, default='')
    tag_id = db.Column(db.ForeignKey('tag.id'))
    tag = db.relationship(Tag, backref=db.backref('notes', order_by='Note.id', cascade='all, delete-orphan'))

    @property
    def summary(self):
        return (self.body or '')[:10] + ('...' if len(self.body or '') > 10 else '')

    @staticmethod
    def titles():
        return [n.title for n in Note.query.order_by(Note.title)]

class Pair(db.Model):
    a = db.Column(db.Integer, primary_key=True)
    b = db.Column(db.String(5), primary_key=True)

db.create_all()
t = Tag.create(name='PYTHON')
print(t, repr(t), str(t), t.name, Tag.__tablename__, Note.__tablename__)
n1 = Note.create(title='b', body='a long body text here', tag=t)
n2 = Note.create(title='a', tag=t)
print(n1.summary, repr(n2.summary), Note.titles(), [str(n) for n in t.notes])
p = Pair(a=1, b='x')
db.session.add(p)
db.session.commit()
print(p, db.session.get(Pair, (1, 'x')), db.session.get(Pair, {'a': 1, 'b': 'x'}), Pair.query.get((1, 'x')))
print([tb.name for tb in db.metadata.sorted_tables], sorted(db.metadata.tables.keys()))
print(Note.tag.property.mapper.class_.__name__ if False else '', Note.__table__.c.tag_id.type, Note.body.default if False else '')
print(isinstance(t, Base), isinstance(t, db.Model), issubclass(Note, Base), type(t).__name__, Tag.__name__, Tag.__mro__[1].__name__)
print(hasattr(t, 'notes'), getattr(t, 'nope', 'dflt'), [c.name for c in Note.__table__.columns])
db.session.delete(t)
db.session.commit()
print(Note.query.count(), Tag.query.count())
db.drop_all()
print(db.session.execute(db.text("SELECT count(*) FROM sqlite_master")).scalar())
db.create_all()
print(Tag.query.count(), sorted(db.inspect(db.engine).get_table_names()))
