//! Eager-loading statements against what real SQLAlchemy 2.0 sent for the same Python code
//! (captured with `tools/echo_log.py`; the Python is in each test's comment). The models:
//!
//! ```python
//! post_tags = db.Table('post_tags', db.Column('post_id', db.Integer, db.ForeignKey('post.id'), primary_key=True),
//!                      db.Column('tag_id', db.Integer, db.ForeignKey('tag.id'), primary_key=True))
//! class User(db.Model):
//!     id = db.Column(db.Integer, primary_key=True)
//!     name = db.Column(db.String(20))
//!     posts = db.relationship('Post', backref='author', order_by='Post.title')
//! class Post(db.Model):
//!     id = db.Column(db.Integer, primary_key=True)
//!     title = db.Column(db.String(50))
//!     user_id = db.Column(db.Integer, db.ForeignKey('user.id'))
//!     tags = db.relationship('Tag', secondary=post_tags, backref='posts')
//! class Tag(db.Model):
//!     id = db.Column(db.Integer, primary_key=True)
//!     name = db.Column(db.String(20))
//! ```

use crate::core::orm::mapper::{Lazy, Mapper, Registry, Relationship};
use crate::core::orm::query::{Entity, Query};
use crate::core::orm::testutil::{models, table};
use crate::core::sql::render::render_generic;
use crate::core::sql::{Expr, SqlValue, Statement, render};

use super::*;

fn reg() -> Registry {
    let mut md = models(&[
        "User id:int:pk name:str20",
        "Post id:int:pk title:str50 user_id:int:fk=user.id",
        "Tag id:int:pk name:str20",
    ]);
    md.add(table(
        "post_tags",
        "post_id:int:fk=post.id:pk tag_id:int:fk=tag.id:pk",
    ));
    let mut r = Registry::new(md);
    let mut posts = Relationship::new("posts", "Post").backref("author");
    posts.order_by = vec![Expr::col("post", "title")];
    r.add(Mapper::new("User", "user").relationship(posts));
    r.add(
        Mapper::new("Post", "post").relationship(
            Relationship::new("tags", "Tag")
                .secondary("post_tags")
                .backref("posts"),
        ),
    );
    r.add(Mapper::new("Tag", "tag"));
    r.finalize();
    r
}

fn opt(path: &[(&str, &str)], strategy: Lazy) -> LoaderOption {
    LoaderOption {
        path: path.iter().map(|(c, r)| PathStep::new(c, r)).collect(),
        wildcard: false,
        strategy: Some(strategy),
        innerjoin: None,
    }
}

fn with(mut q: Query, options: Vec<LoaderOption>) -> Query {
    q.options = options;
    q
}

fn load(r: &Registry, q: &Query) -> LoadStatement {
    let plans = plan_roots(r, q, &[], &q.options).expect("plan");
    compile_loading(r, q, plans).expect("compile")
}

fn sql(r: &Registry, q: &Query) -> String {
    render(&Statement::Select(load(r, q).select)).sql
}

fn plan_of(
    r: &Registry,
    class: &str,
    path: &[(&str, &str)],
    options: &[LoaderOption],
) -> EntityPlan {
    let path = path.iter().map(|(c, r)| PathStep::new(c, r)).collect();
    plan_entity(r, options, class, path, &[class.to_string()]).expect("plan")
}

/// `User.query.options(joinedload(User.posts)).first()`
#[test]
fn joined_collection_with_limit_wraps_the_query() {
    let r = reg();
    let q = with(
        Query::of("User").limit(1),
        vec![opt(&[("User", "posts")], Lazy::Joined)],
    );
    let s = load(&r, &q);
    assert!(s.multi_row);
    let out = render(&Statement::Select(s.select));
    assert_eq!(
        out.sql,
        "SELECT anon_1.user_id AS anon_1_user_id, anon_1.user_name AS anon_1_user_name, post_1.id AS post_1_id, post_1.title AS post_1_title, post_1.user_id AS post_1_user_id \nFROM (SELECT user.id AS user_id, user.name AS user_name \nFROM user\n LIMIT ? OFFSET ?) AS anon_1 LEFT OUTER JOIN post AS post_1 ON anon_1.user_id = post_1.user_id ORDER BY post_1.title"
    );
    assert_eq!(out.params, vec![SqlValue::Integer(1), SqlValue::Integer(0)]);
    let RootLayout::Entity(p) = &s.roots[0] else {
        panic!("entity")
    };
    assert_eq!(p.cols, vec![0, 1]);
    assert_eq!(p.joined[0].entity.cols, vec![2, 3, 4]);
}

