//! Syntax tree back to Python source.
//!
//! The output is valid Python that [`parse`](super::parse) turns back into the same
//! tree (spans aside): parentheses are added wherever precedence needs them, tuples
//! are always parenthesized, 4-space indentation.

use super::ast::*;

/// Precedence levels, lowest first (like CPython's `ast._Precedence`).
mod prec {
    pub const NAMED: u8 = 1;
    pub const LAMBDA: u8 = 2;
    pub const TEST: u8 = 3;
    pub const OR: u8 = 4;
    pub const AND: u8 = 5;
    pub const NOT: u8 = 6;
    pub const CMP: u8 = 7;
    pub const BOR: u8 = 8;
    pub const BXOR: u8 = 9;
    pub const BAND: u8 = 10;
    pub const SHIFT: u8 = 11;
    pub const ARITH: u8 = 12;
    pub const TERM: u8 = 13;
    pub const FACTOR: u8 = 14;
    pub const POWER: u8 = 15;
    pub const AWAIT: u8 = 16;
    pub const ATOM: u8 = 17;
}
use prec::*;

/// Renders a module as Python source.
///
/// ```
/// use ormlab::core::lang::{parse, unparse::unparse};
/// let m = parse("x=(1+2)*3\n").module;
/// assert_eq!(unparse(&m), "x = (1 + 2) * 3\n");
/// ```
pub fn unparse(module: &Module) -> String {
    let mut u = Unparser {
        out: String::new(),
        indent: 0,
        quote: None,
    };
    u.stmts(&module.body);
    u.out
}

/// Renders one expression as Python source.
pub fn unparse_expr(e: &Expr) -> String {
    Unparser {
        out: String::new(),
        indent: 0,
        quote: None,
    }
    .expr(e, NAMED)
}

struct Unparser {
    out: String,
    indent: usize,
    /// Inside an f-string field: the quote character strings must use.
    quote: Option<char>,
}

fn binop_prec(op: BinOp) -> u8 {
    match op {
        BinOp::BitOr => BOR,
        BinOp::BitXor => BXOR,
        BinOp::BitAnd => BAND,
        BinOp::LShift | BinOp::RShift => SHIFT,
        BinOp::Add | BinOp::Sub => ARITH,
        BinOp::Mult | BinOp::MatMult | BinOp::Div | BinOp::Mod | BinOp::FloorDiv => TERM,
        BinOp::Pow => POWER,
    }
}

