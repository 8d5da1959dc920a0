# ORM bulk INSERT (`session.execute(insert(Model), rows)`) leaves out None values, so the
# columns' defaults apply (server_default, default=); JSON keeps None as 'null'. Core
# inserts and values() keep None.
class Car(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    plate = db.Column(db.String(8))
    color = db.Column(db.String(8), server_default='white')
    km = db.Column(db.Integer, default=7)
    meta = db.Column(db.JSON)
db.create_all()
db.session.execute(db.insert(Car), [{'plate': 'A', 'color': None, 'km': None, 'meta': None},
                                    {'plate': None, 'color': 'red'}])
db.session.execute(db.insert(Car), {'plate': 'C', 'color': None, 'km': None})
db.session.execute(db.insert(Car.__table__), [{'plate': 'D', 'color': None, 'meta': None}])
db.session.execute(db.insert(Car).values(plate='E', color=None, meta=None))
db.session.add(Car(plate='F', color=None, meta=None))
# Rows leaving out different keys are different statements; values([...]) keeps None.
db.session.execute(db.insert(Car), [{'plate': 'G', 'km': None}, {'plate': 'H', 'km': 3}])
db.session.execute(db.insert(Car).values([{'plate': 'I', 'km': None}, {'plate': 'J', 'km': 4}]))
db.session.commit()
for row in db.session.execute(text('SELECT id, plate, color, km, meta FROM car ORDER BY id')):
    print(row)
