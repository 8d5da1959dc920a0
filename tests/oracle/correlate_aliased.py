# correlate() / correlate_except() given an aliased class: a self-referential
# "reports per boss" count.
class Emp(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    boss_id = db.Column(db.Integer, db.ForeignKey('emp.id'))


db.create_all()
db.session.add_all([Emp(id=1, name='ann'), Emp(id=2, name='bob', boss_id=1),
                    Emp(id=3, name='cy', boss_id=1), Emp(id=4, name='dee', boss_id=2)])
db.session.commit()
Boss = db.aliased(Emp)
cnt = select(func.count(Emp.id)).where(Emp.boss_id == Boss.id).correlate(Boss).scalar_subquery()
print(db.session.query(Boss.name, cnt).order_by(Boss.id).all())
q = db.select(Boss.name, cnt.label('reports')).order_by(cnt.desc(), Boss.name)
print(q)
for name, n in db.session.execute(q):
    print(f'{name:>5} {n}')
cnt2 = (select(func.count(Emp.id)).where(Emp.boss_id == Boss.id)
        .correlate_except(Emp).scalar_subquery())
print(db.session.execute(db.select(Boss.id, cnt2).where(cnt2 > 0).order_by(Boss.id)).all())
