# delete-orphan on a many-to-one (single_parent=True): the object no longer referred to is
# deleted by the next flush; a cascaded delete of a collection deletes by primary key.
class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    body = db.Column(db.String(30))


class Invoice(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    lines = db.relationship('Line', cascade='all, delete-orphan', order_by='Line.pos')


class Line(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    pos = db.Column(db.Integer)
    invoice_id = db.Column(db.Integer, db.ForeignKey('invoice.id'))
    note_id = db.Column(db.Integer, db.ForeignKey('note.id'))
    note = db.relationship('Note', cascade='all, delete-orphan', single_parent=True)


db.create_all()
inv = Invoice(lines=[Line(pos=2, note=Note(body='a')), Line(pos=1, note=Note(body='b')),
                     Line(pos=3, note=Note(body='c'))])
db.session.add(inv)
db.session.commit()
first = inv.lines[0]
print(first.pos, first.note.body)
first.note = None
db.session.commit()
print(Note.query.count(), [n.body for n in Note.query.order_by(Note.id)])
last = inv.lines[-1]
last.note = Note(body='d')
db.session.commit()
print([n.body for n in Note.query.order_by(Note.id)])
db.session.delete(inv)
db.session.commit()
print(Invoice.query.count(), Line.query.count(), Note.query.count())
