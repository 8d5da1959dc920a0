//! Rendering expressions: operators and their operands, function calls, bound values.

use super::*;

impl Renderer {
    pub(super) fn expr(&mut self, e: &Expr, ctx: Ctx) -> String {
        match e {
            Expr::Column { table, name } => {
                // (Numbered in the order the text shows them: the table, then the column,
                // which may be a subquery's anonymous label.)
                let t = table.as_ref().map(|t| self.table_name(t));
                let name = match name.starts_with(ANON_LABEL) {
                    true => self.label_name(name),
                    false => name.clone(),
                };
                match t {
                    Some(t) => format!("{}.{}", self.q(&t), self.q(&name)),
                    None => self.q(&name).into_owned(),
                }
            }
            Expr::Bind(v, _) if self.literal_binds => literal(v, self.dialect),
            Expr::Bind(v, _) if self.dialect == Dialect::Sqlite && !self.postcompile => {
                self.params.push(v.clone());
                "?".into()
            }
            Expr::Bind(v, id) => {
                self.params.push(v.clone());
                // (A parameter met again, the same expression used twice, keeps the name it
                // was given first: named once.)
                let named = match self.bind_ids.get(&id.get()) {
                    Some(name) => name.clone(),
                    None if self.dialect == Dialect::Generic || self.postcompile => {
                        let base = self.bind_hint.clone().unwrap_or_else(|| "param".into());
                        let name = self.bind_name(&base);
                        self.bind_ids.insert(id.get(), name.clone());
                        self.named.push((name.clone(), vec![v.clone()], false));
                        name
                    }
                    None => String::new(),
                };
                match self.dialect {
                    Dialect::Sqlite => "?".into(),
                    Dialect::Generic => format!(":{named}"),
                }
            }
            Expr::Raw(s) => s.clone(),
            Expr::Text { sql, binds } => match self.dialect {
                Dialect::Generic => sql.clone(),
                Dialect::Sqlite => {
                    let (pos, names) = super::super::text::positional(sql);
                    for n in names {
                        let v = binds.iter().find(|(k, _)| *k == n).map(|(_, v)| v.clone());
                        self.params.push(v.unwrap_or(SqlValue::Null));
                    }
                    pos
                }
            },
            Expr::Bool(b) => match (self.dialect, b) {
                (Dialect::Sqlite, true) => "1".into(),
                (Dialect::Sqlite, false) => "0".into(),
                (Dialect::Generic, true) => "true".into(),
                (Dialect::Generic, false) => "false".into(),
            },
            Expr::AsBoolean { expr, is_true } => {
                let inner = self.expr(expr, Ctx::Normal);
                match (self.dialect, is_true) {
                    (Dialect::Sqlite, true) => format!("{inner} = 1"),
                    (Dialect::Sqlite, false) => format!("{inner} = 0"),
                    (Dialect::Generic, true) => inner,
                    (Dialect::Generic, false) => format!("NOT {inner}"),
                }
            }
            Expr::Null => "NULL".into(),
            Expr::Star => "*".into(),
            Expr::Binary { left, op, right } => self.binary(left, *op, right),
            Expr::List { op, items } => {
                let sep = match op {
                    Op::Comma => ", ".to_string(),
                    o => format!(" {} ", o.sql()),
                };
                let parts: Vec<String> = items.iter().map(|i| self.expr(i, Ctx::Normal)).collect();
                parts.join(&sep)
            }
            Expr::Unary { op, operand } => {
                let inner = self.expr(operand, Ctx::Normal);
                match op {
                    Op::Neg => format!("-{inner}"),
                    o => format!("{} {inner}", o.sql()),
                }
            }
            Expr::Order { expr, desc } => {
                let inner = self.expr(expr, ctx);
                format!("{inner} {}", if *desc { "DESC" } else { "ASC" })
            }
            Expr::Nulls { expr, last } => {
                let inner = self.expr(expr, ctx);
                format!("{inner} NULLS {}", if *last { "LAST" } else { "FIRST" })
            }
            Expr::Func { name, args } => self.func(name, args),
            // (A label is named in ORDER BY only when the SELECT has it.)
            Expr::Label { name, expr } if self.col_labels.contains(name) => {
                if ctx == Ctx::OrderBy {
                    let name = self.label_name(name);
                    self.q(&name).into_owned()
                } else {
                    self.expr(expr, ctx)
                }
            }
            Expr::Label { expr, .. } => self.expr(expr, ctx),
            Expr::LabelRef(name) => self.q(name).into_owned(),
            Expr::Grouping(inner) => format!("({})", self.expr(inner, Ctx::Normal)),
            Expr::Case {
                subject,
                whens,
                else_,
            } => {
                let mut s = String::from("CASE");
                if let Some(x) = subject {
                    s.push(' ');
                    s.push_str(&self.expr(x, Ctx::Normal));
                }
                for (c, v) in whens {
                    let c = self.expr(c, Ctx::Normal);
                    let v = self.expr(v, Ctx::Normal);
                    s.push_str(&format!(" WHEN {c} THEN {v}"));
                }
                if let Some(e) = else_ {
                    let e = self.expr(e, Ctx::Normal);
                    s.push_str(&format!(" ELSE {e}"));
                }
                s.push_str(" END");
                s
            }
            // (A coerced bind, `literal()`'s, is named `param_N` wherever it stands.)
            Expr::Cast {
                expr, coerce: true, ..
            } if matches!(**expr, Expr::Bind(..)) => {
                let saved = self.bind_hint.take();
                let s = self.expr(expr, ctx);
                self.bind_hint = saved;
                s
            }
            Expr::Cast {
                expr, coerce: true, ..
            } => self.expr(expr, ctx),
            // `extract('year', x)`: SQLite's form is a STRFTIME field cast to INTEGER (the
            // field's format written in); the default dialect prints `EXTRACT(year FROM x)`.
            Expr::Cast { expr, ty, .. }
                if self.dialect == Dialect::Generic
                    && let Some((field, inner)) = extract_parts(expr, ty) =>
            {
                format!("EXTRACT({field} FROM {})", self.expr(inner, Ctx::Normal))
            }
            Expr::Cast { expr, ty, .. } => {
                format!("CAST({} AS {})", self.expr(expr, Ctx::Normal), ty.ddl())
            }
            // Only reached outside a LIKE-family operator (which renders the ESCAPE itself).
            Expr::Escape { pattern, .. } => self.expr(pattern, Ctx::Normal),
            // Only reached outside its custom operator's binary.
            Expr::CustomOperand { operand, .. } => self.expr(operand, Ctx::Normal),
            Expr::Filter { func, cond } => {
                let f = self.expr(func, Ctx::Normal);
                format!("{f} FILTER (WHERE {})", self.expr(cond, Ctx::Normal))
            }
            Expr::Over {
                func,
                partition_by,
                order_by,
                frame,
            } => {
                let f = self.expr(func, Ctx::Normal);
                let mut parts = vec![];
                if !partition_by.is_empty() {
                    let p: Vec<String> = partition_by
                        .iter()
                        .map(|e| self.expr(e, Ctx::Normal))
                        .collect();
                    parts.push(format!("PARTITION BY {}", p.join(", ")));
                }
                if !order_by.is_empty() {
                    let o: Vec<String> =
                        order_by.iter().map(|e| self.expr(e, Ctx::Normal)).collect();
                    parts.push(format!("ORDER BY {}", o.join(", ")));
                }
                for e in frame {
                    parts.push(self.expr(e, Ctx::Normal));
                }
                format!("{f} OVER ({})", parts.join(" "))
            }
            Expr::Select(s) => {
                self.nested_expr = true;
                format!("({})", self.select(s, false))
            }
        }
    }

