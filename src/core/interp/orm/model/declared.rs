//! What a class body declares beyond its columns: `relationship()` options (`backref`,
//! `back_populates`, `lazy`, `cascade`, `secondary`, `order_by` strings, `foreign_keys`,
//! `primaryjoin`), and table-level constraints.

use crate::core::orm::mapper::{Lazy, PendingOrderBy, Relationship};
use crate::core::orm::naming::camel_to_snake_case;
use crate::core::orm::schema::Constraint;
use crate::core::sql::Expr;

use super::super::super::value::Value;
use super::super::super::{Interp, R};
use super::super::Native;

impl Interp<'_> {
    /// A relationship's `foreign_keys=`: the columns' names, from columns (mapped or still
    /// being declared) and attributes; strings (`'Message.sender_id'`, `'[A.x, A.y]'`) as
    /// they are, each `Class.attr` resolved to its column once the class is mapped.
    fn foreign_key_names(&mut self, v: &Value) -> R<Vec<String>> {
        let items = match v {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => (**t).clone(),
            other => vec![other.clone()],
        };
        let mut out = vec![];
        for it in items {
            match &it {
                Value::Str(s) => {
                    // (`'Order.cust'` stays whole: `Registry::finalize` finds the column
                    // of that attribute once the class is mapped.)
                    for part in s.trim_matches(|c| c == '[' || c == ']').split(',') {
                        let name = part.trim();
                        if !name.is_empty() {
                            out.push(name.to_string());
                        }
                    }
                }
                other => {
                    let Some(s) = self.as_sql(other) else {
                        return self.raise(
                            "ArgumentError",
                            "foreign_keys= takes columns or their names",
                        );
                    };
                    let e = self.orm.resolve_specs(&s.expr);
                    match e {
                        crate::core::sql::Expr::Column { name, .. } => out.push(name),
                        _ => {
                            return self.raise(
                                "ArgumentError",
                                "foreign_keys= takes columns or their names",
                            );
                        }
                    }
                }
            }
        }
        Ok(out)
    }

    /// The relationship `key` declared on class `owner` (not mapped yet).
    pub(super) fn relationship_from(
        &mut self,
        owner: &str,
        key: &str,
        r: &super::super::RelSpec,
    ) -> R<Relationship> {
        let mut rel = Relationship::new(key, &r.target);
        // (`foreign_keys=` first: a `primaryjoin=` given before it is taken with it.)
        if let Some((_, v)) = r.kwargs.iter().find(|(k, _)| &**k == "foreign_keys") {
            rel.foreign_keys = self.foreign_key_names(v)?;
        }
        for (k, v) in &r.kwargs {
            match (&**k, v) {
                ("backref", Value::Str(s)) => rel.backref = Some(s.to_string()),
                ("backref", Value::Native(n)) => {
                    if let Native::BackrefSpec(name, kw) = &**n {
                        rel.backref = Some(name.to_string());
                        for (bk, bv) in kw {
                            match (&**bk, bv) {
                                ("lazy", _) => {
                                    rel.backref_lazy = self.lazy_from(bv, &mut rel.backref_bad_lazy)
                                }
                                ("uselist", _) => rel.backref_uselist = Some(self.truthy(bv)?),
                                ("innerjoin", _) => rel.backref_innerjoin = self.truthy(bv)?,
                                ("single_parent", _) => {
                                    rel.backref_single_parent = self.truthy(bv)?
                                }
                                ("cascade", Value::Str(c)) => {
                                    rel.backref_cascade = given_cascade(c)
                                }
                                // `order_by=lambda: Post.title` naming this class, not
                                // defined yet: called when the mappers are configured (on
                                // the reverse relationship, a placeholder until then).
                                ("order_by", f @ Value::Func(_))
                                    if self.call(f, vec![], vec![]).is_err() =>
                                {
                                    self.orm.order_by_calls.push((
                                        r.target.to_string(),
                                        name.to_string(),
                                        0,
                                        f.clone(),
                                    ));
                                    rel.backref_order_by = vec![Expr::raw("NULL")];
                                }
                                ("order_by", _) => {
                                    // The reverse side's target is this class, mapped just
                                    // after: its strings resolve when it is (finalize).
                                    let (exprs, pending, _) = self.order_by_of(bv, owner, 0)?;
                                    rel.backref_order_by = exprs;
                                    rel.backref_pending_order_by = pending;
                                }
                                _ => {}
                            }
                            if &**bk == "remote_side" {
                                self.orm.rel_direction.push((
                                    r.target.clone(),
                                    name.to_string(),
                                    crate::core::orm::mapper::RelKind::ManyToOne,
                                ));
                            }
                        }
                    }
                }
                ("back_populates", Value::Str(s)) => rel.back_populates = Some(s.to_string()),
                ("lazy", v) => {
                    rel.lazy = self.lazy_from(v, &mut rel.bad_lazy);
                    rel.lazy_flag = match v {
                        Value::Bool(b) => Some(*b),
                        _ => None,
                    };
                }
                ("cascade", Value::Str(s)) => rel.cascade = given_cascade(s),
                ("secondary", Value::Native(n)) => {
                    if let Native::Table(t) = &**n {
                        rel.secondary = Some(t.to_string());
                    }
                }
                ("secondary", Value::Str(s)) => rel.secondary = Some(s.to_string()),
                ("uselist", v) => rel.uselist = Some(self.truthy(v)?),
                // `order_by=lambda: K.id.desc()` naming a class defined later: called
                // again when the mappers are configured (a placeholder until then).
                ("order_by", f @ Value::Func(_)) if self.call(f, vec![], vec![]).is_err() => {
                    let at = rel.order_by.len();
                    self.orm.order_by_calls.push((
                        owner.to_string(),
                        key.to_string(),
                        at,
                        f.clone(),
                    ));
                    rel.order_by.push(Expr::raw("NULL"));
                }
                ("order_by", v) => {
                    let (exprs, pending, deferred) =
                        self.order_by_of(v, &r.target, rel.order_by.len())?;
                    rel.order_by.extend(exprs);
                    rel.pending_order_by.extend(pending);
                    rel.order_by_strings.extend(deferred);
                }
                ("remote_side", _) => {
                    rel.direction = Some(crate::core::orm::mapper::RelKind::ManyToOne);
                }
                ("primaryjoin" | "secondaryjoin", Value::Str(s)) => {
                    rel.join_strings
                        .push((&**k == "primaryjoin", s.to_string()));
                }
                // (A callable: called now, or when the classes it names are defined.)
                ("primaryjoin" | "secondaryjoin", f @ Value::Func(_)) => {
                    let primary = &**k == "primaryjoin";
                    match self
                        .call(f, vec![], vec![])
                        .ok()
                        .and_then(|v| self.as_sql(&v))
                    {
                        Some(e) => self.set_join_condition(&mut rel, primary, &e.expr)?,
                        None => {
                            let call = (owner.to_string(), key.to_string(), primary, f.clone());
                            self.orm.join_calls.push(call);
                        }
                    }
                }
                ("primaryjoin" | "secondaryjoin", v) => {
                    if let Some(e) = self.as_sql(v) {
                        self.set_join_condition(&mut rel, &**k == "primaryjoin", &e.expr)?;
                    }
                }
                ("innerjoin", v) => rel.innerjoin = self.truthy(v)?,
                ("single_parent", v) => rel.single_parent = self.truthy(v)?,
                ("collection_class", _) => rel.custom_collection = true,
                ("passive_deletes", v) => {
                    rel.passive_deletes = self.truthy(v)?;
                    rel.passive_deletes_all = matches!(v, Value::Str(s) if &**s == "all");
                }
                // A view-only relationship saves nothing: no save-update cascade (what is
                // appended to it stays out of the session).
                ("viewonly", v) if self.truthy(v)? => {
                    rel.viewonly = true;
                    if rel.cascade.trim().is_empty() {
                        rel.cascade = "none".into();
                    }
                }
                _ => {}
            }
        }
        Ok(rel)
    }

    /// `relationship(lambda: Kid)`'s target: the class the callable gives, or, that class
    /// not defined yet, the name it holds.
    pub(crate) fn relationship_target_of(&mut self, f: &Value) -> R<String> {
        if let Ok(Value::Class(c)) = self.call(f, vec![], vec![]) {
            return Ok(c.name.to_string());
        }
        match f {
            Value::Func(func)
                if let crate::core::interp::value::FuncBody::Expr(e) = &func.body
                    && let crate::core::lang::ast::ExprKind::Name(n) = &e.kind =>
            {
                Ok(n.clone())
            }
            _ => self.unsupported("a `relationship()` target callable that does not name a class"),
        }
    }

    /// A relationship's `order_by=` (one item or a list): expressions as they are, strings
    /// through [`Interp::string_order_by`] (`target` is the relationship's target class;
    /// `start` the position of the first item among the relationship's `order_by`).
    /// Strings beyond those forms are evaluated as Python now, or, naming a class not
    /// defined yet, left as placeholders listed by their entry (see
    /// `Relationship::order_by_strings`).
    #[allow(clippy::type_complexity)]
    pub(super) fn order_by_of(
        &mut self,
        v: &Value,
        target: &str,
        start: usize,
    ) -> R<(Vec<Expr>, Vec<PendingOrderBy>, Vec<(usize, String)>)> {
        let items = match v {
            Value::List(_) | Value::Tuple(_) => self.iterate(v)?,
            // `order_by=lambda: ...`: called now when the classes it names exist (else the
            // caller defers it; SQLAlchemy calls it when the mappers are configured).
            Value::Func(_) => {
                let r = self.call(v, vec![], vec![])?;
                return self.order_by_of(&r, target, start);
            }
            other => vec![other.clone()],
        };
        let (mut exprs, mut pending) = (Vec::with_capacity(items.len()), Vec::new());
        let mut deferred = Vec::new();
        for it in items {
            if let Value::Str(s) = &it {
                // a string holding a list or tuple: `'[A.x.desc(), A.y]'`
                let t = s.trim();
                let inner = t
                    .strip_prefix('[')
                    .and_then(|t| t.strip_suffix(']'))
                    .or_else(|| t.strip_prefix('(').and_then(|t| t.strip_suffix(')')));
                // (Unbracketed, `'A.x.desc(), A.y'` is a tuple too.)
                let parts: Vec<&str> = split_top_level(inner.unwrap_or(t));
                for part in parts {
                    if !is_column_path(part) {
                        match self.eval_join_string(part) {
                            Some(e) => exprs.push(self.orm.resolve_specs(&e)),
                            None => {
                                deferred.push((start + exprs.len(), part.trim().to_owned()));
                                exprs.push(Expr::raw("NULL"));
                            }
                        }
                        continue;
                    }
                    let (e, p) = self.string_order_by(target, part, start + exprs.len());
                    exprs.push(e);
                    pending.extend(p);
                }
            } else {
                // (A class body's column in an expression, `order_by=name.desc()`, is a
                // placeholder until its class is mapped, as it is by now.)
                let e = self.to_expr(&it, None)?.expr;
                exprs.push(self.orm.resolve_specs(&e));
            }
        }
        Ok((exprs, pending, deferred))
    }

    /// `order_by='Class.column'` (or `'desc(Class.column)'`, `'Class.column.desc()'`,
    /// `'column'` of the target). A class not mapped yet gives a placeholder plus the
    /// [`PendingOrderBy`] that `Registry::finalize` resolves once it is.
    fn string_order_by(
        &mut self,
        target: &str,
        s: &str,
        index: usize,
    ) -> (Expr, Option<PendingOrderBy>) {
        let s = s.trim();
        let (path, desc) = if let Some(p) = s.strip_suffix(".desc()") {
            (p, true)
        } else if let Some(p) = s.strip_prefix("desc(").and_then(|p| p.strip_suffix(')')) {
            (p.trim(), true)
        } else if let Some(p) = s.strip_prefix("asc(").and_then(|p| p.strip_suffix(')')) {
            (p.trim(), false)
        } else {
            (s.strip_suffix(".asc()").unwrap_or(s), false)
        };
        let (class, col) = match path.rsplit_once('.') {
            Some((class, col)) => (class.rsplit('.').next().unwrap_or(class), col),
            None => (target, path),
        };
        let (table, pending) = match self.orm.reg.table_of(class) {
            // (The attribute's column: `number = Column('OrderNo', ...)` orders by `OrderNo`.)
            Ok(t) => {
                let e = Expr::col(&t.name, t.col_by_key(col).map_or(col, |c| &c.name));
                return (if desc { e.desc() } else { e }, None);
            }
            Err(_) => (
                camel_to_snake_case(class),
                Some(PendingOrderBy {
                    index,
                    class: class.to_owned(),
                    column: col.to_owned(),
                    desc,
                    source: s.to_owned(),
                }),
            ),
        };
        let e = Expr::col(table, col);
        (if desc { e.desc() } else { e }, pending)
    }

    /// The loader strategy `lazy=` names; one it does not name is kept in `bad` (raised
    /// when the mappers are configured) and loads as `'select'`.
    fn lazy_from(&mut self, v: &Value, bad: &mut Option<String>) -> Lazy {
        match v {
            Value::Bool(true) => Lazy::Select,
            Value::Bool(false) => Lazy::Joined,
            Value::Str(s) => match &**s {
                "select" => Lazy::Select,
                "dynamic" => Lazy::Dynamic,
                "write_only" => Lazy::WriteOnly,
                "joined" => Lazy::Joined,
                "subquery" => Lazy::Subquery,
                "selectin" => Lazy::Selectin,
                "immediate" => Lazy::Immediate,
                "noload" => Lazy::NoLoad,
                "raise" => Lazy::Raise,
                "raise_on_sql" => Lazy::RaiseOnSql,
                other => {
                    *bad = Some(other.to_owned());
                    Lazy::Select
                }
            },
            Value::None => Lazy::NoLoad,
            _ => Lazy::Select,
        }
    }

    pub(super) fn constraint_from(&mut self, v: &Value) -> R<Option<Constraint>> {
        if let Value::Native(n) = v
            && let Native::ConstraintSpec(c, _) = &**n
        {
            let mut c = (**c).clone();
            if let Constraint::Unique { columns, .. } | Constraint::PrimaryKey { columns, .. } =
                &mut c
            {
                for col in columns.iter_mut() {
                    let e = crate::core::sql::Expr::col(col.clone(), "");
                    if let crate::core::sql::Expr::Column { name, .. } = self.orm.resolve_specs(&e)
                        && !name.is_empty()
                    {
                        *col = name.to_string();
                    }
                }
            }
            return Ok(Some(c));
        }
        Ok(None)
    }
}

