from sqlalchemy.orm import Mapped, mapped_column
class M:
    z: Mapped[int] = mapped_column(sort_order=-2, default=1)
    y: Mapped[int] = mapped_column(default=1)
class T(M, db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    a: Mapped[int] = mapped_column(sort_order=-1)
    b: Mapped[int] = mapped_column(sort_order=5)
    c: Mapped[int]
print(T.__table__.c.keys())
class U(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    q = db.Column(db.Integer)
    r: Mapped[int] = mapped_column(sort_order=-3)
print(U.__table__.c.keys())
from sqlalchemy.schema import CreateTable
db.create_all()
print(db.session.execute(text("select sql from sqlite_master where name='t'")).scalar())
class V(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    n: Mapped[int] = mapped_column(insert_default=5)
    m: Mapped[int] = mapped_column(insert_default=lambda: 7, sort_order=-1)
db.create_all()
db.session.add(V())
db.session.commit()
v = db.session.get(V, 1)
print(v.n, v.m, V.__table__.c.keys())