/// `User.query.options(joinedload(User.posts).joinedload(Post.tags)).filter(User.name != 'zz').order_by(User.name.desc())`
#[test]
fn nested_joined_many_to_many() {
    let r = reg();
    let q = with(
        Query::of("User")
            .filter(Expr::col("user", "name").ne(Expr::bind("zz")))
            .order_by(vec![Expr::col("user", "name").desc()]),
        vec![
            opt(&[("User", "posts")], Lazy::Joined),
            opt(&[("User", "posts"), ("Post", "tags")], Lazy::Joined),
        ],
    );
    assert_eq!(
        sql(&r, &q),
        "SELECT user.id AS user_id, user.name AS user_name, tag_1.id AS tag_1_id, tag_1.name AS tag_1_name, post_1.id AS post_1_id, post_1.title AS post_1_title, post_1.user_id AS post_1_user_id \nFROM user LEFT OUTER JOIN post AS post_1 ON user.id = post_1.user_id LEFT OUTER JOIN (post_tags AS post_tags_1 JOIN tag AS tag_1 ON tag_1.id = post_tags_1.tag_id) ON post_1.id = post_tags_1.post_id \nWHERE user.name != ? ORDER BY user.name DESC, post_1.title"
    );
}

/// `User.query.options(joinedload(User.posts).joinedload(Post.tags), joinedload(User.posts).joinedload(Post.author))`:
/// a class's own relationships' columns before its columns, backrefs' after.
#[test]
fn joined_backref_columns_follow_the_parent_columns() {
    let r = reg();
    let q = with(
        Query::of("User"),
        vec![
            opt(&[("User", "posts")], Lazy::Joined),
            opt(&[("User", "posts"), ("Post", "tags")], Lazy::Joined),
            opt(&[("User", "posts")], Lazy::Joined),
            opt(&[("User", "posts"), ("Post", "author")], Lazy::Joined),
        ],
    );
    assert_eq!(
        sql(&r, &q),
        "SELECT user.id AS user_id, user.name AS user_name, tag_1.id AS tag_1_id, tag_1.name AS tag_1_name, post_1.id AS post_1_id, post_1.title AS post_1_title, post_1.user_id AS post_1_user_id, user_1.id AS user_1_id, user_1.name AS user_1_name \nFROM user LEFT OUTER JOIN post AS post_1 ON user.id = post_1.user_id LEFT OUTER JOIN (post_tags AS post_tags_1 JOIN tag AS tag_1 ON tag_1.id = post_tags_1.tag_id) ON post_1.id = post_tags_1.post_id LEFT OUTER JOIN user AS user_1 ON user_1.id = post_1.user_id ORDER BY post_1.title"
    );
}

/// `db.session.query(User, Tag).options(joinedload(User.posts), joinedload(Tag.posts))`
#[test]
fn joined_loads_of_two_entities() {
    let r = reg();
    let q = with(
        Query::legacy(vec![
            Entity::Class("User".into()),
            Entity::Class("Tag".into()),
        ]),
        vec![
            opt(&[("User", "posts")], Lazy::Joined),
            opt(&[("Tag", "posts")], Lazy::Joined),
        ],
    );
    assert_eq!(
        sql(&r, &q),
        "SELECT user.id AS user_id, user.name AS user_name, tag.id AS tag_id, tag.name AS tag_name, post_1.id AS post_1_id, post_1.title AS post_1_title, post_1.user_id AS post_1_user_id, post_2.id AS post_2_id, post_2.title AS post_2_title, post_2.user_id AS post_2_user_id \nFROM user LEFT OUTER JOIN post AS post_1 ON user.id = post_1.user_id, tag LEFT OUTER JOIN (post_tags AS post_tags_1 JOIN post AS post_2 ON post_2.id = post_tags_1.post_id) ON tag.id = post_tags_1.tag_id ORDER BY post_1.title"
    );
}

