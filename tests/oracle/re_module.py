import re
from re import sub, IGNORECASE

EMAIL = re.compile(r'(?P<user>[\w.]+)@(?P<host>[\w.-]+)')
m = EMAIL.search('write to ann.lee@example.com today')
print(m, bool(m), m.group(), m.group('user'), m.group(1, 2), m.groups(), m.groupdict())
print(m.start(), m.end(), m.span('host'), m[0], m['host'], m.string[:5], m.re is EMAIL, m.lastindex, m.lastgroup)
print(EMAIL, EMAIL.pattern, EMAIL.groups, EMAIL.groupindex, re.compile('a', re.I | re.M))
print(re.match(r'\d+', 'abc 123'), re.search(r'\d+', 'abc 123').group())
print(re.fullmatch(r'[a-z]+', 'abc'), re.fullmatch(r'[a-z]+', 'abc1'))
print(re.findall(r'\d+', 'a1 b22 c333'), re.findall(r'(\w)(\d)', 'a1 b2'), re.findall(r'(\w)\d', 'a1 b2'))
print([m.span() for m in re.finditer(r'o', 'foo boo')])
print(re.sub(r'\s+', ' ', '  a   b\tc '), sub('a', 'b', 'banana', count=2), re.subn('a', 'o', 'banana'))
print(re.sub(r'(\d+)', lambda m: str(int(m.group(1)) * 2), 'x1 y20'))
print(re.split(r'[,;]\s*', 'a, b;c'), re.split(r'(,)', 'a,b'), re.split(',', 'a,b,c', maxsplit=1))
print(re.escape('1+1=2?'), re.sub('HELLO', 'bye', 'hello Hello', flags=IGNORECASE))
slug = re.sub(r'[^a-z0-9]+', '-', 'Hello, World! 2024'.lower()).strip('-')
print(slug, re.compile(r'x').sub('y', 'axbx'), re.compile(r'b').split('abc'))
print(bool(re.match(r'^[\w.+-]+@[\w-]+\.[\w.]+$', 'a@b.co')), re.search('z', 'abc'))
print(re.match(r'(a)(b)?', 'ac').groups(), re.match(r'(a)(b)?', 'ac').groups('-'), re.match(r'(a)(b)?', 'ac').span(2))
try:
    re.compile('(')
except re.error as e:
    print(type(e).__name__, e, e.msg, e.pos)
try:
    m.group(5)
except IndexError as e:
    print('IndexError', e)
print(type(m).__name__, type(EMAIL).__name__, int(re.S), re.I | re.M == 10)
re.compile('[')
