use super::*;
use crate::core::sql::expr::{and, func, not, or};

fn sel(where_: Expr) -> String {
    let s = Select::new(vec![Expr::col("user", "id")])
        .from(FromItem::table("user"))
        .filter(where_);
    render(&s.into()).sql
}

fn where_of(e: Expr) -> String {
    let sql = sel(e);
    sql.split(" \nWHERE ")
        .nth(1)
        .unwrap_or_default()
        .to_string()
}

// Expected strings below are copied from testdata/expected_sql.txt (real SQLAlchemy output).
#[test]
fn where_forms() {
    let age = || Expr::col("user", "age");
    let name = || Expr::col("user", "username");
    assert_eq!(
        where_of(or(vec![
            and(vec![age().gt(Expr::bind(1)), age().lt(Expr::bind(5))]),
            name().eq(Expr::bind("x"))
        ])),
        "user.age > ? AND user.age < ? OR user.username = ?"
    );
    assert_eq!(
        where_of(and(vec![
            or(vec![age().gt(Expr::bind(1)), age().lt(Expr::bind(5))]),
            name().eq(Expr::bind("x"))
        ])),
        "(user.age > ? OR user.age < ?) AND user.username = ?"
    );
    assert_eq!(
        where_of(not(or(vec![
            age().lt(Expr::bind(1)),
            age().gt(Expr::bind(5))
        ]))),
        "NOT (user.age < ? OR user.age > ?)"
    );
    assert_eq!(where_of(not(age().eq(Expr::bind(3)))), "user.age != ?");
    assert_eq!(
        where_of(name().startswith(Expr::bind("a"))),
        "(user.username LIKE ? || '%')"
    );
    assert_eq!(
        where_of(name().not_in(vec![Expr::bind(1), Expr::bind(2)])),
        "(user.username NOT IN (?, ?))"
    );
    assert_eq!(
        where_of(name().in_(vec![])),
        "user.username IN (SELECT 1 FROM (SELECT 1) WHERE 1!=1)"
    );
    assert_eq!(
        where_of(age().between(Expr::bind(10), Expr::bind(20))),
        "user.age BETWEEN ? AND ?"
    );
    assert_eq!(
        where_of(name().concat(Expr::bind("!")).eq(Expr::bind("ann!"))),
        "(user.username || ?) = ?"
    );
    assert_eq!(
        where_of((age() - (Expr::col("user", "id") - Expr::bind(1))).eq(Expr::bind(0))),
        "user.age - (user.id - ?) = ?"
    );
    assert_eq!(
        where_of(age().div(Expr::bind(2), true).eq(Expr::bind(1))),
        "user.age / (? + 0.0) = ?"
    );
    assert_eq!(
        where_of(name().ilike(Expr::bind("A%"))),
        "lower(user.username) LIKE lower(?)"
    );
    assert_eq!(
        where_of(func("lower", vec![name()]).eq(Expr::bind("ann"))),
        "lower(user.username) = ?"
    );
}

/// Expected from `select(t.c.a).where(exists().where(t.c.a > 1), t.c.a < 2)` and
/// `and_(~t.c.b, t.c.a > 1)` compiled with the real SQLite dialect.
#[test]
fn exists_grouped_in_and() {
    let a = || Expr::col("t", "a");
    let inner = Select {
        columns: vec![Expr::Star],
        from: vec![FromItem::table("t")],
        where_: vec![a().gt(Expr::bind(1))],
        ..Default::default()
    };
    let s = Select::new(vec![a()])
        .label_style(LabelStyle::DisambiguateOnly)
        .from(FromItem::table("t"))
        .filter(crate::core::sql::expr::exists(inner))
        .filter(a().lt(Expr::bind(2)));
    assert_eq!(
        render(&s.into()).sql,
        "SELECT t.a \nFROM t \nWHERE (EXISTS (SELECT * \nFROM t \nWHERE t.a > ?)) AND t.a < ?"
    );
    let w = and(vec![
        Expr::col("t", "b").eq(Expr::false_()),
        a().gt(Expr::bind(1)),
    ]);
    let s = Select::new(vec![a()])
        .label_style(LabelStyle::DisambiguateOnly)
        .from(FromItem::table("t"))
        .filter(w);
    assert!(render(&s.into()).sql.ends_with("WHERE t.b = 0 AND t.a > ?"));
}

