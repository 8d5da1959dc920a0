from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Mapped, mapped_column


class Counter(db.Model):
    key: Mapped[str] = mapped_column(primary_key=True)
    hits: Mapped[int]
    note: Mapped[str] = mapped_column(default='n')


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20), unique=True, nullable=False)
    uses = db.Column(db.Integer, default=0)


db.create_all()
for k in ['home', 'home', 'about', 'home']:
    db.session.execute(insert(Counter).values(key=k, hits=1)
                       .on_conflict_do_update(index_elements=['key'], set_={'hits': Counter.hits + 1}))
print(db.session.execute(select(Counter.key, Counter.hits, Counter.note).order_by(Counter.key)).all())
stmt = insert(Counter).values(key='home', hits=10)
stmt = stmt.on_conflict_do_update(index_elements=[Counter.key], set_=dict(hits=stmt.excluded.hits + Counter.hits, note='x'))
print(stmt)
r = db.session.execute(stmt)
print(r.rowcount)
print(db.session.get(Counter, 'home').hits)
s2 = insert(Tag).values(name='py').on_conflict_do_nothing()
print(s2)
db.session.execute(s2)
db.session.execute(s2)
db.session.execute(insert(Tag).values(name='py', uses=5).on_conflict_do_nothing(index_elements=['name']))
print(db.session.execute(select(Tag.id, Tag.name, Tag.uses)).all())
s3 = insert(Tag).on_conflict_do_update(index_elements=['name'], set_={'uses': Tag.uses + 1})
db.session.execute(s3, [{'name': 'py'}, {'name': 'rs'}, {'name': 'py'}])
print(db.session.execute(select(Tag.id, Tag.name, Tag.uses)).all())
s4 = insert(Tag).values(name='rs', uses=3)
s4 = s4.on_conflict_do_update(index_elements=['name'], set_={'uses': s4.excluded.uses}, where=Tag.uses < 2)
db.session.execute(s4)
print(db.session.execute(select(Tag.name, Tag.uses)).all())
s5 = insert(Tag).values(name='go', uses=1).on_conflict_do_update(index_elements=['name'], set_={'uses': 9}).returning(Tag.id, Tag.uses)
print(db.session.execute(s5).all())
print(db.session.execute(s5).all())
db.session.commit()
try:
    insert(Tag).values(name='go').on_conflict_do_update(set_={'uses': 1})
except Exception as e:
    print(type(e).__name__, e)
try:
    insert(Tag).values(name='go').on_conflict_do_update(index_elements=['name'])
except Exception as e:
    print(type(e).__name__, e)
