# How many statements one text() holds, as Python's sqlite3 checks it.
from sqlalchemy.exc import ProgrammingError, ResourceClosedError
for sql in ['SELECT 1; SELECT 2', 'SELECT 1;;', 'SELECT 1; garbage here',
            'CREATE TABLE t2 (x); INSERT INTO t2 VALUES (1)', 'SELECT 1;', 'SELECT 1; -- done',
            'SELECT 1 /* a */ ; /* b */', '', '   ', '-- nothing', ';', ' ; ;']:
    try:
        r = db.session.execute(text(sql))
        print(repr(sql), r.returns_rows, r.fetchall() if r.returns_rows else None)
    except ProgrammingError as e:
        print(repr(sql), type(e).__name__, e.orig, type(e.orig).__name__)
r = db.session.execute(text(''))
try:
    r.fetchall()
except ResourceClosedError as e:
    print(type(e).__name__, e)
db.session.execute(text('CREATE TABLE t (x INTEGER)'))
try:
    db.session.execute(text('INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)'))
except ProgrammingError as e:
    print(str(e).splitlines()[0])
    db.session.rollback()
print(db.session.execute(text('SELECT count(*) FROM t')).scalar())
