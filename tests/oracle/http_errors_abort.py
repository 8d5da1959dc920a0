# flask.abort(code) and werkzeug's HTTP errors made directly: code, name, description, str() and repr().
from flask import abort
from werkzeug.exceptions import NotFound, HTTPException
try:
    abort(404)
except HTTPException as e:
    print(type(e).__name__, e.code, e.name)
    print(e.description)
try:
    abort(404, description='No such user')
except NotFound as e:
    print(e, repr(e))
try:
    abort(400)
except HTTPException as e:
    print(type(e).__name__, e.code, e)
e = NotFound('gone')
print(e.code, e.description, str(e))
from werkzeug.exceptions import Forbidden, BadRequest
for code in (401, 403, 405, 409, 500):
    try:
        abort(code)
    except HTTPException as e:
        print(type(e).__name__, isinstance(e, HTTPException), e.code, e.name, '|', e)
try:
    raise Forbidden(description='Admins only')
except HTTPException as e:
    print(repr(e), e.description)
print(BadRequest().description, NotFound().name)
try:
    abort(499)
except LookupError as e:
    print(type(e).__name__, e)