impl Unparser {
    fn line(&mut self, text: &str) {
        for _ in 0..self.indent {
            self.out.push_str("    ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn stmts(&mut self, body: &[Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn block(&mut self, header: &str, body: &[Stmt]) {
        self.line(header);
        self.indent += 1;
        if body.is_empty() {
            self.line("pass");
        }
        self.stmts(body);
        self.indent -= 1;
    }

    /// An `expression` (lambda allowed, no bare tuple).
    fn e(&mut self, e: &Expr) -> String {
        self.expr(e, LAMBDA)
    }

    /// An expression directly followed by `:` (dict keys, slice bounds): no bare lambda.
    fn t(&mut self, e: &Expr) -> String {
        self.expr(e, TEST)
    }

    fn stmt(&mut self, s: &Stmt) {
        match &s.kind {
            StmtKind::Expr(e) => {
                let t = self.expr(e, NAMED);
                self.line(&t);
            }
            StmtKind::Assign { targets, value } => {
                let mut parts: Vec<String> = targets.iter().map(|t| self.e(t)).collect();
                parts.push(self.e(value));
                self.line(&parts.join(" = "));
            }
            StmtKind::AugAssign { target, op, value } => {
                let t = format!("{} {}= {}", self.e(target), op.as_str(), self.e(value));
                self.line(&t);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                let mut t = format!("{}: {}", self.e(target), self.e(annotation));
                if let Some(v) = value {
                    t.push_str(" = ");
                    t.push_str(&self.e(v));
                }
                self.line(&t);
            }
            StmtKind::If { test, body, orelse } => {
                let h = format!("if {}:", self.e(test));
                self.block(&h, body);
                self.orelse_if(orelse);
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                let h = format!("for {} in {}:", self.expr(target, BOR), self.e(iter));
                self.block(&h, body);
                if !orelse.is_empty() {
                    self.block("else:", orelse);
                }
            }
            StmtKind::While { test, body, orelse } => {
                let h = format!("while {}:", self.e(test));
                self.block(&h, body);
                if !orelse.is_empty() {
                    self.block("else:", orelse);
                }
            }
            StmtKind::Break => self.line("break"),
            StmtKind::Continue => self.line("continue"),
            StmtKind::Pass => self.line("pass"),
            StmtKind::FunctionDef(f) => {
                for d in &f.decorators {
                    let t = format!("@{}", self.e(d));
                    self.line(&t);
                }
                let mut h = format!("def {}({})", f.name.name, self.params(&f.params));
                if let Some(r) = &f.returns {
                    h.push_str(" -> ");
                    h.push_str(&self.e(r));
                }
                h.push(':');
                self.block(&h, &f.body);
            }
            StmtKind::ClassDef(c) => {
                for d in &c.decorators {
                    let t = format!("@{}", self.e(d));
                    self.line(&t);
                }
                let mut h = format!("class {}", c.name.name);
                if !c.bases.is_empty() || !c.keywords.is_empty() {
                    h.push_str(&format!("({})", self.args(&c.bases, &c.keywords)));
                }
                h.push(':');
                self.block(&h, &c.body);
            }
            StmtKind::Return(v) => match v {
                Some(v) => {
                    let t = format!("return {}", self.e(v));
                    self.line(&t);
                }
                None => self.line("return"),
            },
            StmtKind::Import(names) => {
                let t = format!("import {}", aliases(names));
                self.line(&t);
            }
            StmtKind::ImportFrom {
                module,
                level,
                names,
            } => {
                let dots = ".".repeat(*level as usize);
                let m = module.as_ref().map_or("", |m| m.name.as_str());
                let t = format!("from {dots}{m} import {}", aliases(names));
                self.line(&t);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.block("try:", body);
                for h in handlers {
                    let mut t = "except".to_string();
                    if let Some(typ) = &h.typ {
                        t.push(' ');
                        t.push_str(&self.e(typ));
                    }
                    if let Some(n) = &h.name {
                        t.push_str(" as ");
                        t.push_str(&n.name);
                    }
                    t.push(':');
                    self.block(&t, &h.body);
                }
                if !orelse.is_empty() {
                    self.block("else:", orelse);
                }
                if !finalbody.is_empty() {
                    self.block("finally:", finalbody);
                }
            }
            StmtKind::Raise { exc, cause } => {
                let mut t = "raise".to_string();
                if let Some(e) = exc {
                    t.push(' ');
                    t.push_str(&self.e(e));
                }
                if let Some(c) = cause {
                    t.push_str(" from ");
                    t.push_str(&self.e(c));
                }
                self.line(&t);
            }
            StmtKind::With { items, body } => {
                let parts: Vec<String> = items
                    .iter()
                    .map(|i| {
                        let mut t = self.e(&i.context);
                        if matches!(i.context.kind, ExprKind::Tuple(_)) {
                            t = format!("({t})");
                        }
                        if let Some(target) = &i.target {
                            t.push_str(" as ");
                            t.push_str(&self.expr(target, BOR));
                        }
                        t
                    })
                    .collect();
                let h = format!("with {}:", parts.join(", "));
                self.block(&h, body);
            }
            StmtKind::Assert { test, msg } => {
                let mut t = format!("assert {}", self.e(test));
                if let Some(m) = msg {
                    t.push_str(", ");
                    t.push_str(&self.e(m));
                }
                self.line(&t);
            }
            StmtKind::Delete(targets) => {
                let t: Vec<String> = targets.iter().map(|t| self.expr(t, BOR)).collect();
                let t = format!("del {}", t.join(", "));
                self.line(&t);
            }
            StmtKind::Global(names) | StmtKind::Nonlocal(names) => {
                let kw = if matches!(s.kind, StmtKind::Global(_)) {
                    "global"
                } else {
                    "nonlocal"
                };
                let n: Vec<&str> = names.iter().map(|n| n.name.as_str()).collect();
                self.line(&format!("{kw} {}", n.join(", ")));
            }
        }
    }

    fn orelse_if(&mut self, orelse: &[Stmt]) {
        if let [
            Stmt {
                kind:
                    StmtKind::If {
                        test,
                        body,
                        orelse: inner,
                    },
                ..
            },
        ] = orelse
        {
            let h = format!("elif {}:", self.e(test));
            self.block(&h, body);
            self.orelse_if(inner);
        } else if !orelse.is_empty() {
            self.block("else:", orelse);
        }
    }

    fn param(&mut self, p: &Param, star: &str) -> String {
        let mut t = format!("{star}{}", p.name.name);
        if let Some(a) = &p.annotation {
            t.push_str(": ");
            t.push_str(&self.e(a));
        }
        if let Some(d) = &p.default {
            t.push_str(if p.annotation.is_some() { " = " } else { "=" });
            t.push_str(&self.e(d));
        }
        t
    }

    fn params(&mut self, ps: &Parameters) -> String {
        let mut parts = Vec::new();
        for p in &ps.posonly {
            parts.push(self.param(p, ""));
        }
        if !ps.posonly.is_empty() {
            parts.push("/".to_string());
        }
        for p in &ps.args {
            parts.push(self.param(p, ""));
        }
        match &ps.vararg {
            Some(v) => parts.push(self.param(v, "*")),
            None if !ps.kwonly.is_empty() => parts.push("*".to_string()),
            None => {}
        }
        for p in &ps.kwonly {
            parts.push(self.param(p, ""));
        }
        if let Some(k) = &ps.kwarg {
            parts.push(self.param(k, "**"));
        }
        parts.join(", ")
    }

    fn args(&mut self, args: &[Expr], keywords: &[Keyword]) -> String {
        let mut parts: Vec<String> = args.iter().map(|a| self.e(a)).collect();
        for k in keywords {
            parts.push(match &k.arg {
                Some(a) => format!("{}={}", a.name, self.e(&k.value)),
                None => format!("**{}", self.expr(&k.value, BOR)),
            });
        }
        parts.join(", ")
    }

    fn comps(&mut self, gens: &[Comprehension]) -> String {
        let mut t = String::new();
        for g in gens {
            t.push_str(&format!(
                " for {} in {}",
                self.expr(&g.target, BOR),
                self.expr(&g.iter, OR)
            ));
            for c in &g.ifs {
                t.push_str(&format!(" if {}", self.expr(c, OR)));
            }
        }
        t
    }

    fn items(&mut self, es: &[Expr]) -> String {
        let v: Vec<String> = es.iter().map(|e| self.e(e)).collect();
        v.join(", ")
    }

    /// Renders `e`, parenthesized when its precedence is below `min`.
    fn expr(&mut self, e: &Expr, min: u8) -> String {
        let (own, text) = self.expr_inner(e);
        if own < min { format!("({text})") } else { text }
    }

    fn expr_inner(&mut self, e: &Expr) -> (u8, String) {
        match &e.kind {
            ExprKind::BoolOp { op, values } => {
                let (own, word) = if *op == BoolOp::Or {
                    (OR, " or ")
                } else {
                    (AND, " and ")
                };
                let v: Vec<String> = values.iter().map(|v| self.expr(v, own + 1)).collect();
                (own, v.join(word))
            }
            ExprKind::NamedExpr { target, value } => {
                (ATOM, format!("({} := {})", target.name, self.e(value)))
            }
            ExprKind::BinOp { left, op, right } => {
                let own = binop_prec(*op);
                let (lmin, rmin) = if *op == BinOp::Pow {
                    (AWAIT, FACTOR)
                } else {
                    (own, own + 1)
                };
                (
                    own,
                    format!(
                        "{} {} {}",
                        self.expr(left, lmin),
                        op.as_str(),
                        self.expr(right, rmin)
                    ),
                )
            }
            ExprKind::UnaryOp { op, operand } => match op {
                UnaryOp::Not => (NOT, format!("not {}", self.expr(operand, NOT))),
                UnaryOp::Invert => (FACTOR, format!("~{}", self.expr(operand, FACTOR))),
                UnaryOp::UAdd => (FACTOR, format!("+{}", self.expr(operand, FACTOR))),
                UnaryOp::USub => (FACTOR, format!("-{}", self.expr(operand, FACTOR))),
            },
            ExprKind::Lambda { params, body } => {
                let p = self.params(params);
                let sep = if p.is_empty() { "" } else { " " };
                (
                    LAMBDA,
                    format!("lambda{sep}{p}: {}", self.expr(body, LAMBDA)),
                )
            }
            ExprKind::IfExp { test, body, orelse } => {
                let t = format!(
                    "{} if {} else {}",
                    self.expr(body, OR),
                    self.expr(test, OR),
                    self.expr(orelse, TEST)
                );
                (TEST, t)
            }
            ExprKind::Dict(items) => {
                let v: Vec<String> = items
                    .iter()
                    .map(|i| match i {
                        DictItem::Pair(k, v) => format!("{}: {}", self.t(k), self.e(v)),
                        DictItem::Unpack(v) => format!("**{}", self.expr(v, BOR)),
                    })
                    .collect();
                (ATOM, format!("{{{}}}", v.join(", ")))
            }
            ExprKind::Set(es) => (ATOM, format!("{{{}}}", self.items(es))),
            ExprKind::List(es) => (ATOM, format!("[{}]", self.items(es))),
            ExprKind::Tuple(es) => {
                let t = self.items(es);
                (
                    ATOM,
                    if es.len() == 1 {
                        format!("({t},)")
                    } else {
                        format!("({t})")
                    },
                )
            }
            ExprKind::ListComp { elt, generators } => {
                (ATOM, format!("[{}{}]", self.e(elt), self.comps(generators)))
            }
            ExprKind::SetComp { elt, generators } => (
                ATOM,
                format!("{{{}{}}}", self.e(elt), self.comps(generators)),
            ),
            ExprKind::GeneratorExp { elt, generators } => {
                (ATOM, format!("({}{})", self.e(elt), self.comps(generators)))
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                let t = format!(
                    "{{{}: {}{}}}",
                    self.e(key),
                    self.e(value),
                    self.comps(generators)
                );
                (ATOM, t)
            }
            ExprKind::Await(v) => (AWAIT, format!("await {}", self.expr(v, ATOM))),
            ExprKind::Yield(v) => match v {
                Some(v) => (ATOM, format!("(yield {})", self.e(v))),
                None => (ATOM, "(yield)".to_string()),
            },
            ExprKind::YieldFrom(v) => (ATOM, format!("(yield from {})", self.e(v))),
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                let mut t = self.expr(left, BOR);
                for (op, c) in ops.iter().zip(comparators) {
                    t.push_str(&format!(" {} {}", op.as_str(), self.expr(c, BOR)));
                }
                (CMP, t)
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => (
                ATOM,
                format!("{}({})", self.expr(func, ATOM), self.args(args, keywords)),
            ),
            ExprKind::FString(parts) => (ATOM, self.fstring(parts)),
            ExprKind::Attribute { value, attr } => {
                let v = self.expr(value, ATOM);
                let v = if matches!(value.kind, ExprKind::Int(_)) {
                    format!("({v})")
                } else {
                    v
                };
                (ATOM, format!("{v}.{}", attr.name))
            }
            ExprKind::Subscript { value, slice } => {
                let s = match &slice.kind {
                    ExprKind::Tuple(items) if !items.is_empty() => {
                        let t = self.items(items);
                        if items.len() == 1 { format!("{t},") } else { t }
                    }
                    _ => self.e(slice),
                };
                (ATOM, format!("{}[{s}]", self.expr(value, ATOM)))
            }
            ExprKind::Starred(v) => (ATOM, format!("*{}", self.expr(v, BOR))),
            ExprKind::Name(n) => (ATOM, n.clone()),
            ExprKind::Slice { lower, upper, step } => {
                let mut t = String::new();
                if let Some(l) = lower {
                    t.push_str(&self.t(l));
                }
                t.push(':');
                if let Some(u) = upper {
                    t.push_str(&self.t(u));
                }
                if let Some(s) = step {
                    t.push(':');
                    t.push_str(&self.e(s));
                }
                (ATOM, t)
            }
            ExprKind::None => (ATOM, "None".into()),
            ExprKind::Bool(b) => (ATOM, if *b { "True" } else { "False" }.into()),
            ExprKind::Int(IntValue::Small(v)) => {
                (if *v < 0 { FACTOR } else { ATOM }, v.to_string())
            }
            ExprKind::Int(IntValue::Big(s)) => (ATOM, s.clone()),
            ExprKind::Float(f) => (ATOM, float_repr(*f)),
            ExprKind::Str(s) => (ATOM, str_repr(s, self.quote)),
            ExprKind::Bytes(b) => (ATOM, bytes_repr(b)),
            ExprKind::Ellipsis => (ATOM, "...".into()),
            ExprKind::Error => (ATOM, "__error__".into()),
        }
    }

    fn fstring(&mut self, parts: &[FStringPart]) -> String {
        let candidates = [("'", '"'), ("\"", '\''), ("'''", '"'), ("\"\"\"", '\'')];
        let mut body = String::new();
        for (q, inner) in candidates {
            body = self.fparts(parts, q, inner, false);
            let ok = fields_text(parts, self, inner)
                .iter()
                .all(|f| !f.contains(q));
            if ok {
                return format!("f{q}{body}{q}");
            }
        }
        format!("f'{body}'")
    }

    fn field_text(&mut self, f: &FormattedValue, inner: char) -> String {
        if let Some(d) = &f.debug_text {
            return d.clone();
        }
        let saved = self.quote.replace(inner);
        let t = self.expr(&f.expr, TEST);
        self.quote = saved;
        if t.starts_with('{') {
            format!(" {t}")
        } else {
            t
        }
    }

    fn fparts(&mut self, parts: &[FStringPart], q: &str, inner: char, in_spec: bool) -> String {
        let qc = q.chars().next().unwrap_or('\'');
        let mut out = String::new();
        for p in parts {
            match p {
                FStringPart::Literal(s) => {
                    for c in s.chars() {
                        match c {
                            '{' if !in_spec => out.push_str("{{"),
                            '}' if !in_spec => out.push_str("}}"),
                            _ => escape_char(c, qc, &mut out),
                        }
                    }
                }
                FStringPart::Field(f) => {
                    out.push('{');
                    out.push_str(&self.field_text(f, inner));
                    if let Some(c) = f.conversion {
                        out.push('!');
                        out.push(c);
                    }
                    if let Some(spec) = &f.format_spec {
                        out.push(':');
                        out.push_str(&self.fparts(spec, q, inner, true));
                    }
                    out.push('}');
                }
            }
        }
        out
    }
}

fn fields_text(parts: &[FStringPart], u: &mut Unparser, inner: char) -> Vec<String> {
    let mut out = Vec::new();
    for p in parts {
        if let FStringPart::Field(f) = p {
            out.push(u.field_text(f, inner));
            if let Some(spec) = &f.format_spec {
                out.extend(fields_text(spec, u, inner));
            }
        }
    }
    out
}

fn aliases(names: &[Alias]) -> String {
    let v: Vec<String> = names
        .iter()
        .map(|a| match &a.asname {
            Some(n) => format!("{} as {}", a.name.name, n.name),
            None => a.name.name.clone(),
        })
        .collect();
    v.join(", ")
}

/// A float as Python source that reads back as the same value.
fn float_repr(f: f64) -> String {
    if f.is_infinite() {
        return if f > 0.0 {
            "1e999".into()
        } else {
            "-1e999".into()
        };
    }
    if f.is_nan() {
        return "(1e999 - 1e999)".into();
    }
    crate::core::py::float::float_repr(f)
}

fn escape_char(c: char, quote: char, out: &mut String) {
    match c {
        '\\' => out.push_str("\\\\"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        c if c == quote => {
            out.push('\\');
            out.push(c);
        }
        c if (c as u32) < 0x20 || c == '\x7f' => out.push_str(&format!("\\x{:02x}", c as u32)),
        c => out.push(c),
    }
}

/// A string literal, like Python's `repr` (or with a forced quote inside f-string fields).
pub fn str_repr(s: &str, forced: Option<char>) -> String {
    let q = forced.unwrap_or(if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    });
    let mut out = String::with_capacity(s.len() + 2);
    out.push(q);
    for c in s.chars() {
        escape_char(c, q, &mut out);
    }
    out.push(q);
    out
}

fn bytes_repr(b: &[u8]) -> String {
    let mut out = String::from("b'");
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\'' => out.push_str("\\'"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x20..=0x7e => out.push(byte as char),
            _ => out.push_str(&format!("\\x{byte:02x}")),
        }
    }
    out.push('\'');
    out
}

#[cfg(test)]
mod tests;