/// `Post.query.options(joinedload(Post.author)).order_by(Post.id).limit(2)`: a scalar join
/// does not wrap.
#[test]
fn joined_many_to_one_keeps_the_limit_in_place() {
    let r = reg();
    let q = with(
        Query::of("Post")
            .order_by(vec![Expr::col("post", "id")])
            .limit(2),
        vec![opt(&[("Post", "author")], Lazy::Joined)],
    );
    let s = load(&r, &q);
    assert!(!s.multi_row);
    assert_eq!(
        render(&Statement::Select(s.select)).sql,
        "SELECT post.id AS post_id, post.title AS post_title, post.user_id AS post_user_id, user_1.id AS user_1_id, user_1.name AS user_1_name \nFROM post LEFT OUTER JOIN user AS user_1 ON user_1.id = post.user_id ORDER BY post.id\n LIMIT ? OFFSET ?"
    );
}

/// `str(select(User).options(joinedload(User.posts)).limit(3))` and
/// `str(select(User).options(joinedload(User.posts)).where(User.id == 5).order_by(User.name))`
/// (default dialect; the relationship without `order_by` here).
#[test]
fn joined_select_printed_with_the_default_dialect() {
    let mut r = reg();
    if let Some(m) = r.mappers.iter_mut().find(|m| m.class_name == "User") {
        m.relationships[0].order_by.clear();
    }
    let joined = vec![opt(&[("User", "posts")], Lazy::Joined)];
    let q = with(
        Query::select(vec![Entity::Class("User".into())]).limit(3),
        joined.clone(),
    );
    assert_eq!(
        render_generic(&load(&r, &q).select).unwrap(),
        "SELECT anon_1.id, anon_1.name, post_1.id AS id_1, post_1.title, post_1.user_id \nFROM (SELECT \"user\".id AS id, \"user\".name AS name \nFROM \"user\"\n LIMIT :param_1) AS anon_1 LEFT OUTER JOIN post AS post_1 ON anon_1.id = post_1.user_id"
    );
    let q = with(
        Query::select(vec![Entity::Class("User".into())])
            .filter(Expr::col("user", "id").eq(Expr::bind(5)))
            .order_by(vec![Expr::col("user", "name")]),
        joined,
    );
    assert_eq!(
        render_generic(&load(&r, &q).select).unwrap(),
        "SELECT \"user\".id, \"user\".name, post_1.id AS id_1, post_1.title, post_1.user_id \nFROM \"user\" LEFT OUTER JOIN post AS post_1 ON \"user\".id = post_1.user_id \nWHERE \"user\".id = :id_2 ORDER BY \"user\".name"
    );
}

/// Default (`lazy='joined'`) loads stop where the target is already an entity of the path:
/// `Post.author` joined from `User.posts` would lead back to `User`.
#[test]
fn default_joined_loads_stop_at_cycles() {
    let mut r = reg();
    for m in r.mappers.iter_mut() {
        for rel in m.relationships.iter_mut() {
            rel.lazy = Lazy::Joined;
        }
    }
    let p = plan_of(&r, "User", &[], &[]);
    assert_eq!(p.joined.len(), 1);
    let posts = &p.joined[0].entity;
    // Post.tags (to Tag) is joined; Post.author (back to User) is not.
    assert_eq!(
        posts
            .joined
            .iter()
            .map(|j| j.rel.as_str())
            .collect::<Vec<_>>(),
        vec!["tags"]
    );
    // Tag.posts leads back to Post: not joined.
    assert!(posts.joined[0].entity.joined.is_empty());
}

/// `User.query.options(selectinload(User.posts))`: `post.user_id` first, ORDER BY the
/// relationship's `order_by`.
#[test]
fn selectin_one_to_many() {
    let r = reg();
    let keys = [1, 2, 3].map(SqlValue::Integer);
    let s = selectin_statement(
        &r,
        "User",
        "posts",
        &keys,
        plan_of(&r, "Post", &[("User", "posts")], &[]),
    )
    .expect("stmt");
    assert_eq!(
        render(&Statement::Select(s.select)).sql,
        "SELECT post.user_id AS post_user_id, post.id AS post_id, post.title AS post_title \nFROM post \nWHERE post.user_id IN (?, ?, ?) ORDER BY post.title"
    );
    assert_eq!(s.target.cols, vec![1, 2, 0]);
    assert_eq!(s.parent_cols, vec!["id"]);
}

/// `Post.query.options(selectinload(Post.author))`: the targets by primary key.
#[test]
fn selectin_many_to_one() {
    let r = reg();
    let keys = [1, 2].map(SqlValue::Integer);
    let s = selectin_statement(
        &r,
        "Post",
        "author",
        &keys,
        plan_of(&r, "User", &[("Post", "author")], &[]),
    )
    .expect("stmt");
    assert!(s.by_target_key);
    assert_eq!(
        render(&Statement::Select(s.select)).sql,
        "SELECT user.id AS user_id, user.name AS user_name \nFROM user \nWHERE user.id IN (?, ?)"
    );
    assert_eq!(s.parent_cols, vec!["user_id"]);
}

