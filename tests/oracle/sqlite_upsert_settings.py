from sqlalchemy.dialects import sqlite
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

page_views = db.Table('page_views', db.Column('path', db.String(50), primary_key=True),
                      db.Column('views', db.Integer, nullable=False, default=0))


class Setting(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(40), nullable=False)
    scope = db.Column(db.String(10), nullable=False, default='global')
    value = db.Column(db.String(100))
    __table_args__ = (db.UniqueConstraint('name', 'scope'),)


db.create_all()
for p in ['/', '/about', '/']:
    stmt = sqlite.insert(page_views).values(path=p, views=1)
    stmt = stmt.on_conflict_do_update(index_elements=[page_views.c.path],
                                      set_={page_views.c.views: page_views.c.views + 1})
    db.session.execute(stmt)
print(db.session.execute(db.select(page_views).order_by(page_views.c.path)).all())


def set_setting(name, value, scope='global'):
    stmt = sqlite_insert(Setting).values(name=name, value=value, scope=scope)
    stmt = stmt.on_conflict_do_update(index_elements=['name', 'scope'], set_={'value': stmt.excluded.value})
    db.session.execute(stmt)


set_setting('theme', 'dark')
set_setting('theme', 'light')
set_setting('lang', 'en', scope='user')
db.session.commit()
for s in db.session.scalars(db.select(Setting).order_by(Setting.id)):
    print(s.id, s.name, s.scope, s.value)
rows = [{'name': 'a', 'value': '1'}, {'name': 'theme', 'value': 'blue'}]
ins = sqlite_insert(Setting).on_conflict_do_nothing(index_elements=['name', 'scope'])
r = db.session.execute(ins, rows)
print(type(r).__name__)
print(db.session.execute(db.select(Setting.name, Setting.value).order_by(Setting.id)).all())
stmt = sqlite_insert(Setting).values(name='theme', value='x')
print(stmt.on_conflict_do_update(index_elements=['name', 'scope'], index_where=Setting.value.isnot(None), set_=dict(value='y')))
print(stmt.on_conflict_do_nothing().compile(compile_kwargs={'literal_binds': True}))
try:
    stmt.on_conflict_do_nothing().on_conflict_do_nothing()
except Exception as e:
    print(type(e).__name__, e)
try:
    print(stmt.excluded.nope)
except AttributeError as e:
    print('AttributeError', e)
print(type(stmt).__name__)
db.session.execute(sqlite_insert(Setting).values(name='z').on_conflict_do_update(index_elements=['name', 'scope'], set_={'value': 'q'}).prefix_with('OR IGNORE'))
