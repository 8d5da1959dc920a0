# O3: User.query.get(i) 10,000 times, identity map cold (the raw path: W3's prepared
# lookups). Runs after models.py and seed.py; the ids are W3's.
import time

ids = [1 + (k * 7919) % 100000 for k in range(10000)]
t0 = time.perf_counter()
found = [User.query.get(i) for i in ids]
t1 = time.perf_counter()
print('ms', (t1 - t0) * 1000)
print('fp', len(found), sum(u.id for u in found), sum(len(u.email) for u in found))
