//! SQL operators: their text, their precedence (SQLAlchemy's `operators._PRECEDENCE`), and
//! when an operand must be grouped in parentheses.

/// Binary operators and the pseudo-operators SQLAlchemy uses as grouping contexts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `=`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
    /// `IS`
    Is,
    /// `IS NOT`
    IsNot,
    /// `LIKE`
    Like,
    /// `NOT LIKE`
    NotLike,
    /// `x LIKE ? || '%'` (`startswith`)
    StartsWith,
    /// `x LIKE '%' || ?` (`endswith`)
    EndsWith,
    /// `x LIKE '%' || ? || '%'` (`contains`)
    Contains,
    /// `x NOT LIKE ? || '%'` (a negated `startswith`)
    NotStartsWith,
    /// `x NOT LIKE '%' || ?` (a negated `endswith`)
    NotEndsWith,
    /// `x NOT LIKE '%' || ? || '%'` (a negated `contains`)
    NotContains,
    /// `lower(x) LIKE lower(?)` (`ilike`; the bound value is named after `x`)
    ILike,
    /// `lower(x) NOT LIKE lower(?)`
    NotILike,
    /// `lower(x) LIKE lower(?) || '%'` (`istartswith`)
    IStartsWith,
    /// `lower(x) NOT LIKE lower(?) || '%'`
    NotIStartsWith,
    /// `lower(x) LIKE '%' || lower(?)` (`iendswith`)
    IEndsWith,
    /// `lower(x) NOT LIKE '%' || lower(?)`
    NotIEndsWith,
    /// `lower(x) LIKE '%' || lower(?) || '%'` (`icontains`)
    IContains,
    /// `lower(x) NOT LIKE '%' || lower(?) || '%'`
    NotIContains,
    /// `x REGEXP pattern` (`regexp_match`; SQLite calls the `regexp()` function)
    Regexp,
    /// `x NOT REGEXP pattern`
    NotRegexp,
    /// `regexp_replace(x, pattern, replacement)`: the right side a two-item list. SQLite
    /// has none (SQLAlchemy refuses to compile it); the default dialect prints
    /// `<regexp replace>(x, pattern, replacement)`.
    RegexpReplace,
    /// `IN`
    In,
    /// `NOT IN`
    NotIn,
    /// `BETWEEN`
    Between,
    /// `NOT BETWEEN`
    NotBetween,
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
    /// `%`
    Mod,
    /// `||`
    Concat,
    /// `AND`
    And,
    /// `OR`
    Or,
    /// unary `NOT` (SQLAlchemy `inv`)
    Not,
    /// unary `-`
    Neg,
    /// unary `DISTINCT`
    Distinct,
    /// `EXISTS`
    Exists,
    /// function-argument context (`comma_op`)
    Comma,
    /// top-level WHERE context (`_asbool`)
    AsBool,
    /// `a // b` when not both integers: `FLOOR(a / b)`
    FloorDiv,
    /// `json_col['key']`: SQLite `JSON_QUOTE(JSON_EXTRACT(a, path))`, generic `a[path]`
    JsonGet,
    /// `json_col['key'].as_integer()` and the other casts: SQLite `JSON_EXTRACT(a, path)`
    JsonGetAs,
    /// `x COLLATE name` (the right side an [`Expr::Raw`] collation name, quoted as needed)
    Collate,
    /// A custom operator (`col.op('GLOB')(x)`) of the given precedence: the right side is
    /// an [`Expr::CustomOperand`] carrying the operator's text.
    Custom(i8),
}

impl Op {
    /// SQLAlchemy's `_PRECEDENCE` value (operators missing there get `_OpLimit._smallest` = -100).
    pub fn precedence(self) -> i32 {
        use Op::*;
        match self {
            JsonGet | JsonGetAs => 15,
            Mul | Div | Mod | Neg | FloorDiv => 8,
            Add | Sub => 7,
            Eq | Ne | Lt | Le | Gt | Ge | Is | IsNot | Like | NotLike | ILike | NotILike | In
            | Regexp | NotRegexp | RegexpReplace | NotIn | Between | NotBetween | Concat | Not
            | Distinct => 5,
            And => 3,
            Or => 2,
            Exists => 0,
            Comma => -1,
            AsBool => -10,
            Collate => 4,
            Custom(p) => p as i32,
            StartsWith | EndsWith | Contains | NotStartsWith | NotEndsWith | NotContains
            | IStartsWith | IEndsWith | IContains | NotIStartsWith | NotIEndsWith
            | NotIContains => -100,
        }
    }

