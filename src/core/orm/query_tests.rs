//! Query compilation tests: each case is one line comparing against the statement real
//! SQLAlchemy sent for the same Python code (tools/sql_cases_queries.py, captured in
//! testdata/expected_sql.txt); the models are tools/sql_cases_models.py.

use super::*;
use crate::core::orm::mapper::{Lazy, Mapper, Relationship};
use crate::core::orm::persist::{delete_association, delete_row, insert_row, update_row};
use crate::core::orm::relations::{
    compare_many_to_one, exists_criterion, lazy_load_query, many_to_many_contains,
};
use crate::core::orm::schema::MetaData;
use crate::core::orm::testutil::{assert_stmt, model, table};
use crate::core::sql::expr::{and, case, count_star, func, not, or};
use crate::core::sql::{SqlType, Statement};

fn reg() -> Registry {
    let mut md = MetaData::new();
    md.add(table(
        "post_tags",
        "post_id:int:fk=post.id:pk tag_id:int:fk=tag.id:pk",
    ));
    model(
        &mut md,
        "User id:int:pk username:str80:uq:nn email:str120 age:int active:bool",
    );
    model(
        &mut md,
        "Post id:int:pk title:str100:nn body:text likes:int created:datetime user_id:int:fk=user.id",
    );
    model(&mut md, "Tag id:int:pk name:str30:uq");
    md.add(table(
        "group",
        "id:int:pk from:str10 userName:str20:ix order:int:uq:ix",
    ));
    md.add(table(
        "order",
        "id:int:pk group_id:int:fk=group.id amount:int code:str8 note:str",
    ));
    model(
        &mut md,
        "Enrollment student_id:int:pk course_id:int:pk grade:str2",
    );
    model(
        &mut md,
        "Node id:int:pk parent_id:int:fk=node.id name:str20",
    );
    let mut r = Registry::new(md);
    r.add(
        Mapper::new("User", "user")
            .relationship(Relationship::new("posts", "Post").backref("author")),
    );
    let mut tags = Relationship::new("tags", "Tag")
        .secondary("post_tags")
        .backref("posts");
    tags.backref_lazy = Lazy::Select;
    r.add(Mapper::new("Post", "post").relationship(tags));
    r.add(Mapper::new("Tag", "tag"));
    r.add(Mapper::new("Group", "group"));
    r.add(Mapper::new("Order", "order"));
    r.add(Mapper::new("Enrollment", "enrollment"));
    r.add(Mapper::new("Node", "node"));
    r.finalize();
    r
}

fn u(c: &str) -> Expr {
    Expr::col("user", c)
}
fn p(c: &str) -> Expr {
    Expr::col("post", c)
}
fn t(c: &str) -> Expr {
    Expr::col("tag", c)
}
fn b(v: impl Into<SqlValue>) -> Expr {
    Expr::bind(v)
}
fn q(class: &str) -> Query {
    Query::of(class)
}
fn cols(e: Vec<Expr>) -> Vec<Entity> {
    e.into_iter().map(Entity::Expr).collect()
}
fn users() -> Query {
    q("User")
}
fn one(name: &str) -> impl Fn(&str) -> SqlValue {
    let _ = name;
    |_: &str| SqlValue::Integer(1)
}
fn sel(case_name: &str, idx: isize, s: Result<Select, OrmError>) {
    assert_stmt(case_name, idx, &Statement::Select(s.expect("compiles")));
}
fn last(case_name: &str, s: Result<Select, OrmError>) {
    sel(case_name, -1, s)
}
fn compiled(case_name: &str, query: Query) {
    last(case_name, query.compile(&reg()))
}
fn rel(class: &str, name: &str) -> JoinTarget {
    JoinTarget::Relationship {
        class: class.into(),
        name: name.into(),
        parent_alias: None,
        target_alias: None,
    }
}
fn class(c: &str) -> JoinTarget {
    JoinTarget::Class(c.into())
}

