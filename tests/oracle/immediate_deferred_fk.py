class Person(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    mentor_id = db.Column(db.Integer, db.ForeignKey('person.id'))
    mentor = db.relationship('Person', remote_side=[id], lazy='immediate')

    def __repr__(self):
        return f'P({self.name})'


db.create_all()
yoda = Person(name='yoda')
db.session.add_all([yoda, Person(name='luke', mentor=yoda)])
db.session.commit()
db.session.expunge_all()
people = Person.query.options(db.load_only(Person.name)).order_by(Person.id).all()
print([(p.name, p.mentor) for p in people])
