# SQLite turns floats into text with 15 significant digits (||, CAST, group_concat).
class Reading(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    value = db.Column(db.Float)


db.create_all()
db.session.add_all([Reading(value=v) for v in [0.1, 1 / 3, 2.0, 1e20, -0.5, 0.1 + 0.2]])
db.session.commit()
print(db.session.execute(select('v=' + db.cast(Reading.value, db.String)).order_by(Reading.id)).scalars().all())
print(db.session.scalar(select(func.group_concat(Reading.value, ';'))))
print(db.session.execute(text("select 'v=' || (1.0/3), cast(0.1 + 0.2 as text), 1e20 || '', 1.0/3")).all())
print(db.session.execute(select(Reading.value.concat('!')).where(Reading.id == 2)).scalar())
