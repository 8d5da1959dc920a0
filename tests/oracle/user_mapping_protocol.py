class Record(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))

    def keys(self):
        return ['id', 'name']

    def __getitem__(self, key):
        return getattr(self, key)


db.create_all()
r = Record(id=1, name='a')
print(dict(r), {**r}, '%(name)s #%(id)d' % r, '{name}'.format(**r), '{id}-{name}'.format_map(r))
db.session.add(r)
db.session.commit()
m = db.session.execute(db.select(Record.id, Record.name)).mappings().one()
print('%(name)s has id %(id)s' % m, dict(m))
row = db.session.execute(db.select(Record.id, Record.name)).one()
print('%(name)s!' % row._mapping)
def show(**kw):
    return sorted(kw.items())
print(show(**r), show(**m))