#[test]
fn fixture_comparison_detects_mismatch() {
    let r = std::panic::catch_unwind(|| compiled("first", users()));
    assert!(r.is_err(), "`all` must not match the `first` case");
    let r = std::panic::catch_unwind(|| {
        compiled(
            "filter_by",
            users()
                .filter_by(&reg(), vec![("username", b("ann")), ("age", b(31))])
                .unwrap(),
        )
    });
    assert!(r.is_err(), "parameters are compared too");
    let r = std::panic::catch_unwind(|| {
        compiled(
            "filter_by",
            users()
                .filter_by(&reg(), vec![("age", b(30)), ("username", b("ann"))])
                .unwrap(),
        )
    });
    assert!(r.is_err(), "order of criteria matters");
}

#[rustfmt::skip]
mod basics {
    use super::*;

    #[test] fn get() { last("get", get_statement(&reg(), "User", vec![1.into()])); }
    #[test] fn query_get() { last("query_get", get_statement(&reg(), "User", vec![2.into()])); }
    #[test] fn get_composite() { last("get_composite", get_statement(&reg(), "Enrollment", vec![1.into(), 2.into()])); }
    #[test] fn all() { compiled("all", users()); }
    #[test] fn first() { last("first", users().first_statement(&reg())); }
    #[test] fn count() { last("count", users().count_statement(&reg())); }
    #[test] fn one_or_none() { compiled("one_or_none", users().filter_by(&reg(), vec![("username", b("zz"))]).unwrap()); }
    #[test] fn filter_by() { compiled("filter_by", users().filter_by(&reg(), vec![("username", b("ann")), ("age", b(30))]).unwrap()); }
    #[test] fn filter_eq_true() { compiled("filter_eq_true", users().filter(u("active").eq(Expr::raw("1")))); }
    #[test] fn filter_eq_false() { compiled("filter_eq_false", users().filter(u("active").eq(Expr::raw("0")))); }
    #[test] fn filter_by_true() { compiled("filter_by_true", users().filter_by(&reg(), vec![("active", Expr::raw("1"))]).unwrap()); }
    #[test] fn filter_not_bool() { compiled("filter_not_bool", users().filter(u("active").eq(Expr::raw("0")))); }
    #[test] fn filter_ops() { compiled("filter_ops", users().filter(u("age").ge(b(1))).filter(u("age").lt(b(2))).filter(u("age").ne(b(3))).filter(u("age").le(b(4))).filter(u("age").gt(b(5)))); }
    #[test] fn filter_like() { compiled("filter_like", users().filter(u("username").like(b("a%"))).filter(u("username").not_like(b("b%")))); }
    #[test] fn filter_ilike() { compiled("filter_ilike", users().filter(u("username").ilike(b("A%")))); }
    #[test] fn filter_startswith() { compiled("filter_startswith", users().filter(u("username").startswith(b("a")))); }
    #[test] fn filter_endswith_contains() { compiled("filter_endswith_contains", users().filter(u("username").endswith(b("a"))).filter(u("email").contains(b("x")))); }
    #[test] fn filter_in() { compiled("filter_in", users().filter(u("id").in_(vec![b(1), b(2), b(3)]))); }
    #[test] fn filter_notin() { compiled("filter_notin", users().filter(u("id").not_in(vec![b(1), b(2)]))); }
    #[test] fn filter_inv_in() { compiled("filter_inv_in", users().filter(not(u("id").in_(vec![b(1), b(2)])))); }
    #[test] fn filter_in_empty() { compiled("filter_in_empty", users().filter(u("id").in_(vec![]))); }
    #[test] fn filter_notin_empty() { compiled("filter_notin_empty", users().filter(u("id").not_in(vec![]))); }
    #[test] fn filter_is_null() { compiled("filter_is_null", users().filter(u("email").is_null()).filter(u("age").eq(Expr::Null)).filter(u("email").is_not_null()).filter(u("age").ne(Expr::Null))); }
    #[test] fn filter_between() { compiled("filter_between", users().filter(u("age").between(b(10), b(20)))); }
    #[test] fn filter_or() { compiled("filter_or", users().filter(or(vec![u("age").lt(b(10)), u("age").gt(b(20))]))); }
    #[test] fn filter_or_and() { compiled("filter_or_and", users().filter(or(vec![and(vec![u("age").gt(b(1)), u("age").lt(b(5))]), u("username").eq(b("x"))]))); }
    #[test] fn filter_and_or() { compiled("filter_and_or", users().filter(and(vec![or(vec![u("age").gt(b(1)), u("age").lt(b(5))]), u("username").eq(b("x"))]))); }
    #[test] fn filter_two_or() { compiled("filter_two_or", users().filter(or(vec![u("age").lt(b(1)), u("age").gt(b(5))])).filter(u("username").eq(b("x")))); }
    #[test] fn filter_not_or() { compiled("filter_not_or", users().filter(not(or(vec![u("age").lt(b(1)), u("age").gt(b(5))])))); }
    #[test] fn filter_not_eq() { compiled("filter_not_eq", users().filter(not(u("age").eq(b(3))))); }
    #[test] fn filter_not_and() { compiled("filter_not_and", users().filter(not(and(vec![u("age").eq(b(3)), u("username").eq(b("x"))])))); }
    #[test] fn filter_not_like() { compiled("filter_not_like", users().filter(not(u("username").like(b("x%"))))); }
    #[test] fn filter_func_lower() { compiled("filter_func_lower", users().filter(func("lower", vec![u("username")]).eq(b("ann")))); }
    #[test] fn filter_arith() { compiled("filter_arith", users()
        .filter((u("age") + b(1)).gt(b(10))).filter((u("age") * b(2) - b(1)).lt(b(5)))
        .filter((u("age") - (u("id") - b(1))).eq(b(0))).filter(u("age").div(b(2), true).eq(b(1))).filter(u("age").modulo(b(2)).eq(b(0)))); }
    #[test] fn filter_concat() { compiled("filter_concat", users().filter(u("username").concat(b("!")).eq(b("ann!")))); }
    #[test] fn order_limit() { compiled("order_limit", users().order_by(vec![u("age").desc(), u("id")]).limit(3).offset(0)); }
    #[test] fn order_asc_offset() { compiled("order_asc_offset", users().order_by(vec![u("username").asc()]).offset(2)); }
    #[test] fn limit_offset() { compiled("limit_offset", users().order_by(vec![u("id").desc()]).limit(2).offset(4)); }
    #[test] fn slice() { compiled("slice", users().order_by(vec![u("id")]).limit(2).offset(1)); }
    #[test] fn distinct_entities() { compiled("distinct_entities", users().with_entities(cols(vec![u("age")])).distinct().order_by(vec![u("age")])); }
    #[test] fn distinct_count() { last("distinct_count", users().with_entities(cols(vec![u("age")])).distinct().count_statement(&reg())); }
    #[test] fn session_query_cols() { compiled("session_query_cols", Query::legacy(cols(vec![u("username"), u("age")])).filter(u("age").gt(b(1)))); }
}