/// `selectinload(User.posts).selectinload(Post.tags)` (second SELECT) and
/// `Tag.query.options(selectinload(Tag.posts))`: through an alias of the parent.
#[test]
fn selectin_many_to_many() {
    let r = reg();
    let keys = [2, 1, 3].map(SqlValue::Integer);
    let s = selectin_statement(
        &r,
        "Post",
        "tags",
        &keys,
        plan_of(&r, "Tag", &[("Post", "tags")], &[]),
    )
    .expect("stmt");
    assert_eq!(
        render(&Statement::Select(s.select)).sql,
        "SELECT post_1.id AS post_1_id, tag.id AS tag_id, tag.name AS tag_name \nFROM post AS post_1 JOIN post_tags AS post_tags_1 ON post_1.id = post_tags_1.post_id JOIN tag ON tag.id = post_tags_1.tag_id \nWHERE post_1.id IN (?, ?, ?)"
    );
    let keys = [1, 2].map(SqlValue::Integer);
    let s = selectin_statement(
        &r,
        "Tag",
        "posts",
        &keys,
        plan_of(&r, "Post", &[("Tag", "posts")], &[]),
    )
    .expect("stmt");
    assert_eq!(
        render(&Statement::Select(s.select)).sql,
        "SELECT tag_1.id AS tag_1_id, post.id AS post_id, post.title AS post_title, post.user_id AS post_user_id \nFROM tag AS tag_1 JOIN post_tags AS post_tags_1 ON tag_1.id = post_tags_1.tag_id JOIN post ON post.id = post_tags_1.post_id \nWHERE tag_1.id IN (?, ?)"
    );
}

/// `User.query.options(subqueryload(User.posts).subqueryload(Post.tags)).filter(User.id < 3).order_by(User.id)`
/// (both subquery SELECTs) and `.order_by(User.id).limit(2)` (ORDER BY kept with the limit).
#[test]
fn subquery_loads() {
    let r = reg();
    let origin = Query::of("User")
        .filter(Expr::col("user", "id").lt(Expr::bind(3)))
        .order_by(vec![Expr::col("user", "id")]);
    let path1 = [PathStep::new("User", "posts")];
    let s = subquery_statement(
        &r,
        &origin,
        &path1,
        plan_of(&r, "Post", &[("User", "posts")], &[]),
    )
    .expect("stmt");
    assert_eq!(
        render(&Statement::Select(s.select)).sql,
        "SELECT post.id AS post_id, post.title AS post_title, post.user_id AS post_user_id, anon_1.user_id AS anon_1_user_id \nFROM (SELECT user.id AS user_id \nFROM user \nWHERE user.id < ?) AS anon_1 JOIN post ON anon_1.user_id = post.user_id ORDER BY post.title"
    );
    assert_eq!(s.key_cols, vec![3]);
    let path2 = [
        PathStep::new("User", "posts"),
        PathStep::new("Post", "tags"),
    ];
    let s = subquery_statement(
        &r,
        &origin,
        &path2,
        plan_of(&r, "Tag", &[("User", "posts"), ("Post", "tags")], &[]),
    )
    .expect("stmt");
    assert_eq!(
        render(&Statement::Select(s.select)).sql,
        "SELECT tag.id AS tag_id, tag.name AS tag_name, post_1.id AS post_1_id \nFROM (SELECT user.id AS user_id \nFROM user \nWHERE user.id < ?) AS anon_1 JOIN post AS post_1 ON anon_1.user_id = post_1.user_id JOIN post_tags AS post_tags_1 ON post_1.id = post_tags_1.post_id JOIN tag ON tag.id = post_tags_1.tag_id"
    );
    let limited = Query::of("User")
        .order_by(vec![Expr::col("user", "id")])
        .limit(2);
    let s = subquery_statement(
        &r,
        &limited,
        &path1,
        plan_of(&r, "Post", &[("User", "posts")], &[]),
    )
    .expect("stmt");
    let out = render(&Statement::Select(s.select));
    assert_eq!(
        out.sql,
        "SELECT post.id AS post_id, post.title AS post_title, post.user_id AS post_user_id, anon_1.user_id AS anon_1_user_id \nFROM (SELECT user.id AS user_id \nFROM user ORDER BY user.id\n LIMIT ? OFFSET ?) AS anon_1 JOIN post ON anon_1.user_id = post.user_id ORDER BY post.title"
    );
    assert_eq!(out.params, vec![SqlValue::Integer(2), SqlValue::Integer(0)]);
}

