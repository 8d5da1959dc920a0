//! Tests of mappers and relationship resolution.

use super::*;
use crate::core::orm::testutil::models;
use crate::core::sql::SqlValue;

#[test]
fn resolve_directions() {
    let md = models(&[
        "User id:int:pk",
        "Post id:int:pk user_id:int:fk=user.id",
        "T=post_tags post_id:int:fk=post.id tag_id:int:fk=tag.id",
        "Tag id:int:pk",
    ]);
    let mut reg = Registry::new(md);
    reg.add(
        Mapper::new("User", "user")
            .relationship(Relationship::new("posts", "Post").backref("author")),
    );
    reg.add(
        Mapper::new("Post", "post").relationship(
            Relationship::new("tags", "Tag")
                .secondary("post_tags")
                .backref("posts"),
        ),
    );
    reg.add(Mapper::new("Tag", "tag"));
    reg.finalize();
    assert_eq!(
        reg.resolve("User", "posts").unwrap().kind,
        RelKind::OneToMany
    );
    let a = reg.resolve("Post", "author").unwrap();
    assert_eq!(a.kind, RelKind::ManyToOne);
    assert_eq!(
        a.primary[0].referred,
        ("user".to_string(), "id".to_string())
    );
    assert_eq!(
        reg.resolve("Tag", "posts").unwrap().kind,
        RelKind::ManyToMany
    );
    assert_eq!(
        Relationship::new("a", "B")
            .cascade("all, delete-orphan")
            .cascade_set()
            .len(),
        6
    );
}

#[test]
fn condition_pairs_and_other_terms() {
    let md = models(&[
        "Author id:int:pk",
        "Article id:int:pk published:bool author_id:int:fk=author.id",
    ]);
    let pair = Expr::col("author", "id").eq(Expr::col("article", "author_id"));
    let flag = Expr::col("article", "published").eq(Expr::bind(SqlValue::Integer(1)));
    let cond = and(vec![pair.clone(), flag.clone()]);
    let (pairs, extra) = pairs_of_condition(&md, &cond, &[]).unwrap();
    assert_eq!(pairs.len(), 1);
    assert_eq!(
        pairs[0].foreign,
        ("article".to_string(), "author_id".to_string())
    );
    assert_eq!(extra, vec![flag.clone()]);
    assert!(pairs_of_condition(&md, &flag, &[]).is_none());
    let r = ResolvedRel {
        kind: RelKind::OneToMany,
        parent: "author".into(),
        target: "article".into(),
        secondary: None,
        primary: pairs,
        secondary_pairs: vec![],
        extra,
    };
    let alias = TableRef::Named("a1".into());
    let on = r.extra_with(&|t, c| (t == "article").then(|| Expr::col_of(&alias, c)));
    assert_eq!(
        on,
        vec![Expr::col_of(&alias, "published").eq(Expr::bind(SqlValue::Integer(1)))]
    );
}
