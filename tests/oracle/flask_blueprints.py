# Blueprints: views recorded on a blueprint, registered on the app under a prefix.
from flask import Flask, Blueprint, jsonify
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)
api = Blueprint('api', __name__, url_prefix='/api')
main = Blueprint('main', __name__)


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(50))


@api.route('/books')
def books():
    return jsonify([b.title for b in Book.query.order_by(Book.id)])


@api.get('/books/<int:book_id>')
def book(book_id):
    b = db.get_or_404(Book, book_id)
    return {'id': b.id, 'title': b.title}


@api.post('/books')
def add_book():
    return {'ok': True}, 201


def ping():
    return 'pong'


api.add_url_rule('/ping', 'ping', ping)


@main.route('/')
def index():
    return 'home'


@main.before_app_request
def before():
    pass


print(api.name, api.url_prefix, main.url_prefix)
app.register_blueprint(api)
app.register_blueprint(main, url_prefix='/site')
db.create_all()
db.session.add_all([Book(title='Dune'), Book(title='Emma')])
db.session.commit()
c = app.test_client()
print(c.get('/api/books').json, c.get('/api/books/2').json, c.get('/api/books/9').status_code)
print(c.post('/api/books').status_code, c.get('/api/ping').text, c.get('/site/').text)
print(c.get('/').status_code)
print(sorted((r.rule, r.endpoint) for r in app.url_map.iter_rules()))
