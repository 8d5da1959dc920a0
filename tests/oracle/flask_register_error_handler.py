# app.register_error_handler(): the same as the errorhandler decorator.
def key_missing(e):
    return {'error': 'missing ' + str(e)}, 400


def not_found(e):
    return {'error': 'no such page'}, 404


app.register_error_handler(KeyError, key_missing)
app.register_error_handler(404, not_found)


@app.route('/k')
def k():
    return {}['token']


c = app.test_client()
print(c.get('/k').status_code, c.get('/k').get_json(), c.get('/nope').get_json())
