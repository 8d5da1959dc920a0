# a subquery's .c collection: iterable, len(), ['key'], membership; its columns have .name
class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    kind = db.Column(db.String(10))


sub = db.session.query(Item.kind, func.count(Item.id).label('n')).group_by(Item.kind).subquery('counts')
print(sub.c.n.name, sub.c['kind'].name, 'n' in sub.c, len(sub.c))
print([c.name for c in sub.c], sub.name)
print(str(sub.c.n))