#[test]
fn update_delete() {
    let u = Update {
        table: "player".into(),
        ..Default::default()
    }
    .set("level", Expr::bind(9))
    .set("score", Expr::col("player", "score") + Expr::bind(5));
    let mut u = u;
    u.where_
        .push(Expr::col("player", "score").lt(Expr::bind(30)));
    let r = render(&u.into());
    assert_eq!(
        r.sql,
        "UPDATE player SET level=?, score=(player.score + ?) WHERE player.score < ?"
    );
    assert_eq!(r.params_repr(), "(9, 5, 30)");
    let d = Delete {
        table: "player".into(),
        ..Default::default()
    };
    assert_eq!(render(&d.into()).sql, "DELETE FROM player");
    // (Criteria on another table: `UPDATE ... FROM`.)
    let mut u = Update {
        table: "book".into(),
        from: vec!["author".into()],
        ..Default::default()
    }
    .set("title", Expr::bind("t"));
    u.where_
        .push(Expr::col("book", "author_id").eq(Expr::col("author", "id")));
    assert_eq!(
        render(&u.into()).sql,
        "UPDATE book SET title=? FROM author WHERE book.author_id = author.id"
    );
}

// Expected strings: the real SQLAlchemy's (tests/oracle/collate_custom_op.py).
#[test]
fn collate_and_custom_operators() {
    let name = || Expr::col("player", "name");
    let score = || Expr::col("player", "score");
    assert_eq!(
        where_of(name().collate("NOCASE").eq(Expr::bind("a"))),
        "(player.name COLLATE \"NOCASE\") = ?"
    );
    assert_eq!(
        render_expr_generic(&name().collate("nocase")),
        "player.name COLLATE nocase"
    );
    assert_eq!(
        where_of(name().custom_op("GLOB", 0, Expr::bind("[a-c]*"))),
        "player.name GLOB ?"
    );
    let sum = score().custom_op("+", 0, Expr::bind(2));
    assert_eq!(
        render_expr(&Expr::binary(sum, Op::Mul, Expr::bind(3))).sql,
        "(player.score + ?) * ?"
    );
    let mul = score().custom_op("*", 8, Expr::bind(2));
    assert_eq!(
        render_expr(&Expr::binary(mul, Op::Add, Expr::bind(1))).sql,
        "player.score * ? + ?"
    );
}

// Expected strings: the real SQLAlchemy's (tests/oracle/sqlite_upsert_*.echo).
#[test]
fn upsert_clauses() {
    let ins = |on_conflict| Insert {
        table: "tag".into(),
        columns: vec!["name".into(), "uses".into()],
        rows: vec![vec![Expr::bind("py"), Expr::bind(0)]],
        returning: vec![],
        prefixes: vec![],
        on_conflict: Some(on_conflict),
    };
    let r = render(&ins(OnConflict::default()).into());
    assert_eq!(
        r.sql,
        "INSERT INTO tag (name, uses) VALUES (?, ?) ON CONFLICT DO NOTHING"
    );
    let update = OnConflict {
        target: vec!["name".into()],
        set: Some(vec![(
            "uses".into(),
            Expr::col("excluded", "uses") + Expr::col("tag", "uses"),
        )]),
        where_: Some(Expr::col("tag", "uses").lt(Expr::bind(2))),
        ..Default::default()
    };
    let r = render(&ins(update).into());
    assert_eq!(
        r.sql,
        "INSERT INTO tag (name, uses) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET uses = (excluded.uses + tag.uses) WHERE tag.uses < ?"
    );
    assert_eq!(r.params_repr(), "('py', 0, 2)");
    let partial = OnConflict {
        target: vec!["key".into()],
        target_where: Some(Expr::col("tag", "uses").gt(Expr::bind(1))),
        ..Default::default()
    };
    assert_eq!(
        render_on_conflict(&partial, false).0,
        "ON CONFLICT (\"key\") WHERE uses > 1 DO NOTHING"
    );
}
