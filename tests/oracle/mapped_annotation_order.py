from typing import Optional
from sqlalchemy.orm import Mapped, mapped_column
class Base0(db.Model):
    __abstract__ = True
    created: Mapped[Optional[datetime]]
    id: Mapped[int] = mapped_column(primary_key=True)
class User(Base0):
    nick: Mapped[Optional[str]]
    name: Mapped[str] = mapped_column(db.String(20))
    bio: Mapped[str]
    age: Mapped[int] = mapped_column()
    score = db.Column(db.Integer)
print([c.name for c in User.__table__.c])
class Pet(db.Model):
    a: Mapped[int] = mapped_column(primary_key=True)
    b: Mapped[str]
    c = db.Column(db.Integer)
    d: Mapped[str]
    e: Mapped[int] = mapped_column()
print([c.name for c in Pet.__table__.c])
db.create_all()
print(db.session.execute(db.text("SELECT sql FROM sqlite_master WHERE name = 'pet'")).scalar())
db.session.add(Pet(a=1, b='x', c=2, d='y', e=3))
db.session.commit()
print(db.session.execute(db.select(Pet)).scalars().one().__dict__.keys() - {'_sa_instance_state'} == {'a', 'b', 'c', 'd', 'e'})
print(db.session.execute(db.text('SELECT * FROM pet')).all())
