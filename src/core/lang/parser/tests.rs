//! Parser tests: the conformance corpus, AST snapshots and deep nesting.

use crate::core::diag::LineIndex;
use crate::core::lang::ast::*;
use crate::core::lang::parse;
use crate::core::lang::strip::stripped;
use crate::core::lang::unparse::unparse;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/conformance");

/// Every `.py` file of the conformance corpus, or `None` (with a note) when absent.
pub(crate) fn corpus_files() -> Option<Vec<(String, String)>> {
    let root = std::path::Path::new(CORPUS);
    if !root.is_dir() {
        println!("note: {CORPUS} not found, corpus test skipped");
        return None;
    }
    let mut files = Vec::new();
    let mut dirs = vec![root.join("scripts")];
    if let Ok(rd) = std::fs::read_dir(root.join("migrations")) {
        dirs.extend(rd.flatten().map(|e| e.path()).filter(|p| p.is_dir()));
    }
    for d in dirs {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.extension().is_some_and(|x| x == "py")
                && let Ok(text) = std::fs::read_to_string(&p)
            {
                files.push((p.display().to_string(), text));
            }
        }
    }
    files.sort();
    Some(files)
}

#[test]
fn corpus_parses_without_diagnostics() {
    let Some(files) = corpus_files() else { return };
    assert!(
        files.len() >= 36,
        "expected the whole corpus, found {}",
        files.len()
    );
    let mut failures = Vec::new();
    for (path, text) in &files {
        let parsed = parse(text);
        let idx = LineIndex::new(text);
        for d in &parsed.diagnostics {
            failures.push(format!("{path}:{}", d.render(&idx)));
        }
        assert!(!parsed.module.body.is_empty(), "{path}: empty module");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn corpus_round_trips_through_unparse() {
    let Some(files) = corpus_files() else { return };
    for (path, text) in &files {
        let first = parse(text);
        let source = unparse(&first.module);
        let second = parse(&source);
        let idx = LineIndex::new(&source);
        let diags: Vec<String> = second.diagnostics.iter().map(|d| d.render(&idx)).collect();
        assert!(
            diags.is_empty(),
            "{path}: unparsed text has errors {diags:?}\n{source}"
        );
        assert_eq!(
            stripped(&first.module),
            stripped(&second.module),
            "{path}:\n{source}"
        );
    }
}

/// The tree of `src` as pretty `Debug` text without its (erased) spans.
fn ast(src: &str) -> String {
    let p = parse(src);
    assert!(p.diagnostics.is_empty(), "{:?}", p.diagnostics);
    let text = format!("{:#?}", stripped(&p.module));
    let mut out = String::new();
    let mut skip = 0;
    for line in text.lines() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        if line.trim() == "span: Span {" {
            skip = 3;
            continue;
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[test]
fn snapshot_model_class() {
    insta::assert_snapshot!(ast("\
from typing import Optional
from sqlalchemy.orm import Mapped, mapped_column

class User(db.Model):
    \"\"\"A user.\"\"\"
    __tablename__ = 'users'
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[Optional[str]]

    @property
    def label(self) -> str:
        return f'{self.id!r:>4}'
"));
}

#[test]
fn snapshot_control_flow() {
    insta::assert_snapshot!(ast("\
if __name__ == '__main__':
    with app.app_context():
        db.create_all()
for k, v in d.items():
    if k in x and not v: continue
    elif k is not None: break
    else:
        pass
else:
    x = y = [1, *z]
try:
    a[1:2, ::-1] += 2 ** -3 ** 2
except (KeyError, ValueError) as e:
    raise RuntimeError('x') from e
except:
    raise
finally:
    del a[0], b.c
"));
}

#[test]
fn snapshot_expressions() {
    insta::assert_snapshot!(ast("\
f = lambda a, b=2, *c, d, **e: a if b else c
g = {k: v for k, v in pairs if v}, {x for x in y}, (x for x in y for z in x)
h = {**base, 'a': 1}, f(*args, key=1, **kw), not a < b <= c != d
i = 'a' 'b' f'{x=}', rb'\\d' b'', 0xFFFF_FFFF_FFFF_FFFF_FF, 1_000.5e3, ...
j = -x ** 2, a | b ^ c & d << 1 >> 2 + 3 - 4 * 5 / 6 // 7 % 8 @ m, ~a
"));
}

#[test]
fn spans_point_at_identifiers() {
    let src = "def f(a, *, key=1):\n    return obj.attr\n";
    let p = parse(src);
    let StmtKind::FunctionDef(f) = &p.module.body[0].kind else {
        panic!()
    };
    assert_eq!(&src[f.name.span.start..f.name.span.end], "f");
    assert_eq!(
        &src[f.params.kwonly[0].name.span.start..f.params.kwonly[0].name.span.end],
        "key"
    );
    assert_eq!(
        &src[f.params.kwonly[0].span.start..f.params.kwonly[0].span.end],
        "key=1"
    );
    let StmtKind::Return(Some(e)) = &f.body[0].kind else {
        panic!()
    };
    let ExprKind::Attribute { attr, .. } = &e.kind else {
        panic!()
    };
    assert_eq!(&src[attr.span.start..attr.span.end], "attr");
    assert_eq!(&src[e.span.start..e.span.end], "obj.attr");
    assert_eq!(
        &src[p.module.body[0].span.start..p.module.body[0].span.end],
        src.trim_end()
    );
}

#[test]
fn fstring_field_spans_are_absolute() {
    let src = "x = f'ab{name.upper()}'\n";
    let p = parse(src);
    let StmtKind::Assign { value, .. } = &p.module.body[0].kind else {
        panic!()
    };
    let ExprKind::FString(parts) = &value.kind else {
        panic!()
    };
    let FStringPart::Field(f) = &parts[1] else {
        panic!()
    };
    assert_eq!(&src[f.expr.span.start..f.expr.span.end], "name.upper()");
}

fn run_with_stack<F: FnOnce() + Send + 'static>(f: F) {
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(f)
        .expect("thread")
        .join()
        .expect("no overflow");
}

#[test]
fn deep_nesting_is_a_diagnostic_not_a_crash() {
    run_with_stack(|| {
        for open in ["(", "[", "{", "-", "not ", "lambda: ", "a if b else "] {
            let src = open.repeat(100_000);
            let p = parse(&src);
            assert!(!p.diagnostics.is_empty(), "{open}");
        }
        let chain = format!("x = a{}\n", ".b".repeat(100_000));
        assert_eq!(
            parse(&chain).diagnostics[0].message,
            "expression too deeply nested"
        );
        let sum = format!("x = a{}\n", " + b".repeat(100_000));
        assert_eq!(
            parse(&sum).diagnostics[0].message,
            "expression too deeply nested"
        );
        let pow = format!("x = a{}\n", " ** b".repeat(100_000));
        assert_eq!(
            parse(&pow).diagnostics[0].message,
            "expression too deeply nested"
        );
        let p = parse(&"(".repeat(100_000));
        assert_eq!(p.diagnostics[0].message, "too many nested parentheses");
        let p = parse(&"[".repeat(100_000));
        assert_eq!(p.diagnostics[0].message, "too many nested parentheses");
    });
}

#[test]
fn moderate_nesting_is_fine() {
    run_with_stack(|| {
        let depth: usize = std::env::var("ORMLAB_DEPTH")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(35);
        let src = format!("x = {}1{}\n", "(".repeat(depth), ")".repeat(depth));
        assert!(parse(&src).diagnostics.is_empty());
        let src = format!("x = {}1{}\n", "[".repeat(depth), "]".repeat(depth));
        let p = parse(&src);
        assert!(p.diagnostics.is_empty());
        if std::env::var("ORMLAB_PARSE_ONLY").is_ok() {
            return;
        }
        let again = parse(&unparse(&p.module));
        assert_eq!(stripped(&again.module), stripped(&p.module));
    });
}

#[test]
fn recovery_reports_errors_on_later_lines() {
    let p = parse("x = (1 +\ny = 2\nif x\n    pass\nz = = 3\nok = 1\n");
    let idx = LineIndex::new("x = (1 +\ny = 2\nif x\n    pass\nz = = 3\nok = 1\n");
    let lines: Vec<u32> = p
        .diagnostics
        .iter()
        .map(|d| idx.line_col(d.span.start).line)
        .collect();
    assert!(!lines.is_empty());
    let p = parse("a = 1 +\nb = f(\nc = 3\n");
    assert!(!p.diagnostics.is_empty());
    let src = "x = 1 +\ny = 2\nif x\n    pass\nz = = 3\nok = 1\n";
    let p = parse(src);
    let idx = LineIndex::new(src);
    let lines: Vec<u32> = p
        .diagnostics
        .iter()
        .map(|d| idx.line_col(d.span.start).line)
        .collect();
    assert_eq!(lines, vec![1, 3, 5]);
    assert!(
        p.module
            .body
            .iter()
            .any(|s| matches!(&s.kind, StmtKind::Assign { targets, .. }
        if matches!(&targets[0].kind, ExprKind::Name(n) if n == "ok")))
    );
}

#[test]
fn tutorial_paste_parses_cleanly() {
    let src = r#"
"""Flask-SQLAlchemy 3.x tutorial, SQLAlchemy 2.0 style."""
from __future__ import annotations
from typing import List, Optional
from flask import Flask, jsonify, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = \
    "sqlite:///project.db"
db.init_app(app)


class User(db.Model):
    __tablename__ = "user_account"
    __table_args__ = (UniqueConstraint("username", name="uq_username"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(30), unique=True)
    fullname: Mapped[Optional[str]]
    addresses: Mapped[List["Address"]] = relationship(
        back_populates="user", cascade="all, delete-orphan",
    )

    def __repr__(self) -> str:
        return f"User(id={self.id!r}, name={self.username!r}, full={self.fullname or '':>10})"

    def to_dict(self, *, with_addresses: bool = False, **extra) -> dict[str, object]:
        data = {"id": self.id, "username": self.username, **extra}
        if with_addresses:
            data["addresses"] = [a.email for a in self.addresses if a.email]
        return data


class Address(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str]
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id"))
    user: Mapped["User"] = relationship(back_populates="addresses")


@app.route("/users/<int:id>", methods=["GET", "POST"])
def user_detail(id):
    user = db.get_or_404(User, id)
    if request.method == "POST":
        user.username = request.form.get("username", user.username)
        db.session.commit()
    elif request.method == 'DELETE': db.session.delete(user); db.session.commit()
    return jsonify(user.to_dict()), 200


with app.app_context():
    db.create_all()
    for name, full in [("spongebob", "Spongebob Squarepants"), ("sandy", None)]:
        db.session.add(User(username=name, fullname=full))
    db.session.commit()
    users = db.session.execute(db.select(User).order_by(User.username)).scalars().all()
    print("%d users: %s" % (len(users), ", ".join(u.username for u in users)))
    print(f"{users[0].username:<10}|{len(users):>3d}|{3.14159:.2f}|{'x'!r}")
    total = sum(len(u.addresses) for u in users) or 0
    odd = [u for i, u in enumerate(users) if i % 2 == 1]
    lookup = {u.id: u for u in users}
    first, *rest = users
    squares = {n ** 2 for n in range(10) if n & 1}
    label = "many" if len(users) > 1 else "one"
    print(lookup.get(1), first, rest, squares, label, odd[::-1], total)

if __name__ == '__main__':
    app.run(debug=True)
"#;
    let p = parse(src);
    let idx = LineIndex::new(src);
    let diags: Vec<String> = p.diagnostics.iter().map(|d| d.render(&idx)).collect();
    assert!(diags.is_empty(), "{diags:?}");
    let again = parse(&unparse(&p.module));
    assert!(again.diagnostics.is_empty());
    assert_eq!(stripped(&again.module), stripped(&p.module));
}
