# O1: 100,000 User(...) objects via db.session.add_all + one commit (the raw path: W1).
# The rows are built first (untimed, like the raw path's data); the timed part makes
# the objects, adds them and commits.
import time
from datetime import datetime, timedelta

N = 100000
db.create_all()
db.session.add_all([Role(id=i, name=f'role{i}') for i in range(1, 6)])
db.session.commit()
start = datetime(2020, 1, 1)
rows = [(i, f'user{i}', f'user{i}@example{i % 7}.com', 1 + i % 5,
         (start + timedelta(seconds=i * 61)).strftime('%Y-%m-%d %H:%M:%S')) for i in range(1, N + 1)]
t0 = time.perf_counter()
db.session.add_all([User(id=i, username=u, email=e, role_id=r, created_at=c) for i, u, e, r, c in rows])
db.session.commit()
t1 = time.perf_counter()
print('ms', (t1 - t0) * 1000)
print('fp', db.session.execute(db.text(
    "select count(*), sum(id), sum(role_id), sum(length(username) + length(email)) from users")).one())