    pub(super) fn binary(&mut self, left: &Expr, op: Op, right: &Expr) -> String {
        // A value on the left (`'Name: ' + User.name`, `10 - User.id`) is named after the
        // right side, as SQLAlchemy's reflected operators name it.
        let l = if matches!(left, Expr::Bind(..))
            && matches!(
                op,
                Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Mod | Op::FloorDiv | Op::Concat
            )
            && (self.dialect == Dialect::Generic || self.postcompile)
        {
            let saved = self.bind_hint.replace(bind_base(right));
            let l = self.expr(left, Ctx::Normal);
            self.bind_hint = saved;
            l
        } else {
            self.expr(left, Ctx::Normal)
        };
        // `a / b` of two integers (`Expr::div`): SQLite's compiler writes `a / (b + 0.0)`,
        // the default one `a / CAST(b AS NUMERIC)`.
        if op == Op::Div
            && self.dialect == Dialect::Generic
            && !self.postcompile
            && let Expr::Grouping(sum) = right
            && let Expr::Binary {
                left: divisor,
                op: Op::Add,
                right: zero,
            } = &**sum
            && matches!(&**zero, Expr::Raw(z) if z == "0.0")
        {
            let saved = self.bind_hint.replace(bind_base(left));
            let r = self.expr(divisor, Ctx::Normal);
            self.bind_hint = saved;
            // (Cast to the divisor's type when it is numeric: a float's is FLOAT.)
            let ty = match &**divisor {
                Expr::Bind(SqlValue::Real(_), _) => "FLOAT",
                _ => "NUMERIC",
            };
            return format!("{l} / CAST({r} AS {ty})");
        }
        if self.dialect == Dialect::Generic || self.postcompile {
            let base = bind_base(left);
            if matches!(op, Op::In | Op::NotIn)
                && matches!(right, Expr::List { items, .. } if items.iter().all(|i| row_binds(i).is_some()))
            {
                // An expanding parameter: its values are rendered at execution (or here,
                // as literals).
                let mut values = vec![];
                if let Expr::List { items, .. } = right {
                    for i in items {
                        values.extend(row_binds(i).unwrap_or_default());
                    }
                }
                let r = if self.literal_binds && values.is_empty() {
                    // (No values: the generic dialect's empty set, a NULL and a test
                    // that is false for IN, true for NOT IN.)
                    match op {
                        Op::NotIn => "(NULL) OR (1 = 1)".to_string(),
                        _ => "(NULL) AND (1 != 1)".to_string(),
                    }
                } else if self.literal_binds {
                    let v: Vec<String> = values
                        .iter()
                        .map(|x| literal(x, Dialect::Generic))
                        .collect();
                    format!("({})", v.join(", "))
                } else {
                    self.params.extend(values.iter().cloned());
                    // (The list's parameter is known by its first value's: the same
                    // `in_()` met again keeps its name.)
                    let key = match right {
                        Expr::List { items, .. } => items.first().and_then(first_bind_id),
                        _ => None,
                    };
                    let name = match key.and_then(|k| self.bind_ids.get(&k).cloned()) {
                        Some(name) => name,
                        None => {
                            let name = self.bind_name(&base);
                            if let Some(k) = key {
                                self.bind_ids.insert(k, name.clone());
                            }
                            self.named.push((name.clone(), values, true));
                            name
                        }
                    };
                    format!("(__[POSTCOMPILE_{name}])")
                };
                return if op == Op::NotIn {
                    format!("({l} NOT IN {r})")
                } else {
                    format!("{l} IN {r}")
                };
            }
            let saved = self.bind_hint.replace(base);
            let out = self.binary_sides(&l, op, right);
            self.bind_hint = saved;
            return out;
        }
        self.binary_sides(&l, op, right)
    }

