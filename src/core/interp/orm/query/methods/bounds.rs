//! LIMIT and OFFSET of a `Query` / `Select`: `limit()`, `offset()`, `slice()`, and the
//! legacy Query's refusal of criteria once they are applied.

use super::*;

impl Interp<'_> {
    /// A LIMIT / OFFSET value as SQLAlchemy takes it: `int(value)` (`'2'` from a
    /// request's arguments, `4 / 2`); `None` for none.
    fn limit_int(&mut self, v: &Value) -> R<Option<i64>> {
        let i = match v {
            Value::None => return Ok(None),
            Value::Int(_) | Value::Bool(_) => v.clone(),
            v => self.call_builtin("int", vec![v.clone()], vec![])?,
        };
        self.as_index(&i).map(Some)
    }

    /// `limit(n)`, `offset(n)` and `slice(start, stop)` on the copy `q`.
    pub(super) fn query_bounds(&mut self, q: &mut QueryObj, name: &str, args: &[Value]) -> R<()> {
        if name != "slice" {
            let n = match args.first() {
                Some(v) => self.limit_int(v)?,
                None => None,
            };
            if name == "limit" {
                q.q.limit = n;
            } else {
                q.q.offset = n;
            }
            return Ok(());
        }
        let (Some(a), Some(b)) = (args.first(), args.get(1)) else {
            return self.raise("TypeError", "slice() takes start and stop");
        };
        // (SQLAlchemy's `_make_slice`: LIMIT/OFFSET relative to the query's own; a
        // missing bound leaves its side alone; the LIMIT is `stop - start`, even
        // negative, which SQLite reads as none.)
        let (a, b) = (self.limit_int(a)?, self.limit_int(b)?);
        if let Some(a) = a {
            q.q.offset = Some(q.q.offset.unwrap_or(0) + a).filter(|o| *o != 0);
        }
        if let Some(b) = b {
            q.q.limit = Some(b - a.unwrap_or(0));
        }
        Ok(())
    }

    /// A legacy Query refuses criteria after LIMIT / OFFSET (unless
    /// `enable_assertions(False)`); `filter_by()` and `where()` report as the `filter()`
    /// they call, `outerjoin()` as `join()`.
    pub(super) fn check_no_limit_offset(&mut self, qo: &QueryObj, name: &str) -> R<()> {
        let shown = match name {
            "filter" | "filter_by" | "where" => "filter",
            "join" | "outerjoin" => "join",
            "order_by" | "group_by" | "having" => name,
            _ => return Ok(()),
        };
        if qo.legacy && !qo.q.no_assertions && (qo.q.limit.is_some() || qo.q.offset.is_some()) {
            return self.raise(
                "InvalidRequestError",
                format!("Query.{shown}() being called on a Query which already has LIMIT or OFFSET applied.  Call {shown}() before limit() or offset() are applied."),
            );
        }
        Ok(())
    }
}
