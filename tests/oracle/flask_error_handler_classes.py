# @app.errorhandler(SomeError) handles that class and its subclasses only; an unhandled
# exception reaches a 500 handler as InternalServerError with original_exception.
@app.errorhandler(ValueError)
def h(e):
    return 'handled', 422
@app.route('/a')
def a():
    return {}['missing']


class ApiError(Exception):
    pass


@app.errorhandler(ApiError)
def api_error(e):
    return {'error': str(e)}, 400


@app.errorhandler(500)
def server_error(e):
    return {'kind': type(e).__name__, 'code': e.code, 'orig': type(e.original_exception).__name__}, 500


@app.route('/b/<int:n>')
def b(n):
    if n == 1:
        raise ApiError('bad input')
    if n == 2:
        raise ValueError('nope')
    if n == 3:
        return 1 / 0
    return {'n': n}


c = app.test_client()
for n in (1, 2, 3, 4):
    r = c.get(f'/b/{n}')
    print(r.status_code, r.get_json(), r.content_length)
print(c.get('/a').status_code)
try:
    app.route('/late')
except AssertionError as e:
    print(str(e).splitlines()[0])
