# O2: User.query.all() materializing 100,000 objects (the raw path: the same SELECT's
# rows through the engine). Runs after models.py and seed.py.
import time

t0 = time.perf_counter()
users = User.query.all()
t1 = time.perf_counter()
print('ms', (t1 - t0) * 1000)
print('fp', len(users), sum(u.id for u in users), sum(u.role_id for u in users),
      sum(len(u.username) + len(u.email) for u in users))