#[rustfmt::skip]
mod functions {
    use super::*;

    #[test] fn aggregates() { compiled("func_aggregates", Query::legacy(cols(vec![func("count", vec![u("id")]), func("sum", vec![u("age")]), func("avg", vec![u("age")]), func("min", vec![u("age")]), func("max", vec![u("age")]), count_star()]))); }
    #[test] fn two_counts() { compiled("func_two_counts", Query::legacy(cols(vec![func("count", vec![u("id")]), func("count", vec![u("email")])]))); }
    #[test] fn misc() { compiled("func_misc", Query::legacy(cols(vec![func("upper", vec![u("username")]), func("length", vec![u("username")]), func("coalesce", vec![u("age"), b(0)]), func("round", vec![func("avg", vec![u("age")]), b(2)]), func("abs", vec![u("age")]), func("total", vec![u("age")]), func("typeof", vec![u("age")])]))); }
    #[test] fn distinct() { compiled("func_distinct", Query::legacy(cols(vec![func("count", vec![u("age").distinct()]), func("count", vec![func("distinct", vec![u("age")])]), func("group_concat", vec![u("username").distinct()])]))); }
    #[test] fn strftime_label() {
        let m = func("strftime", vec![b("%Y"), p("created")]).label("year");
        compiled("func_strftime_label", Query::legacy(cols(vec![m.clone(), func("count", vec![p("id")])])).group_by(vec![m.clone()]).order_by(vec![m]));
    }
    #[test] fn date_now() { compiled("func_date_now", Query::legacy(cols(vec![func("date", vec![p("created")]), func("now", vec![]), func("current_timestamp", vec![])])).select_from("Post")); }
    #[test] fn group_having() { compiled("group_having", Query::legacy(cols(vec![u("age"), func("count", vec![u("id")]).label("n")])).group_by(vec![u("age")]).having(func("count", vec![u("id")]).gt(b(1))).order_by(vec![Expr::LabelRef("n".into()).desc()])); }
    #[test] fn label_desc() {
        let total = func("sum", vec![p("likes")]).label("total");
        compiled("label_desc", Query::legacy(cols(vec![p("user_id"), total.clone()])).group_by(vec![p("user_id")]).order_by(vec![total.desc()]));
    }
    #[test] fn scalar_sum() { compiled("scalar_sum", Query::legacy(cols(vec![func("sum", vec![u("age")])]))); }
    #[test] fn case_expr() { compiled("case_expr", Query::legacy(cols(vec![case(vec![(u("age").lt(b(18)), b("minor")), (u("age").lt(b(65)), b("adult"))], Some(b("senior")))])).select_from("User")); }
    #[test] fn case_label() { compiled("case_label", Query::legacy(cols(vec![u("username"), case(vec![(u("age").gt(b(30)), b(1))], Some(b(0))).label("old")]))); }
    #[test] fn cast_expr() { compiled("cast_expr", Query::legacy(cols(vec![u("age").cast(SqlType::String(None)), u("username").cast(SqlType::Integer)]))); }
    #[test] fn exists_query() { last("exists_query", users().filter(u("age").gt(b(50))).exists_statement(&reg())); }
    #[test] fn exists_select() {
        let inner = Select { columns: vec![Expr::Star], from: vec![FromItem::table("user")], where_: vec![u("age").gt(b(1))], ..Default::default() };
        compiled("exists_select", Query::legacy(cols(vec![crate::core::sql::expr::exists(inner)])));
    }
    #[test] fn scalar_subquery() {
        let sub = Query::legacy(cols(vec![func("max", vec![u("age")])])).scalar_subquery(&reg()).unwrap();
        compiled("scalar_subquery", users().filter(u("age").eq(sub)));
    }
    #[test] fn in_subquery() {
        let sub = Query::legacy(cols(vec![p("user_id")])).filter(p("likes").gt(b(1))).compile(&reg()).unwrap();
        let mut sub = sub;
        sub.label_style = LabelStyle::DisambiguateOnly;
        compiled("in_subquery", users().filter(u("id").in_select(sub)));
    }
    #[test] fn subquery_join() {
        let (sub, alias) = Query::legacy(cols(vec![p("user_id"), func("count", vec![p("id")]).label("cnt")])).group_by(vec![p("user_id")]).subquery(&reg()).unwrap();
        let on = u("id").eq(Expr::col_of(&alias, "user_id"));
        compiled("subquery_join", Query::legacy(cols(vec![u("username"), Expr::col_of(&alias, "cnt")])).join(JoinTarget::Subquery { select: Box::new(sub), alias, cte: None }, Some(on)));
    }
}

