//! The syntax tree of an ormlab script. Every node and every identifier carries a
//! [`Span`] so that runtime errors can point at the exact source text.
//!
//! The shape follows CPython's `ast` module, simplified: no load/store contexts,
//! `elif` is an [`StmtKind::If`] alone in the `orelse` of its parent, and constants
//! are separate [`ExprKind`] variants.

use crate::core::diag::Span;
use std::rc::Rc;

/// A whole script.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Module {
    /// Top-level statements in order.
    pub body: Vec<Stmt>,
}

/// A name with its position (def/class names, parameters, attributes, imports...).
#[derive(Debug, Clone, PartialEq)]
pub struct Ident {
    /// The identifier text (for dotted import names, the whole dotted path).
    pub name: String,
    /// Where it is written.
    pub span: Span,
}

/// A statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    /// What kind of statement, with its parts.
    pub kind: StmtKind,
    /// From its first to its last token (decorators included).
    pub span: Span,
}

/// The kinds of statement.
#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// An expression evaluated for its effect.
    Expr(Expr),
    /// `t1 = t2 = value`: one or more targets.
    Assign {
        /// Targets, left to right.
        targets: Vec<Expr>,
        /// The assigned value.
        value: Expr,
    },
    /// `target op= value`.
    AugAssign {
        /// A name, attribute or subscript.
        target: Expr,
        /// The operator (`+=` is [`BinOp::Add`]).
        op: BinOp,
        /// Right-hand side.
        value: Expr,
    },
    /// `target: annotation [= value]`.
    AnnAssign {
        /// A name, attribute or subscript.
        target: Expr,
        /// The annotation expression.
        annotation: Expr,
        /// The value, if any.
        value: Option<Expr>,
    },
    /// `if test: body` with `elif`/`else` in `orelse`.
    If {
        /// Condition.
        test: Expr,
        /// Statements when true.
        body: Vec<Stmt>,
        /// `else` statements (an `elif` is a lone nested `If`).
        orelse: Vec<Stmt>,
    },
    /// `for target in iter: body else: orelse`.
    For {
        /// Loop variable(s).
        target: Expr,
        /// Iterated expression.
        iter: Expr,
        /// Loop body.
        body: Vec<Stmt>,
        /// Runs when the loop ends without `break`.
        orelse: Vec<Stmt>,
    },
    /// `while test: body else: orelse`.
    While {
        /// Condition.
        test: Expr,
        /// Loop body.
        body: Vec<Stmt>,
        /// Runs when the loop ends without `break`.
        orelse: Vec<Stmt>,
    },
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `pass`.
    Pass,
    /// `def`.
    FunctionDef(Box<FunctionDef>),
    /// `class`.
    ClassDef(Box<ClassDef>),
    /// `return [value]`.
    Return(Option<Expr>),
    /// `import a.b as c, d`.
    Import(Vec<Alias>),
    /// `from ..a.b import x as y, z` / `from a import *`.
    ImportFrom {
        /// The module path after the dots, if any.
        module: Option<Ident>,
        /// Number of leading dots (relative import level).
        level: u32,
        /// Imported names; `*` is a single alias named `*`.
        names: Vec<Alias>,
    },
    /// `try` with handlers, `else` and `finally`.
    Try {
        /// The guarded block.
        body: Vec<Stmt>,
        /// `except` clauses in order.
        handlers: Vec<ExceptHandler>,
        /// Runs when no exception was raised.
        orelse: Vec<Stmt>,
        /// Always runs.
        finalbody: Vec<Stmt>,
    },
    /// `raise [exc [from cause]]`.
    Raise {
        /// The exception (absent for a bare re-raise).
        exc: Option<Expr>,
        /// The `from` part.
        cause: Option<Expr>,
    },
    /// `with a as b, c: body`.
    With {
        /// Context managers in order.
        items: Vec<WithItem>,
        /// The block.
        body: Vec<Stmt>,
    },
    /// `assert test[, msg]`.
    Assert {
        /// The checked condition.
        test: Expr,
        /// The message.
        msg: Option<Expr>,
    },
    /// `del a, b[0]`.
    Delete(Vec<Expr>),
    /// `global a, b`.
    Global(Vec<Ident>),
    /// `nonlocal a, b`.
    Nonlocal(Vec<Ident>),
}

