//! Flask-SQLAlchemy's pagination: `query.paginate()` / `db.paginate(select)` and the
//! `Pagination` object's attributes and methods (`next`, `prev`, `iter_pages`).

use std::rc::Rc;

use crate::core::interp::call::Kw;
use crate::core::interp::orm::Native;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};
use crate::core::sql::SqlValue;

use super::QueryObj;

/// Flask-SQLAlchemy's `Pagination`.
#[derive(Clone)]
pub struct Pagination {
    /// The query (for next/prev).
    pub query: QueryObj,
    /// Page number.
    pub page: i64,
    /// Items per page.
    pub per_page: i64,
    /// Total count.
    pub total: i64,
    /// Items of this page.
    pub items: Vec<Value>,
    /// error_out used.
    pub error_out: bool,
    /// The total was counted (`count=False` leaves `total` None and `pages` 0).
    pub counted: bool,
    /// `max_per_page=` (kept for `next()`/`prev()`).
    pub max_per_page: Option<i64>,
    /// A `SelectPagination` (`db.paginate()`, whatever it was given), not a
    /// `QueryPagination` (`Query.paginate()`).
    pub select: bool,
}

impl Pagination {
    /// Number of pages.
    pub fn pages(&self) -> i64 {
        if self.total == 0 || self.per_page == 0 || !self.counted {
            0
        } else {
            (self.total + self.per_page - 1) / self.per_page
        }
    }
}

