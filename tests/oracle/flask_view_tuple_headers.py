# A view's tuple with headers: (body, status, headers) and (body, headers).
@app.route('/x')
def x():
    return {'id': 1}, 201, {'Location': '/x/1', 'X-Count': 3}


@app.route('/y')
def y():
    return 'hi', {'X-Test': 'yes'}


@app.route('/z')
def z():
    return 'made', 202, [('X-A', 'a'), ('X-B', 'b')]


c = app.test_client()
r = c.get('/x')
print(r.status, r.headers.get('Location'), r.headers.get('X-Count'), r.headers['Content-Type'], list(r.headers.keys()))
r = c.get('/y')
print(r.status, r.headers.get('X-Test'), r.get_data(as_text=True), list(r.headers.keys()))
r = c.get('/z')
print(r.status, r.headers.get('X-A'), r.headers.get('X-Missing'), list(r.headers.keys()))