/// A function definition.
#[derive(Debug, Clone, PartialEq)]
pub struct FunctionDef {
    /// The function name.
    pub name: Ident,
    /// Parameters (shared with the function objects the `def` makes).
    pub params: Rc<Parameters>,
    /// `-> annotation`.
    pub returns: Option<Expr>,
    /// The body (a docstring is its first `Expr` statement), shared with the function
    /// objects the `def` makes: executing a `def` never copies its tree.
    pub body: Rc<Vec<Stmt>>,
    /// Decorator expressions, top to bottom.
    pub decorators: Vec<Expr>,
}

/// A class definition.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassDef {
    /// The class name.
    pub name: Ident,
    /// Base class expressions (`*bases` are `Starred`).
    pub bases: Vec<Expr>,
    /// Keywords such as `metaclass=M` (and `**kw`).
    pub keywords: Vec<Keyword>,
    /// The body.
    pub body: Vec<Stmt>,
    /// Decorator expressions, top to bottom.
    pub decorators: Vec<Expr>,
}

/// The parameter list of a `def` or `lambda`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Parameters {
    /// Parameters before `/`.
    pub posonly: Vec<Param>,
    /// Ordinary positional-or-keyword parameters.
    pub args: Vec<Param>,
    /// `*args`.
    pub vararg: Option<Param>,
    /// Parameters after `*` or `*args`.
    pub kwonly: Vec<Param>,
    /// `**kwargs`.
    pub kwarg: Option<Param>,
}

/// One parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct Param {
    /// Its name.
    pub name: Ident,
    /// `: annotation` (never for lambdas).
    pub annotation: Option<Expr>,
    /// `= default` (never for `*args`/`**kwargs`).
    pub default: Option<Expr>,
    /// The whole parameter.
    pub span: Span,
}

/// One `except` clause.
#[derive(Debug, Clone, PartialEq)]
pub struct ExceptHandler {
    /// The exception type(s) (a tuple for several), absent for a bare `except:`.
    pub typ: Option<Expr>,
    /// `as name`.
    pub name: Option<Ident>,
    /// The handler body.
    pub body: Vec<Stmt>,
    /// From `except` to the end of the header.
    pub span: Span,
}

/// One item of a `with` statement.
#[derive(Debug, Clone, PartialEq)]
pub struct WithItem {
    /// The context manager expression.
    pub context: Expr,
    /// `as target`.
    pub target: Option<Expr>,
}

/// `import a.b as c`: the dotted name and the optional alias.
#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    /// Dotted module or imported name (`*` for `from x import *`).
    pub name: Ident,
    /// `as` name.
    pub asname: Option<Ident>,
    /// The whole alias.
    pub span: Span,
}

/// A keyword argument `name=value`, or `**value` when `arg` is `None`.
#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    /// The keyword name; `None` for `**mapping`.
    pub arg: Option<Ident>,
    /// The value.
    pub value: Expr,
    /// The whole argument.
    pub span: Span,
}

/// An expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    /// What kind of expression, with its parts.
    pub kind: ExprKind,
    /// Its source range (parentheses around it not included).
    pub span: Span,
}

/// An integer literal value: small ones as `i64`, others as decimal digits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntValue {
    /// Fits in an `i64`.
    Small(i64),
    /// Too big: the decimal digits (no sign, no leading zeros).
    Big(String),
}

