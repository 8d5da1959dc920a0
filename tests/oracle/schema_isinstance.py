from sqlalchemy import MetaData
class Pair(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    a = db.Column(db.String(5), db.ForeignKey('pair.id'), index=True)
    b = db.Column(db.String(5))
    __table_args__ = (db.UniqueConstraint('a', name='uq_a'), db.CheckConstraint('b != a', name='ck_b'), db.Index('ix_b', 'b'))
tags = db.Table('tags', db.Column('pair_id', db.Integer, db.ForeignKey('pair.id')))
print(isinstance(Pair.__table__.c.a, db.Column), isinstance(Pair.a, db.Column), isinstance(Pair.__table__, db.Table), isinstance(tags, db.Table))
print([c.name for c in Pair.__table__.constraints if isinstance(c, db.UniqueConstraint)])
print(sorted(type(c).__name__ for c in Pair.__table__.constraints))
print(sorted(i.name for i in Pair.__table__.indexes if isinstance(i, db.Index)))
print(sorted(c.name for c in Pair.__table__.constraints if isinstance(c, db.ForeignKeyConstraint)), [type(f).__name__ for f in Pair.__table__.c.a.foreign_keys], all(isinstance(f, db.ForeignKey) for f in Pair.__table__.c.a.foreign_keys))
print(isinstance(db.metadata, MetaData), isinstance(Pair.__table__.c.a, db.Table), isinstance(5, db.Column))
cols = [c.name for c in Pair.__table__.columns if isinstance(c.type, db.String)]
print(cols, isinstance(Pair.__table__.c.id, db.Column), type(Pair.__table__.c.id).__name__, type(Pair.__table__).__name__)
print(isinstance(Pair(), db.Model), isinstance(Pair.__table__.c.a, (db.Index, db.Column)))
