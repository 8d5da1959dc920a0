# Status lines for every code werkzeug names (402, 418, 429, 503...).
@app.route('/s/<int:code>')
def s(code):
    return 'x', code
c = app.test_client()
for code in (402, 406, 418, 429, 503):
    print(c.get(f'/s/{code}').status)
