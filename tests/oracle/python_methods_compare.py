# str/list search bounds, set inclusion and multi-argument union, rich comparisons,
# Flask's default config.
print('abc'.startswith('b', 1), 'abc'.endswith('b', 0, 2), 'banana'.find('a', 2), 'banana'.count('a', 2, 5))
print([1, 2, 1].index(1, 1), [1, 2, 3, 2].index(2, -2))
s = {1, 2, 3}
print(sorted(s.union([4], [5])), sorted(s.intersection({1, 2}, [2])), {1} <= s, {1} < {1}, s >= {3}, s > s)


class V:
    def __init__(self, x):
        self.x = x

    def __lt__(self, o):
        return self.x < o.x

    def __le__(self, o):
        return self.x <= o.x

    def __ge__(self, o):
        return NotImplemented


print(V(2) <= V(2), V(3) >= V(2), V(1) > V(2), sorted([V(3), V(1)], key=lambda v: v.x)[0].x)
app.config['SECRET_KEY'] = 'dev'
print('SECRET_KEY' in app.config, app.secret_key, app.config['DEBUG'], app.config['TESTING'])
print(app.config['PERMANENT_SESSION_LIFETIME'], app.config.get('MAX_COOKIE_SIZE'))