#[rustfmt::skip]
mod joins {
    use super::*;

    #[test] fn join_fk() { compiled("join_fk", q("Post").join(class("User"), None).filter(u("username").eq(b("ann")))); }
    #[test] fn join_rel() { compiled("join_rel", q("Post").join(rel("Post", "author"), None).filter(u("age").gt(b(1))).order_by(vec![p("title")])); }
    #[test] fn join_reverse() { compiled("join_reverse", users().join(class("Post"), None).filter(p("likes").gt(b(1))).distinct()); }
    #[test] fn join_onclause() { compiled("join_onclause", Query::legacy(cols(vec![p("title"), u("username")])).join(class("User"), Some(p("user_id").eq(u("id"))))); }
    #[test] fn outerjoin_group() { compiled("outerjoin_group", Query::legacy(cols(vec![u("username"), func("count", vec![p("id")])])).outerjoin(class("Post"), None).group_by(vec![u("id")]).order_by(vec![u("username")])); }
    #[test] fn outerjoin_rel_null() { compiled("outerjoin_rel_null", users().outerjoin(rel("User", "posts"), None).filter(p("id").eq(Expr::Null))); }
    #[test] fn join_m2m() { compiled("join_m2m", q("Post").join(rel("Post", "tags"), None).filter(t("name").eq(b("t")))); }
    #[test] fn outerjoin_m2m() { compiled("outerjoin_m2m", Query::legacy(cols(vec![t("name"), func("count", vec![p("id")])])).outerjoin(rel("Tag", "posts"), None).group_by(vec![t("id")])); }
    #[test] fn select_from_join() { compiled("select_from_join", Query::legacy(cols(vec![u("username")])).select_from("Post").join(rel("Post", "author"), None).filter(p("id").eq(b(1)))); }
    #[test] fn join_count() { last("join_count", q("Post").join(class("User"), None).filter(u("age").gt(b(1))).count_statement(&reg())); }
    #[test] fn self_ref_join() {
        let parent = anon_alias("node");
        let on = Expr::col("node", "parent_id").eq(Expr::col_of(&parent, "id"));
        compiled("self_ref_join", Query::legacy(cols(vec![Expr::col("node", "name"), Expr::col_of(&parent, "name")])).join(JoinTarget::Alias { class: "Node".into(), alias: parent }, Some(on)));
    }
    #[test] fn reserved_names() {
        let g = |c: &str| Expr::col("group", c);
        compiled("reserved_names", q("Group").filter(g("from").eq(b("x"))).filter(g("userName").eq(b("y"))).filter(g("order").gt(b(1))).order_by(vec![g("order")]));
    }
    #[test] fn reserved_join() { compiled("reserved_join", q("Order").join(class("Group"), None).filter(Expr::col("group", "userName").eq(b("z")))); }
    #[test] fn select2_entity() { compiled("select2_entity", Query::select(vec![Entity::Class("User".into())]).filter(u("age").gt(b(1))).order_by(vec![u("id")])); }
    #[test] fn select2_cols() { compiled("select2_cols", Query::select(cols(vec![u("username"), p("title")])).join(rel("Post", "author"), None)); }
    #[test] fn select2_same_names() { compiled("select2_same_names", Query::select(cols(vec![u("id"), p("id"), t("name"), u("username").label("name")]))); }
    #[test] fn select2_filter_by_limit() { compiled("select2_filter_by_limit", Query::select(vec![Entity::Class("User".into())]).filter_by(&reg(), vec![("username", b("ann"))]).unwrap().limit(1).offset(2)); }
    #[test] fn select2_count() {
        sel("select2_count", 0, Query::select(cols(vec![count_star()])).select_from("User").compile(&reg()));
        sel("select2_count", 1, Query::select(cols(vec![func("count", vec![u("id")])])).filter(u("age").eq(b(25))).compile(&reg()));
    }
    #[test] fn select2_distinct() { compiled("select2_distinct", Query::select(cols(vec![u("age")])).distinct().order_by(vec![u("age")])); }
    #[test] fn select2_label_group() { compiled("select2_label_group", Query::select(cols(vec![u("username"), func("count", vec![p("id")]).label("n")])).outerjoin(class("Post"), Some(u("id").eq(p("user_id")))).group_by(vec![u("username")]).having(func("count", vec![p("id")]).ge(b(2)))); }
    #[test] fn paginate_query() {
        let (items, total) = users().order_by(vec![u("id")]).paginate_statements(&reg(), 2, 2).unwrap();
        sel("paginate_query", 0, Ok(items));
        sel("paginate_query", 1, Ok(total));
    }
    #[test] fn paginate_select() {
        let (items, total) = Query::select(vec![Entity::Class("User".into())]).filter(u("id").gt(b(0))).order_by(vec![u("id")]).paginate_statements(&reg(), 1, 2).unwrap();
        sel("paginate_select", 0, Ok(items));
        sel("paginate_select", 1, Ok(total));
    }
}

