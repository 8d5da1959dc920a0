import hashlib
from hashlib import md5
from werkzeug.security import generate_password_hash, check_password_hash
e = 'John@Example.com'
b = e.lower().encode('utf-8')
print(b, type(b).__name__, len(b), b.decode(), b == 'john@example.com'.encode())
print(md5(b).hexdigest(), hashlib.sha256(b'').hexdigest() if False else hashlib.sha256('abc'.encode()).hexdigest())
h = hashlib.md5()
h.update(b'ab')
h.update('c'.encode())
print(h.hexdigest(), h.digest()[:4], h.name)
pw = generate_password_hash('cat')
print(pw.split('$')[0], len(pw.split('$')[1]), len(pw.split('$')[2]))
print(check_password_hash(pw, 'cat'), check_password_hash(pw, 'dog'), check_password_hash('nonsense', 'cat'))
p2 = generate_password_hash('s3cret', method='pbkdf2:sha256:1000')
print(p2.split('$')[0], check_password_hash(p2, 's3cret'))
print(check_password_hash('pbkdf2:sha256:1000$abc$' + hashlib.sha256(b'x').hexdigest(), 'x'))
print(check_password_hash('scrypt:1024:8:1$NaCl$abc', 'pw'))
try:
    md5('x')
except TypeError as ex:
    print('TypeError', ex)
