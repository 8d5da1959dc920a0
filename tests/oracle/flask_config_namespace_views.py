# Flask's Config.get_namespace and app.view_functions.
app.config.from_mapping(CLINIC_NAME='Green Valley', CLINIC_OPEN=False, CLINICAL='no')
print(app.config.get_namespace('CLINIC_'))
print(app.config.get_namespace('CLINIC_', lowercase=False), app.config.get_namespace('CLINIC_', trim_namespace=False))
print(app.config.get_namespace('SQLALCHEMY_')['track_modifications'], app.config.get_namespace('NOPE_'))


@app.route('/todos')
def list_todos():
    return {'todos': []}


@app.route('/todos/<int:todo_id>', endpoint='one')
def get_todo(todo_id):
    return {'id': todo_id}


print(sorted(app.view_functions), app.view_functions['one'] is get_todo, app.view_functions['list_todos']())
print(app.view_functions['one'](todo_id=3))
