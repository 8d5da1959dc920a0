use super::*;

#[test]
fn grouping_rules() {
    let a = Expr::col("t", "a");
    assert!(matches!(
        a.clone()
            .startswith(Expr::bind(1))
            .self_group(Some(Op::AsBool)),
        Expr::Grouping(_)
    ));
    assert!(!matches!(
        a.clone().eq(Expr::bind(1)).self_group(Some(Op::And)),
        Expr::Grouping(_)
    ));
    assert!(matches!(
        or(vec![
            a.clone().eq(Expr::bind(1)),
            a.clone().eq(Expr::bind(2))
        ])
        .self_group(Some(Op::And)),
        Expr::Grouping(_)
    ));
    assert!(matches!(
        not(a.clone().eq(Expr::bind(1))),
        Expr::Binary { op: Op::Ne, .. }
    ));
    assert!(is_precedent(Op::Sub, Some(Op::Sub)));
    assert!(!is_precedent(Op::Add, Some(Op::Add)));
}
