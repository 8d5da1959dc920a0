//! `Result`, `ScalarResult`, `MappingResult` and `Row` objects.

use std::rc::Rc;

use super::super::call::Kw;
use super::super::value::Value;
use super::super::{Interp, R};
use super::Native;

/// A row: keys shared by all rows of a result, values.
#[derive(Clone)]
pub struct RowObj {
    /// Column keys.
    pub keys: Rc<Vec<Rc<str>>>,
    /// Values.
    pub values: Rc<Vec<Value>>,
}

/// What iterating a result yields.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum ResultKind {
    /// Rows.
    Rows,
    /// First column values.
    Scalars,
    /// Row mappings.
    Mappings,
    /// A statement without rows.
    NoRows,
}

/// A result set.
#[derive(Clone)]
pub struct ResultObj {
    /// Kind.
    pub kind: ResultKind,
    /// Keys.
    pub keys: Rc<Vec<Rc<str>>>,
    /// Remaining rows.
    pub rows: Vec<Vec<Value>>,
    /// Read position.
    pub pos: usize,
    /// Rows affected (for DML).
    pub rowcount: i64,
    /// Joined eager loads of collections repeat rows: reading them needs `unique()` first.
    pub unique_required: bool,
    /// A one-row `insert()`'s primary key (`inserted_primary_key`).
    pub inserted_pk: Option<Rc<Vec<Value>>>,
    /// An ORM bulk INSERT's result (`IteratorResult`, no `rowcount`).
    pub bulk: bool,
    /// The DB-API cursor's `lastrowid` (the connection's last inserted rowid after a
    /// single statement, as pysqlite sets it; `None` after an executemany).
    pub lastrowid: Option<i64>,
    /// The rows of an ORM-enabled `select()` (a `ChunkedIteratorResult`).
    pub orm: bool,
    /// Closed by `first()`/`scalar()`: fetching more raises `ResourceClosedError`.
    pub closed: bool,
}

impl ResultObj {
    /// A row result.
    pub fn rows(keys: Rc<Vec<Rc<str>>>, rows: Vec<Vec<Value>>) -> Self {
        ResultObj {
            kind: ResultKind::Rows,
            keys,
            rows,
            pos: 0,
            rowcount: -1,
            unique_required: false,
            inserted_pk: None,
            bulk: false,
            lastrowid: None,
            orm: false,
            closed: false,
        }
    }
    /// Python type name.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            _ if self.bulk => "IteratorResult",
            ResultKind::Rows if self.orm => "ChunkedIteratorResult",
            ResultKind::Rows | ResultKind::NoRows => "CursorResult",
            ResultKind::Scalars => "ScalarResult",
            ResultKind::Mappings => "MappingResult",
        }
    }
}