    pub(super) fn binary_sides(&mut self, l: &str, op: Op, right: &Expr) -> String {
        if let Expr::Escape { pattern, escape } = right {
            let s = self.binary_sides(l, op, pattern);
            let c = escape.to_string().replace('\'', "''");
            return format!("{s} ESCAPE '{c}'");
        }
        // `ilike` and friends: both sides lowered, then the LIKE operator.
        if let Some(cs) = op.case_sensitive() {
            let r = format!("lower({})", self.expr(right, Ctx::Normal));
            return like_text(&format!("lower({l})"), cs, &r);
        }
        match op {
            Op::In | Op::NotIn => {
                let r = match right {
                    Expr::List { items, .. } if items.is_empty() => {
                        "(SELECT 1 FROM (SELECT 1) WHERE 1!=1)".to_string()
                    }
                    // (Row values: SQLite's dialect lists them as a VALUES clause.)
                    Expr::List { items, .. }
                        if items.iter().all(|i| matches!(i, Expr::Grouping(_))) =>
                    {
                        format!("(VALUES {})", self.expr(right, Ctx::Normal))
                    }
                    Expr::List { .. } => format!("({})", self.expr(right, Ctx::Normal)),
                    other => self.expr(other, Ctx::Normal),
                };
                if op == Op::NotIn {
                    format!("({l} NOT IN {r})")
                } else {
                    format!("{l} IN {r}")
                }
            }
            Op::StartsWith
            | Op::NotStartsWith
            | Op::EndsWith
            | Op::NotEndsWith
            | Op::Contains
            | Op::NotContains => {
                let r = self.expr(right, Ctx::Normal);
                like_text(l, op, &r)
            }
            Op::FloorDiv => format!("FLOOR({l} / {})", self.expr(right, Ctx::Normal)),
            Op::RegexpReplace => match right {
                Expr::List { items, .. } => {
                    let parts: Vec<String> =
                        items.iter().map(|i| self.expr(i, Ctx::Normal)).collect();
                    format!("{}({l}, {})", super::REGEXP_REPLACE, parts.join(", "))
                }
                other => format!(
                    "{}({l}, {})",
                    super::REGEXP_REPLACE,
                    self.expr(other, Ctx::Normal)
                ),
            },
            // (The default dialect has no REGEXP: `str()` shows SQLAlchemy's placeholder.)
            Op::Regexp | Op::NotRegexp if self.dialect == Dialect::Generic => {
                let r = self.expr(right, Ctx::Normal);
                match op {
                    Op::Regexp => format!("{l} <regexp> {r}"),
                    _ => format!("{l} <not regexp> {r}"),
                }
            }
            Op::Collate => match right {
                Expr::Raw(name) => format!("{l} COLLATE {}", self.q(name)),
                other => format!("{l} COLLATE {}", self.expr(other, Ctx::Normal)),
            },
            Op::Custom(_) => match right {
                Expr::CustomOperand { op, operand } => {
                    format!("{l} {op} {}", self.expr(operand, Ctx::Normal))
                }
                other => format!("{l} {}", self.expr(other, Ctx::Normal)),
            },
            Op::JsonGet | Op::JsonGetAs => {
                let r = self.expr(right, Ctx::Normal);
                match (self.dialect, op) {
                    (Dialect::Generic, _) => format!("{l}[{r}]"),
                    (_, Op::JsonGet) => format!("JSON_QUOTE(JSON_EXTRACT({l}, {r}))"),
                    _ => format!("JSON_EXTRACT({l}, {r})"),
                }
            }
            _ => format!("{l} {} {}", op.sql(), self.expr(right, Ctx::Normal)),
        }
    }

