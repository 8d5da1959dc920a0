//! Snapshot of the SQL log of a small session (what the page's SQL panel shows) and of the
//! diagnostics of a script that does not parse.

#![cfg(not(target_arch = "wasm32"))]

use ormlab::core::interp::{RunOptions, Source, run};
use ormlab::db::Database;

const SCRIPT: &str = "class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20), unique=True, nullable=False)
    posts = db.relationship('Post', backref='author', lazy=True)


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(50))
    user_id = db.Column(db.Integer, db.ForeignKey('user.id'))


db.create_all()
u = User(name='ann')
db.session.add(u)
db.session.add(Post(title='hi', author=u))
db.session.commit()
print(User.query.filter_by(name='ann').first().posts)
u.name = 'bob'
db.session.commit()
print(db.session.execute(db.select(User.name)).all())
";

#[test]
fn sql_log_of_a_small_session() {
    let db = Database::open_in_memory().expect("db");
    let out = run(
        &[Source::new("script.py", SCRIPT)],
        &mut db.script_backend(),
        RunOptions::default(),
    );
    assert_eq!(out.error, None);
    let log: Vec<String> = out
        .sql_log
        .iter()
        .map(|s| {
            if s.params.is_empty() {
                s.sql.clone()
            } else {
                format!("{}\n{}", s.sql, s.params)
            }
        })
        .collect();
    insta::assert_snapshot!(format!("{}\n--- stdout\n{}", log.join("\n"), out.stdout));
    assert_eq!(out.tables.len(), 2);
    assert_eq!(out.tables[0].columns, vec!["id", "title", "user_id"]);
    assert_eq!(out.tables[1].rows, vec![vec!["'bob'".to_string()]]);
}

#[test]
fn diagnostics_of_a_broken_script() {
    let db = Database::open_in_memory().expect("db");
    let out = run(
        &[Source::new("script.py", "x = [1, 2\nif x\n    print(x)\n")],
        &mut db.script_backend(),
        RunOptions::default(),
    );
    let d: Vec<String> = out
        .diagnostics
        .iter()
        .map(|(i, d)| format!("{i} {}..{} {}", d.span.start, d.span.end, d.message))
        .collect();
    insta::assert_snapshot!(d.join("\n"));
}

/// Flush INSERTs grouped as SQLAlchemy 2.0 emits them on SQLite (checked against the
/// real library's echo): one executemany when every primary key is given, RETURNING row
/// by row when keys or server defaults must come back, `lastrowid` for a lone row;
/// `None` skipped so defaults apply; JSON `None` stored as `'null'`.
#[test]
fn sql_log_of_grouped_inserts() {
    const GROUPED: &str = "class Item(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    n = db.Column(db.Integer, default=3)
    made = db.Column(db.String(20), server_default='x')
    data = db.Column(db.JSON)


db.create_all()
db.session.add_all([Item(id=i, name=f'a{i}', made='m') for i in range(1, 13)])
db.session.commit()
items = [Item(name=f'b{i}', n=None) for i in range(2)]
db.session.add_all(items)
db.session.flush()
print(items[1].id, items[1].n, items[1].made)
db.session.add(Item(id=50, name='c', made='m', data=None))
db.session.commit()
print(db.session.execute(db.text('select data from item where id = 50')).scalar())
";
    let db = Database::open_in_memory().expect("db");
    let out = run(
        &[Source::new("script.py", GROUPED)],
        &mut db.script_backend(),
        RunOptions::default(),
    );
    assert_eq!(out.error, None);
    let log: Vec<String> = out
        .sql_log
        .iter()
        .filter(|s| s.sql.starts_with("INSERT"))
        .map(|s| format!("{}\n{}", s.sql, s.params))
        .collect();
    insta::assert_snapshot!(format!("{}\n--- stdout\n{}", log.join("\n"), out.stdout));
}

/// Eager loading as SQLAlchemy 2.0 sends it (checked against the real library's echo,
/// `tools/echo_log.py`): `lazy='selectin'` (one `IN` SELECT after the query), a joined
/// many-to-one with LIMIT (no wrapping), a `subqueryload()` of a 2.0 `select()`; no lazy
/// load per row.
#[test]
fn sql_log_of_eager_loads() {
    const EAGER: &str = "class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(20))
    books = db.relationship('Book', backref='author', lazy='selectin')


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    author_id = db.Column(db.Integer, db.ForeignKey('author.id'))


db.create_all()
db.session.add_all([Author(name='ann'), Author(name='bob')])
db.session.commit()
db.session.add_all([Book(title='b1', author_id=1), Book(title='b2', author_id=1), Book(title='b3', author_id=2)])
db.session.commit()
print([(a.name, [b.title for b in a.books]) for a in Author.query.order_by(Author.id)])
db.session.close()
books = Book.query.options(db.joinedload(Book.author)).order_by(Book.id).limit(2).all()
print([(b.title, b.author.name) for b in books])
db.session.close()
print(db.session.scalars(db.select(Author).options(db.subqueryload(Author.books)).where(Author.id == 2)).one().books[0].title)
";
    let db = Database::open_in_memory().expect("db");
    let out = run(
        &[Source::new("script.py", EAGER)],
        &mut db.script_backend(),
        RunOptions::default(),
    );
    assert_eq!(out.error, None);
    let log: Vec<String> = out
        .sql_log
        .iter()
        .filter(|s| s.sql.starts_with("SELECT"))
        .map(|s| format!("{}\n{}", s.sql, s.params))
        .collect();
    insta::assert_snapshot!(format!("{}\n--- stdout\n{}", log.join("\n"), out.stdout));
}

#[test]
fn printed_tables_show_unloaded_columns_as_such() {
    let db = Database::open_in_memory().expect("db");
    let script = "class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(20))
    body = db.Column(db.Text)


db.create_all()
db.session.add(Note(title='a', body='long'))
db.session.commit()
print(Note.query.options(db.load_only(Note.title)).all())
print([Note(title='new')])
";
    let out = run(
        &[Source::new("script.py", script)],
        &mut db.script_backend(),
        RunOptions::default(),
    );
    assert_eq!(out.error, None);
    // A deferred column is not loaded (nor shown as None) for the table...
    assert_eq!(
        out.tables[0].rows,
        vec![vec!["1".to_string(), "'a'".into(), "<not loaded>".into()]]
    );
    // ...while a new object's unset columns are None, as Python reads them.
    assert_eq!(
        out.tables[1].rows,
        vec![vec!["None".to_string(), "'new'".into(), "None".into()]]
    );
}

/// A table read from the database (`autoload_with=`) is refused with a positioned
/// NotImplementedError, not made up with no columns.
#[test]
fn reflected_tables_are_refused_not_made_up() {
    let db = Database::open_in_memory().expect("db");
    let src = "db.session.execute(text('CREATE TABLE legacy (code VARCHAR(8) PRIMARY KEY)'))\n\
               t = db.Table('legacy', db.metadata, autoload_with=db.engine)\n\
               print([c.name for c in t.columns])\n";
    let out = run(
        &[Source::new("script.py", src)],
        &mut db.script_backend(),
        RunOptions::default(),
    );
    let e = out.error.expect("refused");
    assert_eq!((e.class.as_str(), e.line), ("NotImplementedError", 2));
    assert!(e.message.contains("autoload_with="), "{}", e.message);
}
