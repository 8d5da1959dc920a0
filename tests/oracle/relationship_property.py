class P(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    kids = db.relationship('K', backref='p', lazy='dynamic', cascade='all, delete-orphan')
    name = db.Column(db.String(20))
class K(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    p_id = db.Column(db.ForeignKey('p.id'))
r = P.kids.property
print(r, type(r).__name__, r.lazy, r.direction, r.uselist, r.key, r.mapper, r.entity, r.target, r.back_populates, r.backref)
print(r.secondary, r.parent, r.class_attribute, r.argument)
c = P.name.property
print(c, type(c).__name__, c.key, c.columns, c.expression, c.class_attribute, c.parent, c.columns[0].type)
print(P.__mapper__.relationships['kids'].lazy, K.p.property.direction.name, K.p.property.uselist)
print(db.inspect(P).attrs['name'].columns[0].name)
print(P.kids.prop.lazy, P.name.prop.key)
