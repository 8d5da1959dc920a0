import json
def todo():
    ...
print(..., todo(), repr(...), type(...).__name__, ... is ...)
print(datetime.combine(date(2024, 1, 1), datetime.min.time()), datetime.min, datetime.max)
print(datetime.max.year, date.min, date.max, date.min < date(2020, 1, 1))
print('straße'.casefold(), 'ÉCOLE'.casefold() == 'école', 'a\tb'.expandtabs(4), 'x\ty'.expandtabs())
print(dict.fromkeys(['a', 'b'], 0), dict.fromkeys('xy'), dict.fromkeys(range(3), []))
print(json.dumps({'a': [1, 2]}, indent='\t'))
print(json.dumps({'a': [1, {'b': None}]}, indent='  ', sort_keys=True))
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
db.create_all()
db.session.add(User(name='al'))
db.session.commit()
for f in [lambda: select(User).all(), lambda: select(User).first(), lambda: select(User).count(),
          lambda: select(User).scalar(), lambda: User.query.filter_by(User.name == 'al').all(),
          lambda: select(User).filter_by(User.name == 'al', 1)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(db.session.execute(select(User).filter_by(name='al')).scalars().all()[0].name)
