//! Rendering SELECTs: the column list, FROM items and clauses, subqueries nested in them.

use super::*;

impl Renderer {
    /// The FROM items a SELECT displays: all of them, but for a SELECT nested as an
    /// expression those it correlates to an enclosing statement (SQLAlchemy's
    /// `_get_display_froms`).
    pub(super) fn display_froms<'s>(
        &mut self,
        s: &'s Select,
        nested_expr: bool,
    ) -> Vec<&'s FromItem> {
        let mut froms: Vec<&FromItem> = s.from.iter().collect();
        let Some(inner) = self.enclosing.last().filter(|_| nested_expr) else {
            return froms;
        };
        let anywhere = |r: &TableRef| self.enclosing.iter().any(|level| level.contains(r));
        let before = froms.len();
        match &s.correlate {
            Correlate::Auto if before > 1 => {
                froms.retain(|f| !f.table_ref().is_some_and(|r| inner.contains(&r)));
                // SQLAlchemy refuses a SELECT left with no FROM (noted for the caller to
                // raise); the text keeps them all.
                if froms.is_empty() {
                    self.no_froms = true;
                    froms = s.from.iter().collect();
                }
            }
            Correlate::Auto | Correlate::Off => {}
            Correlate::Only(these) => froms.retain(|f| {
                !f.table_ref()
                    .is_some_and(|r| these.contains(&r) && anywhere(&r))
            }),
            Correlate::Except(these) => froms.retain(|f| {
                !f.table_ref()
                    .is_some_and(|r| !these.contains(&r) && anywhere(&r))
            }),
        }
        froms
    }

    pub(super) fn select(&mut self, s: &Select, as_from: bool) -> String {
        let nested_expr = std::mem::take(&mut self.nested_expr);
        let froms = self.display_froms(s, nested_expr);
        let mut level = Vec::new();
        for f in &froms {
            f.table_refs(&mut level);
        }
        let top = self.enclosing.is_empty();
        self.enclosing.push(level);
        let out = self.select_body(s, as_from, &froms);
        self.enclosing.pop();
        self.with_clause(top, out)
    }

    pub(super) fn select_body(&mut self, s: &Select, as_from: bool, froms: &[&FromItem]) -> String {
        let mut out = String::from("SELECT ");
        if s.distinct {
            out.push_str("DISTINCT ");
        }
        let mut used: Vec<Used> = Vec::new();
        let cols: Vec<String> = s
            .columns
            .iter()
            .map(|c| self.select_column(c, s.label_style, as_from, &mut used))
            .collect();
        out.push_str(&cols.join(", "));
        if cols.is_empty() && !s.distinct {
            // (`select()` of nothing renders `SELECT` alone, as SQLAlchemy's does.)
            out.pop();
        }
        if !froms.is_empty() {
            let froms: Vec<String> = froms.iter().map(|f| self.render_from(f)).collect();
            out.push_str(" \nFROM ");
            out.push_str(&froms.join(", "));
        }
        if !s.where_.is_empty() {
            out.push_str(" \nWHERE ");
            out.push_str(&self.and_list(&s.where_));
        }
        if !s.group_by.is_empty() {
            let g: Vec<String> = s
                .group_by
                .iter()
                .map(|e| self.expr(e, Ctx::Normal))
                .collect();
            out.push_str(" GROUP BY ");
            out.push_str(&g.join(", "));
        }
        if !s.having.is_empty() {
            out.push_str(" \nHAVING ");
            out.push_str(&self.and_list(&s.having));
        }
        for (op, part) in &s.compound {
            out.push(' ');
            out.push_str(op.keyword());
            out.push(' ');
            out.push_str(&self.select(part, as_from));
        }
        if !s.order_by.is_empty() {
            // (A label in ORDER BY is named there only when the SELECT's columns have it;
            // else its expression is written out, as SQLAlchemy's compiler does.)
            let labels = s.columns.iter().filter_map(|c| match c {
                Expr::Label { name, .. } => Some(name.clone()),
                _ => None,
            });
            let outer = std::mem::replace(&mut self.col_labels, labels.collect());
            let o: Vec<String> = s
                .order_by
                .iter()
                .map(|e| self.expr(e, Ctx::OrderBy))
                .collect();
            self.col_labels = outer;
            out.push_str(" ORDER BY ");
            out.push_str(&o.join(", "));
        }
        if self.dialect == Dialect::Generic {
            // The generic compiler's limit_clause.
            if let Some(l) = &s.limit {
                out.push_str("\n LIMIT ");
                out.push_str(&self.expr(l, Ctx::Normal));
            }
            if let Some(o) = &s.offset {
                if s.limit.is_none() {
                    out.push_str("\n LIMIT -1");
                }
                out.push_str(" OFFSET ");
                out.push_str(&self.expr(o, Ctx::Normal));
            }
        } else if s.limit.is_some() || s.offset.is_some() {
            out.push_str("\n LIMIT ");
            // (SQLite's compiler renders its `-1` without the compile's keywords: a bound
            // parameter even under `literal_binds`.)
            let limit = match &s.limit {
                Some(l) => self.expr(l, Ctx::Normal),
                None => {
                    let was = std::mem::replace(&mut self.literal_binds, false);
                    let l = self.expr(&Expr::bind(SqlValue::Integer(-1)), Ctx::Normal);
                    self.literal_binds = was;
                    l
                }
            };
            out.push_str(&limit);
            out.push_str(" OFFSET ");
            let offset = s.offset.clone().unwrap_or(Expr::bind(SqlValue::Integer(0)));
            out.push_str(&self.expr(&offset, Ctx::Normal));
        }
        out
    }

    pub(super) fn select_column(
        &mut self,
        c: &Expr,
        style: LabelStyle,
        as_from: bool,
        used: &mut Vec<Used>,
    ) -> String {
        match c {
            Expr::Label { name, expr } => {
                let name = self.label_name(name);
                used.push((name.clone(), None));
                let inner = self.expr(expr, Ctx::Normal);
                format!("{inner} AS {}", self.q(&name))
            }
            Expr::Column { table, name } => {
                let text = self.expr(c, Ctx::Normal);
                match style {
                    LabelStyle::TablenamePlusCol => match table {
                        Some(t) => {
                            let name = match name.starts_with(ANON_LABEL) {
                                true => self.label_name(name),
                                false => name.clone(),
                            };
                            let label = format!("{}_{}", self.table_name(t), name);
                            let label = self.unique_label(label, &text, as_from, used);
                            format!("{text} AS {}", self.q(&label))
                        }
                        None => text,
                    },
                    LabelStyle::DisambiguateOnly => {
                        let label = self.unique_label(name.clone(), &text, as_from, used);
                        if label != *name || as_from {
                            format!("{text} AS {}", self.q(&label))
                        } else {
                            text
                        }
                    }
                }
            }
            // (A cast of a column, and a negated Boolean column, keep the column's label.)
            Expr::Cast { expr, .. } | Expr::AsBoolean { expr, .. }
                if matches!(**expr, Expr::Column { .. }) =>
            {
                let text = self.expr(c, Ctx::Normal);
                if let Expr::Column {
                    table: Some(t),
                    name,
                } = &**expr
                {
                    let label = match style {
                        LabelStyle::TablenamePlusCol => format!("{}_{}", self.table_name(t), name),
                        LabelStyle::DisambiguateOnly => name.clone(),
                    };
                    // (Its label taken already: the dedupe label in a select(), `amount__1`;
                    // an anonymous one in a legacy Query, `sale_amount_1`.)
                    let label = match used.iter().any(|(l, _)| *l == label) {
                        true if style == LabelStyle::DisambiguateOnly => {
                            self.next_anon(&format!("{label}_"))
                        }
                        true => self.next_anon(&label),
                        false => label,
                    };
                    used.push((label.clone(), Some(text.clone())));
                    format!("{text} AS {}", self.q(&label))
                } else {
                    text
                }
            }
            // SQLAlchemy labels no negation (`-col` stays unlabeled).
            Expr::Raw(_) | Expr::Text { .. } | Expr::Star | Expr::Unary { op: Op::Neg, .. } => {
                self.expr(c, Ctx::Normal)
            }
            // (The anonymous label is numbered before what it labels, as SQLAlchemy
            // names it first: `coalesce(x, :coalesce_2) AS coalesce_1`.)
            Expr::Func { name, .. } => {
                let label = self.next_anon(name);
                let text = self.expr(c, Ctx::Normal);
                format!("{text} AS {}", self.q(&label))
            }
            _ => {
                let label = self.next_anon("anon");
                let text = self.expr(c, Ctx::Normal);
                format!("{text} AS {label}")
            }
        }
    }

    /// The label of a column rendered `text` under `label`, unique in the select's
    /// columns as SQLAlchemy makes it: the same column again gets a "dedupe" label
    /// (`year__1`, numbered per statement), another column of the same name an anonymous
    /// one (`year_1`). In a subquery (`as_from`) both get the anonymous one, the name the
    /// outer query reads it by.
    fn unique_label(
        &mut self,
        label: String,
        text: &str,
        as_from: bool,
        used: &mut Vec<Used>,
    ) -> String {
        let label = match used.iter().find(|(l, _)| *l == label) {
            None => label,
            // (Inside a subquery, whose columns the outer query reads by name, a column
            // again is told apart as another column is: the outer query's `year_1`.)
            Some(_) if as_from => self.next_anon(&label),
            Some((_, Some(same))) if same == text => self.next_anon(&format!("{label}_")),
            // (Another column: its anonymous label, or, when that column already has
            // it, the dedupe label.)
            Some(_) if used.iter().any(|(_, t)| t.as_deref() == Some(text)) => {
                self.next_anon(&format!("{label}_"))
            }
            Some(_) => self.next_anon(&label),
        };
        used.push((label.clone(), Some(text.to_string())));
        label
    }

    pub(super) fn render_from(&mut self, f: &FromItem) -> String {
        match f {
            FromItem::Table(t) => self.q(t).into_owned(),
            FromItem::Alias { table, alias } => {
                let a = self.table_name(alias);
                format!("{} AS {}", self.q(table), self.q(&a))
            }
            FromItem::Subquery {
                select,
                alias,
                cte: Some(recursive),
            } => self.cte(select, alias, *recursive),
            FromItem::Subquery { select, alias, .. } => {
                // Named when visited, before its contents (as SQLAlchemy numbers them:
                // `SELECT count(*) FROM (SELECT anon_2.x ... ) AS anon_1`).
                let a = self.table_name(alias);
                let inner = self.select(select, true);
                format!("({inner}) AS {}", self.q(&a))
            }
            FromItem::Join {
                left,
                right,
                on,
                outer,
                full,
            } => {
                let l = self.render_from(left);
                let r = self.render_from(right);
                let r = if matches!(**right, FromItem::Join { .. }) {
                    format!("({r})")
                } else {
                    r
                };
                let on = self.expr(on, Ctx::Normal);
                let kw = match (*full, *outer) {
                    (true, _) => "FULL OUTER JOIN",
                    (_, true) => "LEFT OUTER JOIN",
                    _ => "JOIN",
                };
                format!("{l} {kw} {r} ON {on}")
            }
        }
    }
}

/// A label a select's columns already use, and the column text it labels (`None`: an
/// explicit label).
type Used = (String, Option<String>);