#[rustfmt::skip]
mod relationships {
    use super::*;

    #[test] fn has() { compiled("has", q("Post").filter(exists_criterion(&reg(), "Post", "author", vec![u("username").eq(b("ann"))]).unwrap())); }
    #[test] fn has_crit() { last("has_crit", q("Post").filter(exists_criterion(&reg(), "Post", "author", vec![u("age").gt(b(3))]).unwrap()).count_statement(&reg())); }
    #[test] fn any() { compiled("any", users().filter(exists_criterion(&reg(), "User", "posts", vec![p("title").like(b("p%"))]).unwrap())); }
    #[test] fn any_kw() { compiled("any_kw", users().filter(exists_criterion(&reg(), "User", "posts", vec![p("title").eq(b("p1"))]).unwrap())); }
    #[test] fn not_any() { compiled("not_any", users().filter(not(exists_criterion(&reg(), "User", "posts", vec![]).unwrap()))); }
    #[test] fn any_m2m() { compiled("any_m2m", q("Post").filter(exists_criterion(&reg(), "Post", "tags", vec![t("name").eq(b("t"))]).unwrap())); }
    #[test] fn not_any_m2m() { compiled("not_any_m2m", q("Tag").filter(not(exists_criterion(&reg(), "Tag", "posts", vec![]).unwrap()))); }
    #[test] fn rel_eq_obj() {
        let crit = compare_many_to_one(&reg(), "Post", "author", Some(&one("id"))).unwrap();
        sel("rel_eq_obj", 1, q("Post").filter(crit.clone()).compile(&reg()));
        sel("rel_eq_obj", 2, q("Post").filter(crit).count_statement(&reg()));
    }
    #[test] fn rel_eq_none() { compiled("rel_eq_none", q("Post").filter(compare_many_to_one(&reg(), "Post", "author", None).unwrap())); }
    #[test] fn m2m_contains() { compiled("m2m_contains", q("Post").filter(many_to_many_contains(&reg(), "Post", "tags", &one("id")).unwrap())); }
    #[test] fn lazy_o2m() { last("lazy_o2m", lazy_load_query(&reg(), "User", "posts", &one("id")).unwrap().compile(&reg())); }
    #[test] fn lazy_m2o() { last("lazy_m2o", lazy_load_query(&reg(), "Post", "author", &one("user_id")).unwrap().compile(&reg())); }
    #[test] fn lazy_m2m() { last("lazy_m2m", lazy_load_query(&reg(), "Post", "tags", &one("id")).unwrap().compile(&reg())); }
    #[test] fn lazy_m2m_backref() { last("lazy_m2m_backref", lazy_load_query(&reg(), "Tag", "posts", &one("id")).unwrap().compile(&reg())); }
    #[test] fn with_parent() { compiled("with_parent", lazy_load_query(&reg(), "User", "posts", &one("id")).unwrap().filter(p("likes").gt(b(0)))); }
}

