# 2.0-style one-to-one from the annotation, Base.metadata, session.begin() rolling back,
# table constraints given column objects.
from typing import Optional
from sqlalchemy import ForeignKey, Table, Column, Integer
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


print(type(Base.metadata).__name__, type(db.Model.metadata).__name__)


class User(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(unique=True)
    profile: Mapped[Optional["Profile"]] = relationship(back_populates="user")
    tags: Mapped[list["Tag"]] = relationship(back_populates="user")


class Profile(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    bio: Mapped[str]
    user: Mapped["User"] = relationship(back_populates="profile")


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    scope = db.Column(db.String(20))
    user_id = db.Column(db.ForeignKey("user.id"))
    user: Mapped["User | None"] = relationship(back_populates="tags")
    __table_args__ = (db.UniqueConstraint(name, scope),)


db.create_all()
u = User(name="ann")
print(u.profile, u.tags)
u.profile = Profile(bio="hi")
u.tags.append(Tag(name="a", scope="x"))
db.session.add(u)
db.session.commit()
print(u.profile.bio, u.profile.user.name, [t.name for t in u.tags])
print(db.session.execute(text("SELECT sql FROM sqlite_master WHERE name='tag'")).scalar())
db.session.commit()
try:
    with db.session.begin():
        db.session.add(User(name="ann"))
except IntegrityError as e:
    print("rolled back:", e.orig)
print(db.session.is_active, db.session.scalars(select(User.name)).all())
try:
    User("bob")
except TypeError as e:
    print(e)
