# db.paginate() fetches items with .unique().scalars(): joined duplicates collapse.
class A(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    bs = db.relationship('B')


class B(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    a_id = db.Column(db.Integer, db.ForeignKey('a.id'))


db.create_all()
db.session.add_all([A(bs=[B()]), A(bs=[B(), B()])])
db.session.commit()
p = db.paginate(db.select(A).join(A.bs).order_by(A.id), page=1, per_page=3)
print(p.items, p.total)
