from flask import Flask, jsonify, request, abort
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = 'sqlite:///t.db'
db = SQLAlchemy(app)


class Todo(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(50), nullable=False)
    done = db.Column(db.Boolean, default=False)

    def to_dict(self):
        return {'id': self.id, 'title': self.title, 'done': self.done}


@app.errorhandler(404)
def not_found(e):
    return jsonify(error=str(e)), 404


@app.route('/todos', methods=['GET'])
def list_todos():
    return jsonify([t.to_dict() for t in Todo.query.order_by(Todo.id)])


@app.route('/todos', methods=['POST'])
def create():
    data = request.get_json()
    if not data or 'title' not in data:
        abort(400, description='title is required')
    t = Todo(title=data['title'])
    db.session.add(t)
    db.session.commit()
    return jsonify(t.to_dict()), 201


@app.route('/todos/<int:tid>', methods=['PUT', 'PATCH'])
def update(tid):
    t = Todo.query.get_or_404(tid)
    t.done = request.json.get('done', t.done)
    db.session.commit()
    return t.to_dict()


@app.route('/bad')
def bad():
    return Todo.query.first()


@app.route('/none')
def none():
    pass


@app.route('/q')
def q():
    return request.args['x']


with app.app_context():
    db.create_all()
    client = app.test_client()
    print(client.post('/todos', json={}).status_code)
    r = client.post('/todos', json={})
    print(r.status_code, r.mimetype)
    print(client.post('/todos', json={'title': 'write'}).json)
    print(client.put('/todos/1', json={'done': True}).json)
    print(client.patch('/todos/7', json={'done': True}).json)
    print(client.get('/todos').json)
    print(client.get('/missing').get_json())
    print(client.get('/bad').status_code)
    print(client.get('/none').status_code)
    print(client.get('/q').status_code, client.get('/q?x=5').text)
    print(client.post('/q').status_code)
    print(client.post('/todos', data='x').status_code)
    app.config['TESTING'] = True
    try:
        client.get('/none')
    except TypeError as e:
        print('TypeError', str(e)[:60])
try:
    print(request.method)
except RuntimeError as e:
    print(str(e).splitlines()[0])