    /// The case-sensitive LIKE operator a case-insensitive one (`ilike`, `istartswith`...)
    /// applies to both sides lowered.
    pub fn case_sensitive(self) -> Option<Op> {
        use Op::*;
        Some(match self {
            ILike => Like,
            NotILike => NotLike,
            IStartsWith => StartsWith,
            NotIStartsWith => NotStartsWith,
            IEndsWith => EndsWith,
            NotIEndsWith => NotEndsWith,
            IContains => Contains,
            NotIContains => NotContains,
            _ => return None,
        })
    }

    /// `(a op b) op c` needs no parentheses (associative operators).
    pub fn natural_self_precedent(self) -> bool {
        matches!(self, Op::Add | Op::Mul | Op::Concat | Op::And | Op::Or)
    }

    /// SQL spelling of a plain binary operator.
    pub fn sql(self) -> &'static str {
        use Op::*;
        match self {
            Eq => "=",
            Ne => "!=",
            Lt => "<",
            Le => "<=",
            Gt => ">",
            Ge => ">=",
            Is => "IS",
            IsNot => "IS NOT",
            Like | StartsWith | EndsWith | Contains | ILike | IStartsWith | IEndsWith
            | IContains => "LIKE",
            NotStartsWith | NotEndsWith | NotContains | NotILike | NotIStartsWith
            | NotIEndsWith | NotIContains => "NOT LIKE",
            NotLike => "NOT LIKE",
            Regexp => "REGEXP",
            NotRegexp => "NOT REGEXP",
            RegexpReplace => "<regexp replace>",
            In => "IN",
            NotIn => "NOT IN",
            Between => "BETWEEN",
            NotBetween => "NOT BETWEEN",
            Add => "+",
            Sub => "-",
            Mul => "*",
            Div => "/",
            Mod => "%",
            Concat => "||",
            And => "AND",
            Or => "OR",
            Not => "NOT",
            Neg => "-",
            Distinct => "DISTINCT",
            Exists => "EXISTS",
            Comma => ",",
            AsBool => "",
            JsonGet | JsonGetAs => "->",
            FloorDiv => "/",
            Collate => "COLLATE",
            Custom(_) => "",
        }
    }

    /// The comparison operator `not_()` turns this one into, if any.
    pub fn negated(self) -> Option<Op> {
        use Op::*;
        Some(match self {
            Eq => Ne,
            Ne => Eq,
            Lt => Ge,
            Ge => Lt,
            Gt => Le,
            Le => Gt,
            Is => IsNot,
            IsNot => Is,
            Like => NotLike,
            NotLike => Like,
            Regexp => NotRegexp,
            NotRegexp => Regexp,
            In => NotIn,
            NotIn => In,
            Between => NotBetween,
            NotBetween => Between,
            StartsWith => NotStartsWith,
            NotStartsWith => StartsWith,
            EndsWith => NotEndsWith,
            NotEndsWith => EndsWith,
            Contains => NotContains,
            NotContains => Contains,
            ILike => NotILike,
            NotILike => ILike,
            IStartsWith => NotIStartsWith,
            NotIStartsWith => IStartsWith,
            IEndsWith => NotIEndsWith,
            NotIEndsWith => IEndsWith,
            IContains => NotIContains,
            NotIContains => IContains,
            _ => return None,
        })
    }
}

/// SQLAlchemy's `operators.is_precedent(op, against)`.
pub fn is_precedent(op: Op, against: Option<Op>) -> bool {
    match against {
        Some(a) if a == op && op.natural_self_precedent() => false,
        // A JSON element renders as function arguments: nothing inside needs parentheses.
        Some(Op::JsonGet | Op::JsonGetAs) => false,
        None => true,
        Some(a) => op.precedence() <= a.precedence(),
    }
}
