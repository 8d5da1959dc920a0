# Iterating / membership over a bytes value read back from a LargeBinary column.
class Blob(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    payload = db.Column(db.LargeBinary)


db.create_all()
db.session.add(Blob(payload=b'abc'))
db.session.commit()
b = Blob.query.first()
print(b'b' in b.payload)
print(list(b.payload))
print(sum(b.payload), [x for x in b.payload])
print(98 in b.payload, 300 in b'x' if False else 0, b'' in b.payload, b'ac' in b.payload)
try:
    print('a' in b.payload)
except TypeError as e:
    print('TypeError', e)
print(sorted(b'cab'), max(b'xyz'), [c for c in b'hi' if c > 104])