/// `Post.query.options(subqueryload(Post.author)).order_by(Post.id)`: DISTINCT foreign keys.
#[test]
fn subquery_many_to_one() {
    let r = reg();
    let origin = Query::of("Post").order_by(vec![Expr::col("post", "id")]);
    let s = subquery_statement(
        &r,
        &origin,
        &[PathStep::new("Post", "author")],
        plan_of(&r, "User", &[("Post", "author")], &[]),
    )
    .expect("stmt");
    assert_eq!(
        render(&Statement::Select(s.select)).sql,
        "SELECT user.id AS user_id, user.name AS user_name, anon_1.post_user_id AS anon_1_post_user_id \nFROM (SELECT DISTINCT post.user_id AS post_user_id \nFROM post) AS anon_1 JOIN user ON user.id = anon_1.post_user_id"
    );
    assert_eq!(s.parent_cols, vec!["user_id"]);
}

/// Options: the exact path wins over a wildcard; the last option for a path wins.
#[test]
fn option_lookup() {
    let star = LoaderOption {
        path: vec![],
        wildcard: true,
        strategy: Some(Lazy::Raise),
        innerjoin: None,
    };
    let opts = vec![
        star,
        opt(&[("User", "posts")], Lazy::Joined),
        opt(&[("User", "posts")], Lazy::Selectin),
    ];
    assert_eq!(
        option_for(&opts, &[PathStep::new("User", "posts")]),
        Some(Lazy::Selectin)
    );
    assert_eq!(
        option_for(&opts, &[PathStep::new("User", "other")]),
        Some(Lazy::Raise)
    );
    assert_eq!(
        option_for(
            &opts,
            &[
                PathStep::new("User", "posts"),
                PathStep::new("Post", "tags")
            ]
        ),
        None
    );
}

/// `User.query.options(joinedload(Post.tags)).all()` raises like SQLAlchemy.
#[test]
fn options_must_start_at_a_root_entity() {
    let r = reg();
    let q = with(
        Query::of("User"),
        vec![opt(&[("Post", "tags")], Lazy::Joined)],
    );
    let err = plan_roots(&r, &q, &[], &q.options).expect_err("not a root");
    assert_eq!(
        err.to_string(),
        "Mapped class Mapper[Post(post)] does not apply to any of the root entities in this query, e.g. Mapper[User(user)]. Please specify the full path from one of the root entities to the target attribute. "
    );
}

/// Conformance script 19 (`lazy='subquery'` many-to-many), statement captured with
/// `tools/capture_sql.py`.
#[test]
fn subquery_many_to_many_by_default() {
    let md = models(&[
        "T=tags tag_id:int:fk=tag.id:pk page_id:int:fk=page.id:pk",
        "Page id:int:pk title:str50",
        "Tag id:int:pk name:str30:uq",
    ]);
    let mut r = Registry::new(md);
    r.add(
        Mapper::new("Page", "page").relationship(
            Relationship::new("tags", "Tag")
                .secondary("tags")
                .lazy(Lazy::Subquery),
        ),
    );
    r.add(Mapper::new("Tag", "tag"));
    let origin = Query::of("Page").filter(Expr::col("page", "title").eq(Expr::bind("Home")));
    let p = plan_of(&r, "Page", &[], &[]);
    assert_eq!(p.post.len(), 1);
    let s = subquery_statement(
        &r,
        &origin,
        &p.post[0].path,
        plan_of(&r, "Tag", &[("Page", "tags")], &[]),
    )
    .expect("stmt");
    assert_eq!(
        render(&Statement::Select(s.select)).sql,
        "SELECT tag.id AS tag_id, tag.name AS tag_name, anon_1.page_id AS anon_1_page_id \nFROM (SELECT page.id AS page_id \nFROM page \nWHERE page.title = ?) AS anon_1 JOIN tags AS tags_1 ON anon_1.page_id = tags_1.page_id JOIN tag ON tag.id = tags_1.tag_id"
    );
}

