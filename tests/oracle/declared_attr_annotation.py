# A mixin's @declared_attr with a return annotation (-> Mapped[str]) types the column
# and makes it NOT NULL, as an annotation in the class body does; Optional[...] keeps it
# nullable.
from typing import Optional
import sqlalchemy as sa
import sqlalchemy.orm as so
class NameMixin:
    @so.declared_attr
    def name(cls) -> so.Mapped[str]:
        return so.mapped_column(sa.String(40), unique=True)
    @so.declared_attr
    def rank(cls) -> so.Mapped[int]:
        return so.mapped_column()
    @so.declared_attr
    def note(cls) -> so.Mapped[Optional[str]]:
        return so.mapped_column(sa.String(80))
    @so.declared_attr.directive
    def __tablename__(cls):
        return cls.__name__.lower() + 's'
class Team(NameMixin, db.Model):
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
class Player(NameMixin, db.Model):
    id: so.Mapped[int] = so.mapped_column(primary_key=True)
    team_id: so.Mapped[int] = so.mapped_column(sa.ForeignKey('teams.id'))
db.create_all()
for t in (Team, Player):
    print(t.__tablename__, [(c.name, repr(c.type), c.nullable) for c in t.__table__.columns])
print(db.session.execute(sa.text("SELECT sql FROM sqlite_master WHERE name = 'players'")).scalar())
db.session.add(Team(name='red', rank=1))
db.session.commit()
try:
    db.session.add(Team(name='blue'))
    db.session.commit()
except Exception as e:
    db.session.rollback()
    print(type(e).__name__, e.orig)
print(db.session.scalars(sa.select(Team.name)).all())
