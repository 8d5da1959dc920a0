# Assignment expressions.
import re
data = [3, 8, 1, 12, 7]
if (n := len(data)) > 3:
    print('long', n)
print([y for x in data if (y := x * 2) > 10], y)
total = 0
while (chunk := data[total:total + 2]):
    print(chunk)
    total += 2
def f(values):
    return [(v, sq) for v in values if (sq := v * v) % 2 == 0], sq
print(f([1, 2, 3, 4]))
if m := re.search(r'(\d+)', 'order 42'):
    print(m.group(1))
print((a := 5) + a, a)


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20), unique=True)


db.create_all()
for name in ['a', 'b', 'a']:
    if (tag := Tag.query.filter_by(name=name).first()) is None:
        tag = Tag(name=name)
        db.session.add(tag)
        db.session.commit()
    print(tag.id, tag.name)
print(any((hit := t).name == 'b' for t in Tag.query.all()), hit.name)
