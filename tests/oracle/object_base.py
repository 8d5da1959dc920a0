# class X(object): plain classes, mixins with an explicit object base, MRO and bases
class Point(object):
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return f'Point({self.x})'


class TimestampMixin(object):
    created = db.Column(db.String(20), default='today')

    def describe(self):
        return f'{type(self).__name__} created {self.created}'


class Named(Point, object):
    pass


class Item(TimestampMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))


print(Point(3).x, Point(4))
print(Point.__bases__, Named.__bases__)
print([c.__name__ for c in Named.__mro__])
print(isinstance(Named(1), Point), isinstance(Named(1), object), issubclass(Named, object))
db.create_all()
db.session.add(Item(name='a'))
db.session.commit()
it = Item.query.first()
print(it.describe(), it.name, Item.__table__.c.keys())
print(isinstance(it, TimestampMixin))