/// The kinds of expression.
#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    /// `a and b and c` / `a or b`.
    BoolOp {
        /// `and` or `or`.
        op: BoolOp,
        /// Two or more operands.
        values: Vec<Expr>,
    },
    /// `name := value`.
    NamedExpr {
        /// The assigned name.
        target: Ident,
        /// The value.
        value: Box<Expr>,
    },
    /// `left op right`.
    BinOp {
        /// Left operand.
        left: Box<Expr>,
        /// Operator.
        op: BinOp,
        /// Right operand.
        right: Box<Expr>,
    },
    /// `not x`, `-x`, `+x`, `~x`.
    UnaryOp {
        /// Operator.
        op: UnaryOp,
        /// Operand.
        operand: Box<Expr>,
    },
    /// `lambda params: body`.
    Lambda {
        /// Parameters (without annotations).
        params: Rc<Parameters>,
        /// The body expression (shared with the function objects the lambda makes).
        body: Rc<Expr>,
    },
    /// `body if test else orelse`.
    IfExp {
        /// Condition.
        test: Box<Expr>,
        /// Value when true.
        body: Box<Expr>,
        /// Value when false.
        orelse: Box<Expr>,
    },
    /// `{k: v, **d}`.
    Dict(Vec<DictItem>),
    /// `{a, *b}` (never empty).
    Set(Vec<Expr>),
    /// `[a, *b]`.
    List(Vec<Expr>),
    /// `(a, b)` or `a, b`.
    Tuple(Vec<Expr>),
    /// `[elt for ...]`.
    ListComp {
        /// The element.
        elt: Box<Expr>,
        /// `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `{elt for ...}`.
    SetComp {
        /// The element.
        elt: Box<Expr>,
        /// `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `{key: value for ...}`.
    DictComp {
        /// The key.
        key: Box<Expr>,
        /// The value.
        value: Box<Expr>,
        /// `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `(elt for ...)`.
    GeneratorExp {
        /// The element.
        elt: Box<Expr>,
        /// `for`/`if` clauses.
        generators: Vec<Comprehension>,
    },
    /// `await x` (parsed, reported as unsupported).
    Await(Box<Expr>),
    /// `yield [x]` (parsed, reported as unsupported).
    Yield(Option<Box<Expr>>),
    /// `yield from x` (parsed, reported as unsupported).
    YieldFrom(Box<Expr>),
    /// `a < b <= c`: a comparison chain.
    Compare {
        /// First operand.
        left: Box<Expr>,
        /// Operators, one per comparator.
        ops: Vec<CmpOp>,
        /// The other operands.
        comparators: Vec<Expr>,
    },
    /// `func(args, keywords)`.
    Call {
        /// The called expression.
        func: Box<Expr>,
        /// Positional arguments (`*x` is `Starred`).
        args: Vec<Expr>,
        /// Keyword arguments and `**mapping`.
        keywords: Vec<Keyword>,
    },
    /// An f-string (implicitly concatenated literals merged into one).
    FString(Vec<FStringPart>),
    /// `value.attr`.
    Attribute {
        /// The object.
        value: Box<Expr>,
        /// The attribute name.
        attr: Ident,
    },
    /// `value[slice]`.
    Subscript {
        /// The object.
        value: Box<Expr>,
        /// The index: any expression, a `Slice`, or a `Tuple` of them.
        slice: Box<Expr>,
    },
    /// `*value` (in calls, displays and targets).
    Starred(Box<Expr>),
    /// A variable name.
    Name(String),
    /// `lower:upper:step` (only inside a subscript).
    Slice {
        /// Start.
        lower: Option<Box<Expr>>,
        /// Stop.
        upper: Option<Box<Expr>>,
        /// Step.
        step: Option<Box<Expr>>,
    },
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An integer literal.
    Int(IntValue),
    /// A float literal.
    Float(f64),
    /// A string literal (implicit concatenation already applied).
    Str(String),
    /// A bytes literal.
    Bytes(Vec<u8>),
    /// `...`.
    Ellipsis,
    /// Stand-in for an expression that failed to parse (a diagnostic was reported).
    Error,
}

/// One entry of a dict display.
#[derive(Debug, Clone, PartialEq)]
pub enum DictItem {
    /// `key: value`.
    Pair(Expr, Expr),
    /// `**mapping`.
    Unpack(Expr),
}

/// A `for target in iter if cond...` clause of a comprehension.
#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    /// Loop variable(s).
    pub target: Expr,
    /// Iterated expression.
    pub iter: Expr,
    /// `if` filters.
    pub ifs: Vec<Expr>,
}

/// A piece of an f-string.
#[derive(Debug, Clone, PartialEq)]
pub enum FStringPart {
    /// Literal text (escapes and `{{`/`}}` decoded).
    Literal(String),
    /// A replacement field.
    Field(FormattedValue),
}

/// `{expr!conversion:format_spec}` in an f-string.
///
/// For the debug form `{expr=}`, `debug_text` holds the text from after `{` through
/// `=` (spaces kept); Python then prints that text followed by the `repr` of the
/// value (or its `format` when there is a conversion or spec).
#[derive(Debug, Clone, PartialEq)]
pub struct FormattedValue {
    /// The expression.
    pub expr: Box<Expr>,
    /// `'r'`, `'s'` or `'a'`.
    pub conversion: Option<char>,
    /// The format spec, which may itself contain fields.
    pub format_spec: Option<Vec<FStringPart>>,
    /// The `expr=` text of a debug field.
    pub debug_text: Option<String>,
    /// The field, braces included.
    pub span: Span,
}

/// `and` / `or`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoolOp {
    /// `and`.
    And,
    /// `or`.
    Or,
}

