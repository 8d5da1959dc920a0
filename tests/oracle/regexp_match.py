# regexp_match / regexp_replace on SQLite.
class P(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(30))


db.create_all()
db.session.add_all([P(name='Ann'), P(name='bob'), P(name='Cyd9'), P(name=None), P(name='a.b')])
db.session.commit()
print(P.query.filter(P.name.regexp_match('^[a-z]')).count())
print(db.session.scalars(select(P.name).where(P.name.regexp_match('^c', flags='i'))).all())
print(select(P.name).where(P.name.regexp_match('^c', flags='i')))
print(db.session.scalars(select(P.id).where(~P.name.regexp_match(r'\d')).order_by(P.id)).all())
print(db.session.scalars(select(P.id).where(P.name.regexp_match(r'(b).\1'))).all())
print(db.session.execute(text("SELECT 'abc' REGEXP 'b+', NULL REGEXP 'a', 'A' REGEXP '(?i)a'")).all())
print(select(P.name.regexp_replace('[0-9]', '#')))
try:
    print(db.session.scalars(select(P.name.regexp_replace('[0-9]', '#'))).all())
except Exception as e:
    print(type(e).__name__, e)
    db.session.rollback()
try:
    print(db.session.scalars(select(P.id).where(P.name.regexp_match('('))).all())
except Exception as e:
    print(type(e).__name__, str(e).splitlines()[0])