impl Interp<'_> {
    fn item_of(&self, r: &ResultObj, row: Vec<Value>) -> Value {
        match r.kind {
            ResultKind::Scalars => row.into_iter().next().unwrap_or(Value::None),
            ResultKind::Mappings => Value::Native(Rc::new(Native::Mapping(RowObj {
                keys: r.keys.clone(),
                values: Rc::new(row),
            }))),
            _ => Value::Native(Rc::new(Native::Row(RowObj {
                keys: r.keys.clone(),
                values: Rc::new(row),
            }))),
        }
    }

    /// Remaining items of a result (consumes them).
    pub fn result_items(&mut self, n: &Native) -> R<Vec<Value>> {
        let Native::Result(cell) = n else {
            return Ok(vec![]);
        };
        if cell.borrow().kind == ResultKind::NoRows {
            return self.raise(
                "ResourceClosedError",
                "This result object does not return rows. It has been closed automatically.",
            );
        }
        self.check_unique(&cell.borrow())?;
        let mut r = cell.borrow_mut();
        let rows: Vec<Vec<Value>> = r.rows[r.pos..].to_vec();
        r.pos = r.rows.len();
        let snapshot = r.clone();
        drop(r);
        Ok(rows
            .into_iter()
            .map(|row| self.item_of(&snapshot, row))
            .collect())
    }

    /// Methods of results.
    pub fn result_method(
        &mut self,
        n: Rc<Native>,
        name: &str,
        args: Vec<Value>,
        _kw: Kw,
    ) -> R<Value> {
        let Native::Result(cell) = &*n else {
            return Ok(Value::None);
        };
        if cell.borrow().closed
            && matches!(
                name,
                "all"
                    | "fetchall"
                    | "first"
                    | "fetchone"
                    | "fetchmany"
                    | "scalar"
                    | "one"
                    | "one_or_none"
                    | "scalar_one"
                    | "scalar_one_or_none"
            )
        {
            return self.raise("ResourceClosedError", "This result object is closed.");
        }
        match name {
            "all" | "fetchall" => Ok(Value::list(self.result_items(&n)?)),
            "scalars" | "mappings" => {
                let mut r = cell.borrow().clone();
                // `scalars(i)` / `scalars('key')`: that column instead of the first.
                if let Some(a) = args.first().filter(|_| name == "scalars") {
                    let j = match a {
                        Value::Str(k) => r.keys.iter().position(|x| **x == **k),
                        v => Some(self.as_index(v)? as usize),
                    };
                    let Some(j) = j.filter(|j| *j < r.keys.len()) else {
                        let k = self.repr(a)?;
                        return self.raise(
                            "NoSuchColumnError",
                            format!("Could not locate column in row for column {k}"),
                        );
                    };
                    r.keys = Rc::new(vec![r.keys[j].clone()]);
                    for row in &mut r.rows {
                        let v = row.get(j).cloned().unwrap_or(Value::None);
                        *row = vec![v];
                    }
                }
                r.kind = if name == "scalars" {
                    ResultKind::Scalars
                } else {
                    ResultKind::Mappings
                };
                let len = cell.borrow().rows.len();
                cell.borrow_mut().pos = len;
                Ok(Value::Native(Rc::new(Native::Result(
                    std::cell::RefCell::new(r),
                ))))
            }
            // (A TupleResult yields the same rows.)
            "tuples" | "t" => Ok(Value::Native(n.clone())),
            "unique" => {
                let mut r = cell.borrow_mut();
                let at = r.pos.min(r.rows.len());
                let rest = r.rows.split_off(at);
                r.rows.extend(super::query::unique_rows(rest));
                r.unique_required = false;
                drop(r);
                Ok(Value::Native(n.clone()))
            }
            "keys" => Ok(Value::Native(Rc::new(Native::KeyView(
                cell.borrow()
                    .keys
                    .iter()
                    .filter(|k| !k.is_empty())
                    .map(|k| Value::Str(k.clone()))
                    .collect(),
            )))),
            "first" | "fetchone" => {
                if name == "fetchone" {
                    self.check_unique(&cell.borrow())?;
                }
                let mut r = cell.borrow_mut();
                let row = r.rows.get(r.pos).cloned();
                if name == "first" {
                    r.pos = r.rows.len();
                    r.closed = true;
                } else if row.is_some() {
                    r.pos += 1;
                }
                let snap = r.clone();
                drop(r);
                Ok(match row {
                    Some(row) => self.item_of(&snap, row),
                    None => Value::None,
                })
            }
            "fetchmany" => {
                let k = match args.first() {
                    Some(v) => self.as_index(v)? as usize,
                    None => 1,
                };
                self.check_unique(&cell.borrow())?;
                let mut r = cell.borrow_mut();
                let end = (r.pos + k).min(r.rows.len());
                let rows = r.rows[r.pos..end].to_vec();
                r.pos = end;
                let snap = r.clone();
                drop(r);
                Ok(Value::list(
                    rows.into_iter()
                        .map(|row| self.item_of(&snap, row))
                        .collect(),
                ))
            }
            "scalar" => {
                let mut r = cell.borrow_mut();
                let row = r.rows.get(r.pos).cloned();
                r.pos = r.rows.len();
                r.closed = true;
                Ok(row
                    .and_then(|r| r.into_iter().next())
                    .unwrap_or(Value::None))
            }
            "one" | "scalar_one" | "one_or_none" | "scalar_one_or_none" => {
                let items = self.result_items(&n)?;
                let scalar = name.starts_with("scalar");
                let pick = |v: Value| -> Value {
                    if scalar {
                        match &v {
                            Value::Native(x) => match &**x {
                                Native::Row(r) => r.values.first().cloned().unwrap_or(Value::None),
                                _ => v,
                            },
                            _ => v,
                        }
                    } else {
                        v
                    }
                };
                match items.len() {
                    0 if name.ends_with("or_none") => Ok(Value::None),
                    0 => self.raise("NoResultFound", "No row was found when one was required"),
                    1 => Ok(pick(items.into_iter().next().unwrap_or(Value::None))),
                    _ if name.ends_with("or_none") => self.raise(
                        "MultipleResultsFound",
                        "Multiple rows were found when one or none was required",
                    ),
                    _ => self.raise(
                        "MultipleResultsFound",
                        "Multiple rows were found when exactly one was required",
                    ),
                }
            }
            "close" => Ok(Value::None),
            _ => {
                let t = cell.borrow().type_name();
                self.raise(
                    "AttributeError",
                    format!("'{t}' object has no attribute '{name}'"),
                )
            }
        }
    }

    /// Attribute of a Row (`row.username`, `row._mapping`).
    pub fn row_attr(&mut self, r: &RowObj, this: &Value, name: &str) -> R<Value> {
        // `Row.t` / `Row.tuple()` (SQLAlchemy 2.0.19+) come before a column so named.
        if name == "t" {
            return Ok(Value::tuple((*r.values).clone()));
        }
        // (`_t` and `_data` are the row as a tuple too; `keys()`, `values()` and
        // `items()` are a RowMapping's, not a Row's.)
        if name == "_t" || name == "_data" {
            return Ok(Value::tuple((*r.values).clone()));
        }
        if let Some(i) = r.keys.iter().position(|k| &**k == name) {
            return Ok(r.values[i].clone());
        }
        match name {
            "_mapping" => Ok(Value::Native(Rc::new(Native::Mapping(r.clone())))),
            "_asdict" | "_tuple" | "tuple" | "count" | "index" => Ok(Value::BuiltinMethod(
                Rc::new((this.clone(), Rc::from(name))),
            )),
            "_fields" => Ok(Value::tuple(
                r.keys
                    .iter()
                    .filter(|k| !k.is_empty())
                    .map(|k| Value::Str(k.clone()))
                    .collect(),
            )),
            // (SQLAlchemy's `Row.__getattr__` re-raises the mapping's KeyError as an
            // AttributeError of the name alone.)
            _ => self.raise("AttributeError", name),
        }
    }

    /// Row methods.
    pub fn row_method(
        &mut self,
        r: &RowObj,
        mapping: bool,
        name: &str,
        args: Vec<Value>,
    ) -> R<Value> {
        match name {
            "_asdict" => Ok(Value::dict_of(
                r.keys
                    .iter()
                    .cloned()
                    .zip(r.values.iter().cloned())
                    .filter(|(k, _)| !k.is_empty())
                    .map(|(k, v)| (Value::Str(k), v))
                    .collect(),
            )),
            "_tuple" | "tuple" => Ok(Value::tuple((*r.values).clone())),
            "keys" => {
                let keys: Vec<Value> = r
                    .keys
                    .iter()
                    .filter(|k| !k.is_empty())
                    .cloned()
                    .map(Value::Str)
                    .collect();
                // A RowMapping's keys are an `RMKeyView`; a Row's, a list.
                Ok(if mapping {
                    Value::Native(Rc::new(Native::KeyView(keys)))
                } else {
                    Value::list(keys)
                })
            }
            "values" => Ok(Value::list((*r.values).clone())),
            "items" => Ok(Value::list(
                r.keys
                    .iter()
                    .cloned()
                    .zip(r.values.iter().cloned())
                    .filter(|(k, _)| !k.is_empty())
                    .map(|(k, v)| Value::tuple(vec![Value::Str(k), v]))
                    .collect(),
            )),
            "get" if mapping => {
                let k = args.first().cloned().unwrap_or(Value::None);
                for (i, kk) in r.keys.iter().enumerate() {
                    if matches!(&k, Value::Str(s) if **s == **kk) {
                        return Ok(r.values[i].clone());
                    }
                }
                Ok(args.get(1).cloned().unwrap_or(Value::None))
            }
            "count" | "index" => {
                let t = Value::tuple((*r.values).clone());
                self.call_method(&t, name, args, vec![])
            }
            _ => self.raise(
                "AttributeError",
                format!("'Row' object has no attribute '{name}'"),
            ),
        }
    }
}
