import os
from flask import Flask, render_template, request, url_for, redirect, flash, jsonify, abort
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.sql import func
from datetime import datetime

basedir = os.path.abspath(os.path.dirname(__file__))

app = Flask(__name__)
app.config['SQLALCHEMY_DATABASE_URI'] = os.environ.get('DATABASE_URL') or 'sqlite:///' + os.path.join(basedir, 'app.db')
app.config['SECRET_KEY'] = os.getenv('SECRET_KEY', 'dev')
app.secret_key = 'another'
db = SQLAlchemy(app)


class Todo(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    content = db.Column(db.String(200), nullable=False)
    done = db.Column(db.Boolean, default=False)
    date_created = db.Column(db.DateTime, default=datetime.utcnow)

    def __repr__(self):
        return '<Task %r>' % self.id


@app.route('/', methods=['POST', 'GET'])
def index():
    if request.method == 'POST':
        task_content = request.form['content']
        new_task = Todo(content=task_content)
        db.session.add(new_task)
        db.session.commit()
        return redirect('/')
    tasks = Todo.query.order_by(Todo.date_created).all()
    return render_template('index.html', tasks=tasks)


@app.get('/api/tasks')
def api_tasks():
    return jsonify([t.content for t in Todo.query.all()])


@app.errorhandler(404)
def not_found(e):
    return 'not found', 404


@app.before_request
def before():
    pass


with app.app_context():
    db.create_all()
    for c in ['write code', 'test it', 'ship it']:
        db.session.add(Todo(content=c))
    db.session.commit()
    tasks = Todo.query.order_by(Todo.id).all()
    print(tasks, [t.done for t in tasks])
    t = Todo.query.get_or_404(2)
    t.done = True
    db.session.commit()
    print(Todo.query.filter_by(done=True).all(), index.__name__, not_found('x'))
    print(app.config['SECRET_KEY'], os.path.basename('x/app.db'), os.path.splitext('app.db'))
    print(type(t.date_created).__name__)

if __name__ == "__main__":
    app.run(debug=True)
