# bytes concatenation and repetition stored in a LargeBinary column; an Enum with its
# CHECK constraint keeps the Enum's attributes.
class Blob(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    data = db.Column(db.LargeBinary)
    size = db.Column(db.Enum('small', 'large', create_constraint=True, name='size_enum'))


db.create_all()
header = b'GIF8' + b'9a'
pad = b'\x00' * 3
db.session.add(Blob(data=header + pad + 2 * b'ab', size='small'))
db.session.commit()
b = Blob.query.one()
print(b.data, len(b.data), b.data[:6] == header)
t = Blob.__table__.c.size.type
print(t.enums, t.name, t.length)
print(db.session.execute(text("SELECT sql FROM sqlite_master WHERE name='blob'")).scalar())