/// Binary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    /// `+`.
    Add,
    /// `-`.
    Sub,
    /// `*`.
    Mult,
    /// `@`.
    MatMult,
    /// `/`.
    Div,
    /// `%`.
    Mod,
    /// `**`.
    Pow,
    /// `<<`.
    LShift,
    /// `>>`.
    RShift,
    /// `|`.
    BitOr,
    /// `^`.
    BitXor,
    /// `&`.
    BitAnd,
    /// `//`.
    FloorDiv,
}

/// Unary operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnaryOp {
    /// `~`.
    Invert,
    /// `not`.
    Not,
    /// `+`.
    UAdd,
    /// `-`.
    USub,
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CmpOp {
    /// `==`.
    Eq,
    /// `!=`.
    NotEq,
    /// `<`.
    Lt,
    /// `<=`.
    LtE,
    /// `>`.
    Gt,
    /// `>=`.
    GtE,
    /// `is`.
    Is,
    /// `is not`.
    IsNot,
    /// `in`.
    In,
    /// `not in`.
    NotIn,
}

impl BinOp {
    /// The operator's source text.
    pub fn as_str(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mult => "*",
            BinOp::MatMult => "@",
            BinOp::Div => "/",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
            BinOp::FloorDiv => "//",
        }
    }
}

impl CmpOp {
    /// The operator's source text.
    pub fn as_str(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}

impl Expr {
    /// An expression node.
    pub fn new(kind: ExprKind, span: Span) -> Self {
        Expr { kind, span }
    }

    /// What CPython calls this kind of expression in error messages ("function call", "literal"...).
    pub fn describe(&self) -> &'static str {
        match &self.kind {
            ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => {
                "expression"
            }
            ExprKind::NamedExpr { .. } => "named expression",
            ExprKind::Lambda { .. } => "lambda",
            ExprKind::IfExp { .. } => "conditional expression",
            ExprKind::Dict(_) => "dict literal",
            ExprKind::Set(_) => "set display",
            ExprKind::List(_) => "list",
            ExprKind::Tuple(_) => "tuple",
            ExprKind::ListComp { .. } => "list comprehension",
            ExprKind::SetComp { .. } => "set comprehension",
            ExprKind::DictComp { .. } => "dict comprehension",
            ExprKind::GeneratorExp { .. } => "generator expression",
            ExprKind::Await(_) => "await expression",
            ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
            ExprKind::Compare { .. } => "comparison",
            ExprKind::Call { .. } => "function call",
            ExprKind::FString(_) => "f-string expression",
            ExprKind::Attribute { .. } => "attribute",
            ExprKind::Subscript { .. } => "subscript",
            ExprKind::Starred(_) => "starred",
            ExprKind::Name(_) => "name",
            ExprKind::Slice { .. } => "slice",
            ExprKind::None => "None",
            ExprKind::Bool(true) => "True",
            ExprKind::Bool(false) => "False",
            ExprKind::Ellipsis => "ellipsis",
            ExprKind::Int(_) | ExprKind::Float(_) | ExprKind::Str(_) | ExprKind::Bytes(_) => {
                "literal"
            }
            ExprKind::Error => "invalid expression",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_matches_cpython_words() {
        let call = Expr::new(
            ExprKind::Call {
                func: Box::new(Expr::new(ExprKind::Name("f".into()), Span::at(0))),
                args: vec![],
                keywords: vec![],
            },
            Span::new(0, 3),
        );
        assert_eq!(call.describe(), "function call");
        assert_eq!(BinOp::FloorDiv.as_str(), "//");
        assert_eq!(CmpOp::IsNot.as_str(), "is not");
    }
}
