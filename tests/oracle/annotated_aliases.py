from datetime import datetime
from typing import Annotated, Optional
from sqlalchemy.orm import Mapped, mapped_column

intpk = Annotated[int, mapped_column(primary_key=True)]
str50 = Annotated[str, mapped_column(db.String(50))]
required_name = Annotated[str, mapped_column(db.String(30), nullable=False, unique=True)]
timestamp = Annotated[datetime, mapped_column(default=datetime(2024, 1, 1, 9, 30))]
user_fk = Annotated[int, mapped_column(db.ForeignKey('user.id'))]


class User(db.Model):
    id: Mapped[intpk]
    name: Mapped[required_name]
    nick: Mapped[Optional[str50]]
    created: Mapped[timestamp]


class Post(db.Model):
    id: Mapped[intpk]
    title: Mapped[str50] = mapped_column(index=True)
    author_id: Mapped[user_fk]
    edited: Mapped[timestamp | None] = mapped_column(default=None)


db.create_all()
for t in db.metadata.sorted_tables:
    print(db.session.execute(text("SELECT sql FROM sqlite_master WHERE name = :n"), {'n': t.name}).scalar())
print([i.name for i in Post.__table__.indexes])
db.session.add(User(name='ann'))
db.session.commit()
db.session.add(Post(title='hi', author_id=1))
db.session.commit()
u = db.session.get(User, 1)
print(u.id, u.name, u.nick, u.created)
p = db.session.scalars(select(Post)).one()
print(p.id, p.title, p.author_id, p.edited)
print(User.__table__.c.name.nullable, User.__table__.c.nick.nullable, User.__table__.c.created.nullable)
print(type(intpk).__name__)
