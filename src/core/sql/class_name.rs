//! The SQLAlchemy class an expression value is an instance of (`type(expr).__name__`).

use super::expr::{Expr, Op};

/// SQLAlchemy's registered generic functions (`sqlalchemy.sql.functions`): `func.NAME`
/// makes an instance of the class of that name (found whatever its case), any other
/// name a plain `Function`.
const GENERIC_FUNCTIONS: &str = "aggregate_strings array_agg char_length coalesce concat count \
    cube cume_dist current_date current_time current_timestamp current_user dense_rank \
    grouping_sets localtime localtimestamp max min mode next_value now percent_rank \
    percentile_cont percentile_disc random rank rollup session_user sum sysdate user";

impl Expr {
    /// The name of the SQLAlchemy class this expression is an instance of.
    pub fn class_name(&self) -> &'static str {
        match self {
            Expr::Column { table: Some(_), .. } => "Column",
            Expr::Column { table: None, .. } | Expr::Raw(_) | Expr::Star => "ColumnClause",
            Expr::Bind(..) => "BindParameter",
            Expr::Text { .. } | Expr::LabelRef(_) => "TextClause",
            Expr::Bool(true) => "True_",
            Expr::Bool(false) => "False_",
            Expr::Null => "Null",
            Expr::List {
                op: Op::And | Op::Or,
                ..
            } => "BooleanClauseList",
            Expr::List { op: Op::Comma, .. } => "Tuple",
            Expr::List { .. } => "ClauseList",
            Expr::Unary { op: Op::Exists, .. } => "Exists",
            Expr::Unary { .. } | Expr::Order { .. } | Expr::Nulls { .. } => "UnaryExpression",
            Expr::CustomOperand { .. } => "UnaryExpression",
            Expr::Func { name, .. } => {
                let lower = name.to_ascii_lowercase();
                crate::core::words::find(GENERIC_FUNCTIONS, &lower).unwrap_or("Function")
            }
            Expr::Label { .. } => "Label",
            // (`tuple_(a, b)`: its list, parenthesized.)
            Expr::Grouping(inner) if matches!(**inner, Expr::List { op: Op::Comma, .. }) => "Tuple",
            Expr::Grouping(_) => "Grouping",
            Expr::Case { .. } => "Case",
            Expr::Over { .. } => "Over",
            Expr::Filter { .. } => "FunctionFilter",
            // (`literal(v)`: a bind held with its type.)
            Expr::Cast {
                coerce: true, expr, ..
            } if matches!(**expr, Expr::Bind(..)) => "BindParameter",
            Expr::Cast { coerce: true, .. } => "TypeCoerce",
            Expr::Cast { .. } => "Cast",
            Expr::Select(_) => "ScalarSelect",
            Expr::Binary { .. } | Expr::AsBoolean { .. } | Expr::Escape { .. } => {
                "BinaryExpression"
            }
        }
    }
}
