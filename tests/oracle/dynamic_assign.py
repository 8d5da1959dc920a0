# Warehouse zones: dynamic collections - extend, remove, pending parent, many-to-many dynamic, delete-orphan.
zone_tags = db.Table('zone_tags', db.Column('zone_id', db.ForeignKey('zone.id'), primary_key=True),
                     db.Column('tag_id', db.ForeignKey('tag.id'), primary_key=True))


class Zone(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    code = db.Column(db.String(4))
    bins = db.relationship('Bin', backref='zone', lazy='dynamic', cascade='all, delete-orphan', order_by='Bin.label')
    tags = db.relationship('Tag', secondary=zone_tags, lazy='dynamic', backref='zones')

    def __repr__(self):
        return f'<Zone {self.code}>'


class Bin(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    label = db.Column(db.String(5))
    zone_id = db.Column(db.Integer, db.ForeignKey('zone.id'))

    def __repr__(self):
        return f'<Bin {self.label}>'


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(10))

    def __repr__(self):
        return f'<Tag {self.name}>'


db.create_all()
z = Zone(code='Z1')
z.bins.append(Bin(label='B2'))
z.bins.extend([Bin(label='B1'), Bin(label='B3')])
cold, dry = Tag(name='cold'), Tag(name='dry')
z.tags.append(cold)
db.session.add(z)
print(z.bins.all())
db.session.commit()
print(z.bins.all(), z.bins.count(), z.tags.all(), cold.zones)
b3 = z.bins.filter_by(label='B3').one()
z.bins.remove(b3)
db.session.commit()
print(z.bins.all(), Bin.query.count())
z.tags.extend([dry])
z.tags.remove(cold)
db.session.commit()
print(z.tags.all(), cold.zones, dry.zones)
print(db.session.execute(select(zone_tags)).all())
z.tags = [cold, dry]
db.session.commit()
print(z.tags.order_by(Tag.name).all(), db.session.execute(select(func.count()).select_from(zone_tags)).scalar())
z.bins = [Bin(label='B9')]
db.session.commit()
print(z.bins.all(), [b.label for b in Bin.query.order_by(Bin.id)])
print(z.bins[0], z.bins.first(), z.bins.limit(1).all())
print(Bin.query.filter(Bin.zone == z).count(), z.tags.filter(Tag.name.like('c%')).all())
db.session.delete(z)
db.session.commit()
print(Bin.query.count(), Tag.query.count(), db.session.execute(select(func.count()).select_from(zone_tags)).scalar())
