//! `session.execute(text(...), params)`: named binds to SQLite's `?`, one run per parameter
//! set (several as one executemany), `bindparam(..., expanding=True)` lists written out, and
//! SQLAlchemy's error for a bind given no value.

use std::cell::RefCell;
use std::rc::Rc;

use crate::core::interp::orm::Native;
use crate::core::interp::orm::dispatch::nv;
use crate::core::interp::orm::result::{ResultKind, ResultObj};
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};

impl Interp<'_> {
    /// SQLAlchemy's StatementError for a text() parameter `name` no value was given for:
    /// the statement, the parameters given (`set`), and the error it wraps as `orig`.
    #[inline(never)]
    fn missing_bind(&mut self, name: &str, sql: &str, set: &Value) -> R<Value> {
        let why = format!("A value is required for bind parameter '{name}'");
        let given = match set {
            Value::None => Value::dict_of(vec![]),
            other => other.clone(),
        };
        let shown = self.repr(&Value::list(vec![given.clone()]))?;
        let bg = "(Background on this error at: https://sqlalche.me/e/20/cd3x)";
        let e = self.new_exc(
            "StatementError",
            &format!(
                "(sqlalchemy.exc.InvalidRequestError) {why}\n[SQL: {sql}]\n[parameters: {shown}]\n{bg}"
            ),
        );
        let orig = self.new_exc("InvalidRequestError", &format!("{why} {bg}"));
        if let Value::Instance(i) = &e {
            let mut d = i.dict.borrow_mut();
            d.insert(Rc::from("orig"), orig);
            d.insert(Rc::from("statement"), Value::str(sql));
            d.insert(Rc::from("params"), Value::list(vec![given]));
        }
        self.raise_value(e)
    }

    /// `execute_text` with expanding parameters: each set's lists written into the SQL as
    /// `(?, ?, ...)` (an empty list as SQLite's empty set), then run once per set.
    fn execute_text_expanding(
        &mut self,
        sql: &str,
        binds: &[(Rc<str>, Value)],
        expanding: &[Rc<str>],
        sets: Vec<Value>,
    ) -> R<Value> {
        let mut last = Value::None;
        for set in sets {
            let mut given: Vec<(Rc<str>, Value)> = binds.to_vec();
            if let Value::Dict(_) = &set {
                for (k, v) in self.mapping_items(&set)? {
                    if let Value::Str(k) = k {
                        given.push((k, v));
                    }
                }
            }
            // (The SQL around its binds as written, escapes kept, each expanding bind
            // replaced by one bind per item.)
            let mut text = String::new();
            let mut flat: Vec<(Rc<str>, Value)> = vec![];
            let mut at = 0;
            for (span, name) in crate::core::sql::text::binds(sql) {
                text.push_str(&sql[at..span.start]);
                at = span.end;
                let v = given
                    .iter()
                    .rev()
                    .find(|(k, _)| **k == *name)
                    .map(|x| x.1.clone());
                let Some(v) = v.filter(|_| expanding.iter().any(|e| **e == *name)) else {
                    text.push_str(&sql[span]);
                    continue;
                };
                let items = self.iterate(&v)?;
                if items.is_empty() {
                    text.push_str("(SELECT 1 FROM (SELECT 1) WHERE 1!=1)");
                    continue;
                }
                let keys: Vec<String> = (1..=items.len()).map(|i| format!("{name}_{i}")).collect();
                text.push_str(&format!("(:{})", keys.join(", :")));
                flat.extend(keys.into_iter().map(|k| Rc::from(k.as_str())).zip(items));
            }
            text.push_str(&sql[at..]);
            given.extend(flat);
            last = self.execute_text(&text, &given, vec![Value::None])?;
        }
        Ok(last)
    }

    /// `session.execute(text(...), params)`; a list of parameter dicts runs it once per dict.
    pub fn execute_text(
        &mut self,
        sql: &str,
        binds: &[(Rc<str>, Value)],
        sets: Vec<Value>,
    ) -> R<Value> {
        self.execute_text_typed(sql, binds, sets, &[])
    }

    /// [`Self::execute_text`] of `text().columns(name=Type)`: the named result columns'
    /// values converted by their types.
    pub fn execute_text_typed(
        &mut self,
        sql: &str,
        binds: &[(Rc<str>, Value)],
        sets: Vec<Value>,
        types: &[(Rc<str>, crate::core::sql::SqlType)],
    ) -> R<Value> {
        // (`bindparam(..., expanding=True)` declarations: their names; other declarations
        // without a value are left for execute() to fill.)
        let declared =
            |v: &Value| matches!(v, Value::Native(n) if matches!(&**n, Native::BindParam(..)));
        let expanding: Vec<Rc<str>> = (binds.iter())
            .filter_map(|(k, v)| match v {
                Value::Native(n) if matches!(&**n, Native::BindParam(_, _, true)) => {
                    Some(k.clone())
                }
                _ => None,
            })
            .collect();
        let binds: Vec<(Rc<str>, Value)> = binds
            .iter()
            .filter(|(_, v)| !declared(v))
            .cloned()
            .collect();
        let binds = &binds[..];
        if !expanding.is_empty() {
            return self.execute_text_expanding(sql, binds, &expanding, sets);
        }
        let (sql_pos, names) = crate::core::sql::text::positional(sql);
        // No autoflush: SQLAlchemy 2.0 flushes before ORM statements only, and text()
        // is not one (pending objects stay unsent).
        let mut last = None;
        let mut total = 0;
        let many = sets.len() > 1;
        let mut flat: Vec<crate::core::sql::SqlValue> = vec![];
        let n_sets = sets.len();
        for set in sets {
            let mut params: Vec<(Rc<str>, Value)> = binds.to_vec();
            if let Value::Dict(_) = &set {
                for (k, v) in self.mapping_items(&set)? {
                    if let Value::Str(k) = k {
                        params.push((k, v));
                    }
                }
            }
            let mut vals = vec![];
            for (position, nme) in names.iter().enumerate() {
                // (Values given to execute() bind as pysqlite adapts them, untyped;
                // `bindparams()` values are typed by their Python type, as SQLAlchemy's.)
                let at = params.iter().rposition(|(k, _)| **k == **nme);
                let v = at.map(|i| (i >= binds.len(), params[i].1.clone()));
                match v {
                    Some((true, v)) => vals.push(self.to_sql_untyped(&v, position + 1)?),
                    Some((false, v)) => vals.push(self.to_sql(&v, None)?),
                    None => {
                        return self.missing_bind(nme, &sql_pos, &set);
                    }
                }
            }
            if many {
                // Several parameter sets: one executemany, logged as SQLAlchemy echoes it.
                flat.extend(vals);
                continue;
            }
            let res = self.run_sql_named(&sql_pos, &vals)?;
            // (-1 for a statement that is not INSERT/UPDATE/DELETE, as sqlite3 has it.)
            total = total.max(0) + res.rowcount;
            last = Some(res);
        }
        if many {
            total = self.run_sql_many(&sql_pos, n_sets, &flat)?;
        }
        self.text_result(last, many, total, types)
    }

    /// `Connection.exec_driver_sql(sql[, params])`: the SQL as it is, given to SQLite with
    /// its parameters as pysqlite takes them: a sequence for `?` (`qmark`), a dict for
    /// `:name`, a list of those for an executemany.
    pub fn exec_driver_sql(&mut self, sql: &str, params: Option<&Value>) -> R<Value> {
        let given = !matches!(params, None | Some(Value::None));
        let sets: Vec<Value> = match params {
            None | Some(Value::None) => vec![Value::Tuple(Rc::new(vec![]))],
            Some(Value::List(l)) if !l.borrow().is_empty() => {
                if !driver_params_ok(params) {
                    return self.raise(
                        "ArgumentError",
                        "List argument must consist only of tuples or dictionaries",
                    );
                }
                l.borrow().clone()
            }
            Some(p) => vec![p.clone()],
        };
        // (Named parameters are `:name` in the text, given as a dict; positional ones
        // reach SQLite in the text as it is.)
        let named = sets.iter().any(|s| matches!(s, Value::Dict(_)));
        let (sql_pos, names) = if named {
            crate::core::sql::text::positional(sql)
        } else {
            (sql.to_owned(), vec![])
        };
        // (What pysqlite checks a sequence's bindings against: SQLite's own count; none
        // when the SQL does not compile, whose error running it then raises.)
        let wanted = match named {
            false => self.backend.parameter_count(sql),
            true => None,
        };
        let many = sets.len() > 1;
        let (mut last, mut total, mut flat) = (None, 0, vec![]);
        let n_sets = sets.len();
        for set in sets {
            let mut vals = vec![];
            if let Value::Dict(_) = &set {
                let items = self.mapping_items(&set)?;
                for (position, name) in names.iter().enumerate() {
                    let Some((_, v)) = items
                        .iter()
                        .find(|(k, _)| matches!(k, Value::Str(k) if **k == **name))
                    else {
                        return self.raise(
                            "ProgrammingError",
                            format!("(sqlite3.ProgrammingError) You did not supply a value for binding parameter :{name}."),
                        );
                    };
                    vals.push(self.to_sql_untyped(v, position + 1)?);
                }
            } else {
                let items = self.iterate(&set)?;
                if let Some(wanted) = wanted
                    && items.len() != wanted
                {
                    let why = format!(
                        "Incorrect number of bindings supplied. The current statement uses {wanted}, and there are {} supplied.",
                        items.len()
                    );
                    // (Logged before the driver refuses it, as SQLAlchemy's echo has it.)
                    let logged = self.repr(&set)?;
                    self.log_statement(
                        Rc::from(sql),
                        crate::core::interp::LogParams::Text(logged.clone()),
                        0.0,
                        0,
                    );
                    let shown = if given {
                        format!("\n[parameters: {logged}]")
                    } else {
                        String::new()
                    };
                    let bg = "(Background on this error at: https://sqlalche.me/e/20/f405)";
                    let e = self.new_exc(
                        "ProgrammingError",
                        &format!("(sqlite3.ProgrammingError) {why}\n[SQL: {sql}]{shown}\n{bg}"),
                    );
                    let orig = self.new_exc("ProgrammingError", &why);
                    if let Value::Instance(i) = &e {
                        let mut d = i.dict.borrow_mut();
                        d.insert(Rc::from("orig"), orig);
                        d.insert(Rc::from("statement"), Value::str(sql));
                        d.insert(Rc::from("params"), set.clone());
                    }
                    return self.raise_value(e);
                }
                for (position, v) in items.iter().enumerate() {
                    vals.push(self.to_sql_untyped(v, position + 1)?);
                }
            }
            if many {
                flat.extend(vals);
                continue;
            }
            let res = self.run_sql_named(if names.is_empty() { sql } else { &sql_pos }, &vals)?;
            // (Logged as SQLAlchemy echoes it: the text and the dict as given.)
            if let Value::Dict(_) = &set {
                let shown = self.repr(&set)?;
                if let Some(entry) = self.sql_log.last_mut() {
                    entry.sql = Rc::from(sql);
                    entry.params = crate::core::interp::LogParams::Text(shown);
                }
            }
            total = total.max(0) + res.rowcount;
            last = Some(res);
        }
        if many {
            total =
                self.run_sql_many(if names.is_empty() { sql } else { &sql_pos }, n_sets, &flat)?;
        }
        self.text_result(last, many, total, &[])
    }

    /// The result of a textual statement's last run (`res`; none after an executemany,
    /// whose row count is `total`), its columns converted by `types` where named.
    fn text_result(
        &mut self,
        last: Option<crate::core::interp::QueryResult>,
        many: bool,
        total: i64,
        types: &[(Rc<str>, crate::core::sql::SqlType)],
    ) -> R<Value> {
        let lastrowid = last.as_ref().map(|r| r.lastrowid);
        let res = last.unwrap_or_default();
        let keys: Rc<Vec<Rc<str>>> =
            Rc::new(res.columns.iter().map(|c| Rc::from(c.as_str())).collect());
        let col_types: Vec<Option<crate::core::sql::SqlType>> = (keys.iter())
            .map(|k| types.iter().find(|(n, _)| n == k).map(|(_, t)| t.clone()))
            .collect();
        let mut rows = vec![];
        for r in &res.rows {
            let mut row = vec![];
            for (j, v) in r.iter().enumerate() {
                let ty = col_types.get(j).and_then(Option::as_ref);
                row.push(self.from_sql(v, ty)?);
            }
            rows.push(row);
        }
        let mut ro = ResultObj::rows(keys, rows);
        ro.lastrowid = if many { None } else { lastrowid };
        if res.columns.is_empty() {
            ro.kind = ResultKind::NoRows;
            ro.rowcount = total;
        }
        Ok(nv(Native::Result(RefCell::new(ro))))
    }
}

/// Whether `exec_driver_sql()` takes these parameters: a list must hold tuples or dicts
/// (checked before the connection begins).
pub(crate) fn driver_params_ok(params: Option<&Value>) -> bool {
    match params {
        Some(Value::List(l)) => {
            (l.borrow().iter()).all(|v| matches!(v, Value::Tuple(_) | Value::Dict(_)))
        }
        _ => true,
    }
}
