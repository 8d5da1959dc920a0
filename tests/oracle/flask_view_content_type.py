from flask import jsonify
@app.route('/a')
def a():
    return '{"x": 1}', 200, {'Content-Type': 'application/json', 'X-Total': '3'}
@app.route('/b')
def b():
    return 'hi', {'X-Total': '5'}
@app.route('/c')
def c():
    return 'a,b\n1,2', 201, {'content-type': 'text/csv', 'X-A': '1'}
@app.route('/d')
def d():
    return jsonify(ok=True), 200, {'Content-Type': 'application/vnd.api+json; charset=utf-8', 'X-B': '2'}
@app.route('/e')
def e():
    return {'k': 1}, {'Content-Type': 'text/plain'}
cl = app.test_client()
for u in ['/a', '/b', '/c', '/d', '/e']:
    r = cl.get(u)
    print(u, r.status_code, r.content_type, r.mimetype, r.is_json, r.get_json(silent=True), dict(r.headers))
