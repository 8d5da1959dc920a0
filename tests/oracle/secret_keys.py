import os
import secrets
from secrets import token_hex
app.config['SECRET_KEY'] = os.urandom(24)
print(type(app.config['SECRET_KEY']).__name__, len(app.config['SECRET_KEY']))
print(len(secrets.token_hex(16)), len(token_hex()), len(secrets.token_urlsafe(16)), len(secrets.token_urlsafe()), len(secrets.token_bytes(8)))
print(len(secrets.token_urlsafe(1)), len(secrets.token_urlsafe(2)), len(secrets.token_urlsafe(5)))
print(secrets.token_hex(4) != secrets.token_hex(4), set(secrets.token_urlsafe(30)) <= set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'))