/// The comma-separated items of a list written in a string (commas inside parentheses
/// belong to their item), trimmed, empty ones left out.
fn split_top_level(s: &str) -> Vec<&str> {
    let (mut out, mut depth, mut from) = (Vec::new(), 0i32, 0);
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' if depth == 0 => {
                out.push(s[from..i].trim());
                from = i + 1;
            }
            _ => {}
        }
    }
    out.push(s[from..].trim());
    out.retain(|p| !p.is_empty());
    out
}

/// `cascade=` as given: `''` is no cascade at all (kept as `"none"`), where leaving it
/// out is the default one.
fn given_cascade(c: &str) -> String {
    if c.trim().is_empty() {
        "none".to_string()
    } else {
        c.to_string()
    }
}

/// True for the `order_by=` strings [`Interp::string_order_by`] reads itself: `column`,
/// `Class.column`, with `.asc()`/`.desc()` or inside `asc(...)`/`desc(...)`.
fn is_column_path(s: &str) -> bool {
    let s = s.trim();
    let path = (s
        .strip_suffix(".desc()")
        .or_else(|| s.strip_suffix(".asc()")))
    .or_else(|| {
        (s.strip_prefix("desc(").or_else(|| s.strip_prefix("asc(")))
            .and_then(|p| p.strip_suffix(')'))
    })
    .unwrap_or(s)
    .trim();
    !path.is_empty()
        && path.split('.').all(|p| {
            p.chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() || c == '_')
                && p.chars().all(|c| c.is_alphanumeric() || c == '_')
        })
}

#[cfg(test)]
mod tests {
    use super::split_top_level;

    #[test]
    fn splits_a_list_written_in_a_string() {
        assert_eq!(
            split_top_level(" A.x.desc(), desc(A.y) ,A.z, "),
            vec!["A.x.desc()", "desc(A.y)", "A.z"]
        );
        assert_eq!(split_top_level("A.x"), vec!["A.x"]);
        assert!(split_top_level(" ").is_empty());
    }
}