#[rustfmt::skip]
mod writes {
    use super::*;

    fn user_table() -> crate::core::orm::schema::Table { reg().metadata.table("user").unwrap().clone() }

    #[test] fn bulk_update() { assert_stmt("bulk_update", -1, &users().filter(u("age").lt(b(30))).update_statement(&reg(), vec![("active", b(0))]).unwrap().into()); }
    #[test] fn bulk_update_expr() { assert_stmt("bulk_update_expr", -1, &users().filter(u("username").in_(vec![b("a"), b("b")])).update_statement(&reg(), vec![("age", u("age") + b(1)), ("email", b("x"))]).unwrap().into()); }
    #[test] fn bulk_update_all() { assert_stmt("bulk_update_all", -1, &users().update_statement(&reg(), vec![("age", u("age") * b(2))]).unwrap().into()); }
    #[test] fn update2() { assert_stmt("update2", -1, &users().filter(u("age").gt(b(10))).update_statement(&reg(), vec![("age", b(0)), ("email", b("e"))]).unwrap().into()); }
    #[test] fn bulk_delete() { assert_stmt("bulk_delete", -1, &users().filter(u("age").gt(b(100))).delete_statement(&reg()).unwrap().into()); }
    #[test] fn bulk_delete_all() { assert_stmt("bulk_delete_all", -1, &q("Tag").delete_statement(&reg()).unwrap().into()); }
    #[test] fn bulk_delete_nosync() { assert_stmt("bulk_delete_nosync", -1, &users().filter(u("username").in_(vec![b("zz"), b("yy")])).delete_statement(&reg()).unwrap().into()); }
    #[test] fn delete2() { assert_stmt("delete2", -1, &users().filter(u("age").eq(b(0))).delete_statement(&reg()).unwrap().into()); }
    #[test] fn insert_single() { assert_stmt("insert_single", 0, &insert_row(&user_table(), &[("username", "dan".into()), ("email", SqlValue::Null), ("age", 5.into()), ("active", 1.into())], &[]).into()); }
    #[test] fn insert_many() { assert_stmt("insert_many", 1, &insert_row(&user_table(), &[("username", "e2".into()), ("email", SqlValue::Null), ("age", 3.into()), ("active", 1.into())], &["id"]).into()); }
    #[test] fn insert_m2m() { assert_stmt("insert_m2m", -1, &insert_row(reg().metadata.table("post_tags").unwrap(), &[("tag_id", 1.into()), ("post_id", 2.into())], &[]).into()); }
    #[test] fn update_obj() { assert_stmt("update_obj", -1, &update_row(&user_table(), &[("age", 31.into()), ("email", SqlValue::Null)], &[1.into()]).into()); }
    #[test] fn delete_obj() { assert_stmt("delete_obj", -1, &delete_row(reg().metadata.table("tag").unwrap(), &[1.into()]).into()); }
    #[test] fn delete_assoc() {
        let s = delete_association(reg().metadata.table("post_tags").unwrap(), &[("tag_id", 1.into()), ("post_id", 2.into())]);
        assert_eq!(crate::core::sql::render(&s.into()).sql, "DELETE FROM post_tags WHERE post_tags.post_id = ? AND post_tags.tag_id = ?");
    }
    #[test] fn insert_default_values() {
        let t = reg().metadata.table("node").unwrap().clone();
        assert_eq!(crate::core::orm::persist::insert_cols_as_none(&t), vec!["parent_id", "name"]);
        assert_stmt("insert_default_values", -1, &insert_row(&t, &[("parent_id", SqlValue::Null), ("name", SqlValue::Null)], &[]).into());
        assert_eq!(crate::core::sql::render(&insert_row(&t, &[], &[]).into()).sql, "INSERT INTO node DEFAULT VALUES");
    }
}
