# Follow-ups: backref(single_parent=True) with delete-orphan; a CHECK-ed Boolean's and a
# none_as_null JSON's type attributes, cast() and type_coerce() to them; json.dumps called
# inside default=; jsonify's key order; an onupdate's context with a named primary key and
# a column set to a SQL expression; DECIMAL(asdecimal=False).
import json
from sqlalchemy.orm import configure_mappers


class A(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    bs = db.relationship('B', backref=db.backref('a', cascade='all, delete-orphan', single_parent=True))


class B(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    aid = db.Column(db.ForeignKey('a.id'))


configure_mappers()
print(B.a.property.single_parent, A.bs.property.single_parent)


class P(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    f = db.Column(db.Boolean(create_constraint=True))
    j = db.Column(db.JSON(none_as_null=True))
    k = db.Column(db.JSON)
    d = db.Column(db.DECIMAL(10, 2, asdecimal=False))


db.create_all()
db.session.add(P(k={'b': 2}, d=1.5))
db.session.commit()
print(P.f.type.python_type, P.j.type.python_type, P.j.type.none_as_null, P.k.type.none_as_null, P.f.type.create_constraint)
print(repr(P.d.type), P.d.type.python_type)
print(repr(db.session.scalar(db.select(db.cast(P.id, P.f.type)))), repr(db.session.scalar(db.select(db.type_coerce(P.k, P.j.type)))))
print(db.session.scalar(db.select(P.d)), db.session.execute(db.text('SELECT d FROM p')).scalar())


class X:
    pass


print(json.dumps([X(), {'b': 1, 'a': 2}], sort_keys=True, default=lambda o: json.dumps({'z': 1, 'y': 2})))
outer = [X()]
print(json.dumps(outer, default=lambda o: json.dumps(outer, default=lambda q: 'x')))
from flask import jsonify
with app.test_request_context():
    print(jsonify({10: 'a', 9: 'b', 100: 'c'}).get_data(as_text=True).strip())


def ctx(tag):
    def f(context):
        print(tag, context.get_current_parameters())
        return tag
    return f


class K(db.Model):
    b = db.Column('bee', db.Integer, primary_key=True)
    name = db.Column(db.String(10))
    u1 = db.Column(db.String(10), onupdate=ctx('u1'))
    u3 = db.Column(db.String(10), onupdate=ctx('u3'))


db.create_all()
k = K(b=7, name='x')
db.session.add(k)
db.session.commit()
k.name = 'y'
k.u3 = K.name
db.session.commit()
print(k.u1, k.u3)
