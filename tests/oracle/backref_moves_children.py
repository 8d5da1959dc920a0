# Moving persistent children between parents through the collection side and the reference side.
class Ship(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    crew = db.relationship('Sailor', backref='ship')

    def __repr__(self):
        return f'<Ship {self.name}>'


class Sailor(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    ship_id = db.Column(db.Integer, db.ForeignKey('ship.id'))

    def __repr__(self):
        return f'<Sailor {self.name}>'


db.create_all()
s1, s2 = Ship(name='s1'), Ship(name='s2')
a, b, c = Sailor(name='a'), Sailor(name='b'), Sailor(name='c')
s1.crew = [a, b]
s2.crew = [c]
print(s1.crew, s2.crew)
s2.crew = [c, a]
print(s1.crew, s2.crew, a.ship)
db.session.add_all([s1, s2])
db.session.commit()
print(db.session.execute(text('SELECT name, ship_id FROM sailor ORDER BY id')).all())
s1.crew.append(c)
print(s1.crew, s2.crew, c.ship)
db.session.commit()
print(db.session.execute(text('SELECT name, ship_id FROM sailor ORDER BY id')).all())
b.ship = s2
print(s1.crew, s2.crew)
s2.crew = [b]
print(s1.crew, s2.crew, a.ship, c.ship)
db.session.commit()
print(db.session.execute(text('SELECT name, ship_id FROM sailor ORDER BY id')).all())
x = Sailor(name='x', ship=s1)
print(s1.crew, x in db.session)
x.ship = s2
print(s1.crew, s2.crew)
db.session.commit()
print(db.session.execute(text('SELECT name, ship_id FROM sailor ORDER BY id')).all())