impl Interp<'_> {
    /// A `paginate()` argument from the current request's query string: `default`
    /// outside a request or when absent; one that is not an integer is a 404 (with
    /// `error_out`) or `default`.
    fn page_arg(&mut self, name: &str, default: i64, error_out: bool) -> R<i64> {
        let Some(req) = self.orm.requests.last() else {
            return Ok(default);
        };
        let Some(text) = req.arg(name) else {
            return Ok(default);
        };
        match text.trim().parse::<i64>() {
            Ok(n) => Ok(n),
            _ if error_out => self.not_found(None),
            _ => Ok(default),
        }
    }

    /// A `page=`/`per_page=` given: an int; anything but a number fails Flask-SQLAlchemy's
    /// `page < 1` check (`paginate(page=request.args.get('page'))` without `type=int`).
    fn page_number(&mut self, v: &Value) -> R<i64> {
        if is_number(v) {
            return self.as_index(v);
        }
        let t = self.type_name(v);
        self.raise(
            "TypeError",
            format!("'<' not supported between instances of '{t}' and 'int'"),
        )
    }

    /// `query.paginate(page=, per_page=, error_out=)` / `db.paginate(select, ...)` (their
    /// positional arguments checked against their signatures by the caller).
    pub fn paginate(&mut self, qo: &QueryObj, kw: &Kw) -> R<Value> {
        let mut page = None;
        let mut per_page = None;
        let mut error_out = true;
        let mut max_per_page = None;
        let mut counted = true;
        for (k, v) in kw {
            match &**k {
                "page" if !matches!(v, Value::None) => page = Some(v.clone()),
                "per_page" if !matches!(v, Value::None) => per_page = Some(v.clone()),
                "max_per_page" if !matches!(v, Value::None) => {
                    max_per_page = Some(self.as_index(v)?)
                }
                "page" | "per_page" | "max_per_page" => {}
                "error_out" => error_out = self.truthy(v)?,
                "count" => counted = self.truthy(v)?,
                _ => {
                    return self.raise(
                        "TypeError",
                        format!("paginate() got an unexpected keyword argument '{k}'"),
                    );
                }
            }
        }
        // (Left out, they are read from the request's query string, as Flask-SQLAlchemy
        // reads them during a request: `?page=2&per_page=10`.)
        // (Checked as Flask-SQLAlchemy compares them: `min(per_page, max_per_page)`, then
        // `page < 1`, then `per_page < 1`.)
        if max_per_page.is_some()
            && let Some(p) = &per_page
            && !is_number(p)
        {
            let t = self.type_name(p);
            return self.raise(
                "TypeError",
                format!("'<' not supported between instances of 'int' and '{t}'"),
            );
        }
        let mut page = match page {
            Some(p) => self.page_number(&p)?,
            None => self.page_arg("page", 1, error_out)?,
        };
        let mut per_page = match per_page {
            Some(p) => self.page_number(&p)?,
            None => self.page_arg("per_page", 20, error_out)?,
        };
        if let Some(m) = max_per_page {
            per_page = per_page.min(m);
        }
        if page < 1 {
            if error_out {
                return self.not_found(None);
            }
            page = 1;
        }
        if per_page < 1 {
            if error_out {
                return self.not_found(None);
            }
            per_page = 20;
        }
        // (An OFFSET past SQLite's integers: the driver refuses to bind it.)
        let Some(offset) = (page - 1).checked_mul(per_page) else {
            return self.raise(
                "OverflowError",
                "Python int too large to convert to SQLite INTEGER",
            );
        };
        let mut items_q = qo.clone();
        items_q.q.limit = Some(per_page);
        items_q.q.offset = Some(offset);
        let items = self.query_all(&items_q)?;
        let items: Vec<Value> = items
            .into_iter()
            .map(|v| match &v {
                // A `select()`'s page is its rows' first values (Flask-SQLAlchemy's
                // `SelectPagination` reads `.scalars()`).
                Value::Native(n) if !qo.legacy => match &**n {
                    Native::Row(r) if !r.values.is_empty() => r.values[0].clone(),
                    _ => v,
                },
                _ => v,
            })
            .collect();
        // (`SelectPagination` reads `.unique().scalars()`: a joined row repeated once
        // per related row is one item.)
        let items = if qo.legacy {
            items
        } else {
            let rows = items.into_iter().map(|v| vec![v]).collect();
            super::super::query::unique_rows(rows)
                .into_iter()
                .flatten()
                .collect()
        };
        if items.is_empty() && page != 1 && error_out {
            return self.not_found(None);
        }
        // (A legacy Query's count is `query.order_by(None).count()`, which a LIMIT or
        // OFFSET already applied refuses.)
        if counted
            && qo.legacy
            && !qo.q.no_assertions
            && (qo.q.limit.is_some() || qo.q.offset.is_some())
        {
            self.query_method(qo, "order_by", vec![Value::None], vec![])?;
        }
        let (_, total_sel) = match qo.q.paginate_statements(&self.orm.reg, page, per_page) {
            Ok(x) => x,
            Err(e) => return self.raise(e.class(), e.0),
        };
        let total = if counted {
            let rows = self.run_select(total_sel)?;
            match rows.first().and_then(|r| r.first()) {
                Some(SqlValue::Integer(i)) => *i,
                _ => 0,
            }
        } else {
            0
        };
        Ok(Value::Native(Rc::new(Native::Pagination(Box::new(
            Pagination {
                query: qo.clone(),
                page,
                per_page,
                total,
                items,
                error_out,
                counted,
                max_per_page,
                select: !qo.legacy,
            },
        )))))
    }

    /// Attributes of a Pagination.
    pub fn pagination_attr(&mut self, p: &Pagination, name: &str, this: &Value) -> R<Value> {
        let pages = p.pages();
        Ok(match name {
            "items" => Value::list(p.items.clone()),
            "page" => Value::int(p.page),
            "per_page" => Value::int(p.per_page),
            "max_per_page" => p.max_per_page.map_or(Value::None, Value::int),
            "total" if !p.counted => Value::None,
            "total" => Value::int(p.total),
            "pages" => Value::int(pages),
            "has_prev" => Value::Bool(p.page > 1),
            "has_next" => Value::Bool(p.page < pages),
            "prev_num" => {
                if p.page > 1 {
                    Value::int(p.page - 1)
                } else {
                    Value::None
                }
            }
            "next_num" => {
                if p.page < pages {
                    Value::int(p.page + 1)
                } else {
                    Value::None
                }
            }
            // Flask-SQLAlchemy: 0 for a page without items; `last` is never before `first`.
            "first" | "last" => {
                let first = if p.items.is_empty() {
                    0
                } else {
                    (p.page - 1) * p.per_page + 1
                };
                if name == "first" {
                    Value::int(first)
                } else {
                    Value::int(first.max(first + p.items.len() as i64 - 1))
                }
            }
            "next" | "prev" | "iter_pages" => {
                Value::BuiltinMethod(Rc::new((this.clone(), Rc::from(name))))
            }
            _ => {
                let t = if p.select {
                    "SelectPagination"
                } else {
                    "QueryPagination"
                };
                return self.no_attr(t, name);
            }
        })
    }

    /// Methods of a Pagination.
    pub fn pagination_method(&mut self, p: &Pagination, name: &str, kw: Kw) -> R<Value> {
        match name {
            "next" | "prev" => {
                let page = if name == "next" {
                    p.page + 1
                } else {
                    p.page - 1
                };
                // Flask-SQLAlchemy: the page is loaded without counting again (the total is
                // carried over), `error_out` False unless given.
                let error_out = match kw.iter().find(|(k, _)| &**k == "error_out") {
                    Some((_, v)) => self.truthy(v)?,
                    None => false,
                };
                let mut args: Kw = vec![
                    (Rc::from("page"), Value::int(page)),
                    (Rc::from("per_page"), Value::int(p.per_page)),
                    (Rc::from("error_out"), Value::Bool(error_out)),
                    (Rc::from("count"), Value::Bool(false)),
                ];
                // (Flask-SQLAlchemy's `next()` passes `max_per_page` on; `prev()` leaves
                // it to the constructor's default, 100.)
                let max = if name == "next" {
                    p.max_per_page
                } else {
                    Some(100)
                };
                if let Some(m) = max {
                    args.push((Rc::from("max_per_page"), Value::int(m)));
                }
                let v = self.paginate(&p.query.clone(), &args)?;
                if let Value::Native(n) = &v
                    && let Native::Pagination(np) = &**n
                {
                    let mut np = np.clone();
                    np.total = p.total;
                    np.counted = p.counted;
                    np.select = p.select;
                    return Ok(Value::Native(Rc::new(Native::Pagination(np))));
                }
                Ok(v)
            }
            _ => {
                let mut le = 2;
                let mut lc = 2;
                let mut rc = 4;
                let mut re = 2;
                for (k, v) in &kw {
                    let n = self.as_index(v)?;
                    match &**k {
                        "left_edge" => le = n,
                        "left_current" => lc = n,
                        "right_current" => rc = n,
                        "right_edge" => re = n,
                        _ => {}
                    }
                }
                let pages_end = p.pages() + 1;
                let mut out = vec![];
                if pages_end == 1 {
                    return Ok(Value::list(out));
                }
                let left_end = (1 + le).min(pages_end);
                out.extend((1..left_end).map(Value::int));
                if left_end == pages_end {
                    return Ok(Value::list(out));
                }
                let mid_start = left_end.max(p.page - lc);
                let mid_end = (p.page + rc + 1).min(pages_end);
                if mid_start - left_end > 0 {
                    out.push(Value::None);
                }
                out.extend((mid_start..mid_end).map(Value::int));
                if mid_end == pages_end {
                    return Ok(Value::list(out));
                }
                let right_start = mid_end.max(pages_end - re);
                if right_start - mid_end > 0 {
                    out.push(Value::None);
                }
                out.extend((right_start..pages_end).map(Value::int));
                Ok(Value::list(out))
            }
        }
    }
}

/// A number, which compares with `1` (a float is then refused as an index: ormlab's
/// pages are whole numbers).
fn is_number(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::Float(_))
}
