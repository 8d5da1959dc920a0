from sqlalchemy.ext.hybrid import hybrid_property

class Interval(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    start = db.Column(db.Integer)
    end = db.Column(db.Integer)
    _note = db.Column('note', db.String(20))

    @hybrid_property
    def length(self):
        return self.end - self.start

    @hybrid_property
    def note(self):
        return self._note

    @note.setter
    def note(self, v):
        self._note = v.strip()

db.create_all()
db.session.add(Interval(start=1, end=4, note=' hi '))
db.session.commit()
print(select(Interval.length, Interval.note))
r = db.session.query(Interval.length, Interval.note).one()
print(r, r._fields, r.length, r.note)
r = db.session.execute(select(Interval.id, Interval.length)).one()
print(r._fields, r._mapping['length'])
print(db.session.query(Interval).filter(Interval.length > 2).count())
print(str(Interval.length + 1), str(Interval.note == 'x'))
print(db.session.query(Interval.length.label('L')).one()._fields)
print(db.session.query(db.func.sum(Interval.length)).scalar())
print(Interval.query.order_by(Interval.length.desc()).first().note)
class U(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    _email = db.Column(db.String(20))
    @hybrid_property
    def email(self):
        return self._email
    @hybrid_property
    def ident(self):
        return self.id
db.create_all()
db.session.add(U(_email='a@b'))
db.session.commit()
print(select(U.email, U.ident))
r = db.session.execute(select(U.email, U.ident)).one()
print(r._fields, r.email)
print(Interval.length.key, U.email.key)
