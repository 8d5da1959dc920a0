import os
from flask import Flask, jsonify, request, abort
from flask_sqlalchemy import SQLAlchemy
from flask_migrate import Migrate
from sqlalchemy import MetaData

basedir = os.path.abspath(os.path.dirname(__file__))

class Config:
    SECRET_KEY = os.environ.get('SECRET_KEY') or 'dev'
    SQLALCHEMY_DATABASE_URI = os.environ.get('DATABASE_URL') or 'sqlite:///' + os.path.join(basedir, 'app.db')
    SQLALCHEMY_TRACK_MODIFICATIONS = False

convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

app = Flask(__name__)
app.config.from_object(Config)
db = SQLAlchemy(app, metadata=MetaData(naming_convention=convention))
migrate = Migrate(app, db)

class Todo(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(200), nullable=False, unique=True)
    done = db.Column(db.Boolean, default=False)
    owner_id = db.Column(db.Integer, db.ForeignKey('owner.id'))

    def to_json(self):
        return {'id': self.id, 'title': self.title, 'done': self.done}

class Owner(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50))
    todos = db.relationship('Todo', backref='owner', lazy=True)

@app.route('/todos', methods=['GET'])
def list_todos():
    return jsonify([t.to_json() for t in Todo.query.all()])

@app.route('/todos/<int:todo_id>')
def get_todo(todo_id):
    todo = Todo.query.get_or_404(todo_id)
    return jsonify(todo.to_json())

def seed():
    o = Owner(name='me')
    db.session.add(o)
    for t in ['write', 'test', 'ship']:
        db.session.add(Todo(title=t, owner=o))
    db.session.commit()

if __name__ == '__main__':
    with app.app_context():
        db.create_all()
        seed()
        print(app.config['SQLALCHEMY_TRACK_MODIFICATIONS'], app.config['SECRET_KEY'])
        for row in db.session.execute(db.text("SELECT sql FROM sqlite_master WHERE name='todo'")):
            print(row[0])
        print([t.to_json() for t in Todo.query.filter_by(done=False).all()])
        t = Todo.query.get_or_404(2)
        t.done = True
        db.session.commit()
        print(Todo.query.filter(Todo.done.is_(True)).one().title, Todo.query.filter(Todo.done == False).count())
        try:
            Todo.query.get_or_404(99)
        except Exception as e:
            print(type(e).__name__, e.code, e.description[:40])
        try:
            db.first_or_404(db.select(Todo).filter_by(title='nope'), description='No such todo')
        except Exception as e:
            print(type(e).__name__, e)
        print(db.get_or_404(Todo, 1).title, db.one_or_404(db.select(Todo).filter_by(id=3)).title)
        print(Owner.query.first().todos, [t.owner.name for t in Todo.query.all()])
        print(list_todos.__name__, callable(get_todo))
    app.run(debug=True)