/// Conformance script 18 (`lazy='joined'`): `Team.query.get(1)`-style and `Team.query.first()`.
#[test]
fn joined_by_default() {
    let md = models(&[
        "Team id:int:pk name:str30",
        "Coach id:int:pk name:str30 team_id:int:fk=team.id",
    ]);
    let mut r = Registry::new(md);
    r.add(
        Mapper::new("Team", "team")
            .relationship(Relationship::new("coaches", "Coach").lazy(Lazy::Joined)),
    );
    r.add(Mapper::new("Coach", "coach"));
    let q = Query::of("Team").filter(Expr::col("team", "id").eq(Expr::bind(1)));
    assert_eq!(
        sql(&r, &q),
        "SELECT team.id AS team_id, team.name AS team_name, coach_1.id AS coach_1_id, coach_1.name AS coach_1_name, coach_1.team_id AS coach_1_team_id \nFROM team LEFT OUTER JOIN coach AS coach_1 ON team.id = coach_1.team_id \nWHERE team.id = ?"
    );
    let q = Query::of("Team").limit(1);
    assert_eq!(
        sql(&r, &q),
        "SELECT anon_1.team_id AS anon_1_team_id, anon_1.team_name AS anon_1_team_name, coach_1.id AS coach_1_id, coach_1.name AS coach_1_name, coach_1.team_id AS coach_1_team_id \nFROM (SELECT team.id AS team_id, team.name AS team_name \nFROM team\n LIMIT ? OFFSET ?) AS anon_1 LEFT OUTER JOIN coach AS coach_1 ON anon_1.team_id = coach_1.team_id"
    );
}

/// `print(User.query.options(joinedload(User.posts)).filter(User.id == Tag.id))` and
/// `print(db.session.query(User, Tag).options(joinedload(User.posts)).filter(Tag.id == User.id))`:
/// the eager join follows the query's own FROM clauses, precedes WHERE-only tables.
#[test]
fn joined_from_order() {
    let r = reg();
    let j = vec![opt(&[("User", "posts")], Lazy::Joined)];
    let q = with(
        Query::of("User").filter(Expr::col("user", "id").eq(Expr::col("tag", "id"))),
        j.clone(),
    );
    assert_eq!(
        sql(&r, &q),
        "SELECT user.id AS user_id, user.name AS user_name, post_1.id AS post_1_id, post_1.title AS post_1_title, post_1.user_id AS post_1_user_id \nFROM user LEFT OUTER JOIN post AS post_1 ON user.id = post_1.user_id, tag \nWHERE user.id = tag.id ORDER BY post_1.title"
    );
    let q = with(
        Query::legacy(vec![
            Entity::Class("User".into()),
            Entity::Class("Tag".into()),
        ])
        .filter(Expr::col("tag", "id").eq(Expr::col("user", "id"))),
        j,
    );
    assert_eq!(
        sql(&r, &q),
        "SELECT user.id AS user_id, user.name AS user_name, tag.id AS tag_id, tag.name AS tag_name, post_1.id AS post_1_id, post_1.title AS post_1_title, post_1.user_id AS post_1_user_id \nFROM tag, user LEFT OUTER JOIN post AS post_1 ON user.id = post_1.user_id \nWHERE tag.id = user.id ORDER BY post_1.title"
    );
}

/// `Tag.posts` loaded lazily while `Post.tags` is `lazy='joined'`: the lazy load selects
/// from the target and the association table, the eager join goes after them.
#[test]
fn joined_in_a_many_to_many_lazy_load() {
    let mut r = reg();
    if let Some(m) = r.mappers.iter_mut().find(|m| m.class_name == "Post") {
        m.relationships[0].lazy = Lazy::Joined;
    }
    let q =
        crate::core::orm::relations::lazy_load_query(&r, "Tag", "posts", &|_| SqlValue::Integer(2))
            .expect("lazy");
    let plans = plan_roots(&r, &q, &[PathStep::new("Tag", "posts")], &[]).expect("plan");
    let s = compile_loading(&r, &q, plans).expect("compile");
    assert_eq!(
        render(&Statement::Select(s.select)).sql,
        "SELECT post.id AS post_id, post.title AS post_title, post.user_id AS post_user_id, tag_1.id AS tag_1_id, tag_1.name AS tag_1_name \nFROM post_tags, post LEFT OUTER JOIN (post_tags AS post_tags_1 JOIN tag AS tag_1 ON tag_1.id = post_tags_1.tag_id) ON post.id = post_tags_1.post_id \nWHERE ? = post_tags.tag_id AND post.id = post_tags.post_id"
    );
}
