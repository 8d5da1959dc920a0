//! The texts a new workspace starts with: a tutorial's models, a script that uses
//! them, and a SQL console example.

/// The models editor's first text.
pub const MODELS: &str = r#"# Models, as in a Flask-SQLAlchemy tutorial. `db` and `app` are ready to use.
class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(80), unique=True, nullable=False)
    email = db.Column(db.String(120), unique=True, nullable=False)
    posts = db.relationship('Post', backref='author', lazy=True)

    def __repr__(self):
        return f'<User {self.username}>'


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(120), nullable=False)
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'), nullable=False)
"#;

/// The script editor's first text.
pub const SCRIPT: &str = r#"# The script runs after the models, on a fresh in-memory database.
# Ctrl+Enter runs; the SQL log shows every statement the ORM sends.
db.create_all()

admin = User(username='admin', email='admin@example.com')
guest = User(username='guest', email='guest@example.com')
db.session.add_all([admin, guest])
db.session.commit()

db.session.add(Post(title='Hello, ormlab', author=admin))
db.session.commit()

print(User.query.all())
print(User.query.filter_by(username='admin').first().posts)
for user in User.query.order_by(User.username).all():
    print(user.id, user.username, len(user.posts))
"#;

/// The SQL console's first text.
pub const SQL: &str = "-- SQLite, running in your browser. After a script run, its tables are here too.\n\
-- Ctrl+Enter runs everything, Shift+Enter runs the statement at the cursor.\n\n\
create table if not exists notes (\n  id integer primary key,\n  body text not null,\n  created_at text default current_timestamp\n);\n\n\
insert into notes (body) values ('first note'), ('second note');\n\n\
select id, body, created_at from notes order by id;\n";
