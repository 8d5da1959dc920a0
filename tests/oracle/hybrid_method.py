from sqlalchemy.ext.hybrid import hybrid_method, hybrid_property


class Interval(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    start = db.Column(db.Integer, nullable=False)
    end = db.Column(db.Integer, nullable=False)

    @hybrid_property
    def length(self):
        return self.end - self.start

    @hybrid_method
    def contains(self, point):
        return (self.start <= point) & (point <= self.end)

    @hybrid_method
    def intersects(self, other):
        return self.contains(other.start) | self.contains(other.end)

    @hybrid_method
    def longer_than(self, n):
        return self.length > n

    @hybrid_method
    def near(self, point, slack=1):
        return abs(self.start - point) <= slack

    @near.expression
    def near(cls, point, slack=1):
        return db.func.abs(cls.start - point) <= slack

    def __repr__(self):
        return f'<Interval {self.start}-{self.end}>'


db.create_all()
db.session.add_all([Interval(start=1, end=5), Interval(start=3, end=10), Interval(start=8, end=9)])
db.session.commit()
i = db.session.get(Interval, 1)
print(i.contains(3), i.contains(7), i.longer_than(3), i.near(2), i.near(4, slack=3))
print(Interval.query.filter(Interval.contains(4)).all())
print(Interval.query.filter(Interval.longer_than(2)).order_by(Interval.id).all())
print(Interval.query.filter(Interval.near(7)).all())
print(db.session.scalars(select(Interval).where(Interval.near(0, slack=2))).all())
print(str(Interval.contains(4)))
print(type(Interval.__dict__['contains']).__name__)