    pub(super) fn func(&mut self, name: &str, args: &[Expr]) -> String {
        let lower = name.to_ascii_lowercase();
        if args.is_empty() {
            match lower.as_str() {
                // (`now()` is SQLite's `CURRENT_TIMESTAMP`; the default dialect of `str()`
                // keeps the function.)
                "now" if self.dialect == Dialect::Generic => return "now()".into(),
                "now" | "current_timestamp" => return "CURRENT_TIMESTAMP".into(),
                "current_date" => return "CURRENT_DATE".into(),
                "current_time" => return "CURRENT_TIME".into(),
                "localtimestamp" => return "LOCALTIMESTAMP".into(),
                "localtime" => return "LOCALTIME".into(),
                "count" => return "count(*)".into(),
                _ => {}
            }
        }
        let name = if lower == "char_length" {
            "length"
        } else {
            name
        };
        // A plain value given to a function is a parameter named after it (`:round_1`).
        let mut parts = Vec::with_capacity(args.len());
        for a in args {
            let part = if let Expr::Bind(..) = a {
                let saved = self.bind_hint.replace(lower.clone());
                let p = self.expr(a, Ctx::Normal);
                self.bind_hint = saved;
                p
            } else {
                self.expr(a, Ctx::Normal)
            };
            parts.push(part);
        }
        format!("{name}({})", parts.join(", "))
    }
}

/// The bound values of an IN list item: a parameter, or a row value of parameters.
fn row_binds(e: &Expr) -> Option<Vec<SqlValue>> {
    match e {
        Expr::Bind(v, _) => Some(vec![v.clone()]),
        Expr::Grouping(inner) => match &**inner {
            Expr::List { items, .. } => items
                .iter()
                .map(|i| match i {
                    Expr::Bind(v, _) => Some(v.clone()),
                    _ => None,
                })
                .collect(),
            _ => None,
        },
        _ => None,
    }
}

/// The field and expression of `extract()` as SQLite's form holds them
/// (`CAST(STRFTIME('%Y', x) AS INTEGER)`, the format written in as raw SQL).
fn extract_parts<'a>(
    e: &'a Expr,
    ty: &crate::core::sql::SqlType,
) -> Option<(&'static str, &'a Expr)> {
    if *ty != crate::core::sql::SqlType::Integer {
        return None;
    }
    let Expr::Func { name, args } = e else {
        return None;
    };
    let [Expr::Raw(fmt), inner] = &args[..] else {
        return None;
    };
    if name != "STRFTIME" {
        return None;
    }
    let field = match fmt.as_str() {
        "'%m'" => "month",
        "'%d'" => "day",
        "'%Y'" => "year",
        "'%S'" => "second",
        "'%H'" => "hour",
        "'%j'" => "doy",
        "'%M'" => "minute",
        "'%s'" => "epoch",
        "'%w'" => "dow",
        "'%W'" => "week",
        _ => return None,
    };
    Some((field, inner))
}

/// The identity of the first bound parameter of an IN list's item (a tuple's first).
fn first_bind_id(e: &Expr) -> Option<u32> {
    match e {
        Expr::Bind(_, id) => Some(id.get()),
        Expr::List { items, .. } => items.first().and_then(first_bind_id),
        Expr::Grouping(inner) => first_bind_id(inner),
        _ => None,
    }
}
