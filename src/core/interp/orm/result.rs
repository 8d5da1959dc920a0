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
    /// A row of an ORM query or ORM-enabled `select()` (not of `text()` or Core).
    pub orm: bool,
    /// Where keys repeat (`name`, `name_1`), each column's (table, column), for
    /// `row._mapping[Team.name]`.
    pub sources: Option<Sources>,
}

/// The (table, column) each result column selects, when it is a table's column.
pub type Sources = Rc<[Option<(Rc<str>, Rc<str>)>]>;

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

/// The rows of a result not read yet, shared by the results derived from it
/// (`scalars()`, `mappings()`): reading from one moves the others on, as SQLAlchemy's
/// results share one cursor.
#[derive(Default)]
pub struct Cursor {
    /// The rows; those before `pos` were read (and emptied).
    rows: Vec<Vec<Value>>,
    /// Read position.
    pos: usize,
    /// Hard-closed by `first()` / `scalar()` / `one()` of any result reading it: fetching
    /// more raises `ResourceClosedError`.
    closed: bool,
}

impl Cursor {
    /// How many rows are left.
    pub fn remaining(&self) -> usize {
        self.rows.len().saturating_sub(self.pos)
    }

    /// The next row, read.
    fn next_row(&mut self) -> Option<Vec<Value>> {
        let row = self.rows.get_mut(self.pos).map(std::mem::take)?;
        self.pos += 1;
        Some(row)
    }

    /// Up to `k` rows (all with `None`), read.
    fn take(&mut self, k: Option<usize>) -> Vec<Vec<Value>> {
        if k.is_none() && self.pos == 0 {
            return std::mem::take(&mut self.rows);
        }
        let end = k.map_or(self.rows.len(), |k| {
            self.pos.saturating_add(k).min(self.rows.len())
        });
        let rows = self.rows[self.pos..end]
            .iter_mut()
            .map(std::mem::take)
            .collect();
        self.pos = end;
        if self.pos == self.rows.len() {
            self.exhaust();
        }
        rows
    }

    /// Reads every row.
    fn exhaust(&mut self) {
        self.rows.clear();
        self.pos = 0;
    }
}

/// A result set.
#[derive(Clone)]
pub struct ResultObj {
    /// Kind.
    pub kind: ResultKind,
    /// Keys.
    pub keys: Rc<Vec<Rc<str>>>,
    /// The rows left to read (shared with the results derived from this one).
    pub cursor: Rc<std::cell::RefCell<Cursor>>,
    /// `scalars(i)`: the column a `Scalars` result yields.
    pub column: usize,
    /// `columns(...)`: the columns of each row this result yields, by position.
    pub proj: Option<Rc<[usize]>>,
    /// Rows affected (for DML).
    pub rowcount: i64,
    /// Joined eager loads of collections repeat rows: reading them needs `unique()` first.
    pub unique_required: bool,
    /// A one-row `insert()`'s primary key (`inserted_primary_key`).
    pub inserted_pk: Option<Rc<Vec<Value>>>,
    /// An ORM bulk INSERT's result (`IteratorResult`, no `rowcount`).
    pub bulk: bool,
    /// The result of an `insert()` (`is_insert`).
    pub is_insert: bool,
    /// The DB-API cursor's `lastrowid` (the connection's last inserted rowid after a
    /// single statement, as pysqlite sets it; `None` after an executemany).
    pub lastrowid: Option<i64>,
    /// The rows of an ORM-enabled `select()` (a `ChunkedIteratorResult`).
    pub orm: bool,
    /// Each column's source, where keys repeat (see [`RowObj::sources`]).
    pub sources: Option<Sources>,
}

impl ResultObj {
    /// A row result.
    pub fn rows(keys: Rc<Vec<Rc<str>>>, rows: Vec<Vec<Value>>) -> Self {
        ResultObj {
            kind: ResultKind::Rows,
            keys,
            cursor: Rc::new(std::cell::RefCell::new(Cursor {
                rows,
                pos: 0,
                closed: false,
            })),
            column: 0,
            proj: None,
            rowcount: -1,
            unique_required: false,
            inserted_pk: None,
            bulk: false,
            is_insert: false,
            lastrowid: None,
            orm: false,
            sources: None,
        }
    }
    /// `closed`: hard-closed (by `first()`, `scalar()`, `one()`... of this result or one
    /// reading the same rows).
    pub fn is_closed(&self) -> bool {
        self.cursor.borrow().closed
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

/// Whether a result of `kind` has method `name`: a `ScalarResult` and a `MappingResult`
/// lack the row result's scalar and conversion methods (a `ScalarResult` also
/// `fetchone()` and `keys()`), as in SQLAlchemy.
pub fn result_has_method(kind: ResultKind, name: &str) -> bool {
    let scalar_or_convert = matches!(
        name,
        "scalar" | "scalar_one" | "scalar_one_or_none" | "scalars" | "mappings" | "tuples" | "t"
    );
    match kind {
        ResultKind::Scalars => {
            !scalar_or_convert && !matches!(name, "fetchone" | "keys" | "columns")
        }
        ResultKind::Mappings => !scalar_or_convert,
        ResultKind::Rows | ResultKind::NoRows => true,
    }
}

impl Interp<'_> {
    fn item_of(&self, r: &ResultObj, mut row: Vec<Value>) -> Value {
        if let Some(p) = &r.proj {
            row = p
                .iter()
                .map(|&i| row.get(i).cloned().unwrap_or(Value::None))
                .collect();
        }
        // (Sources follow a projection; a projected result keeps none.)
        let sources = r.sources.clone().filter(|_| r.proj.is_none());
        match r.kind {
            ResultKind::Scalars => row.into_iter().nth(r.column).unwrap_or(Value::None),
            ResultKind::Mappings => Value::Native(Rc::new(Native::Mapping(RowObj {
                keys: r.keys.clone(),
                values: Rc::new(row),
                orm: r.orm,
                sources,
            }))),
            _ => Value::Native(Rc::new(Native::Row(RowObj {
                keys: r.keys.clone(),
                values: Rc::new(row),
                orm: r.orm,
                sources,
            }))),
        }
    }

    /// Remaining items of a result (consumes them).
    pub fn result_items(&mut self, n: &Native) -> R<Vec<Value>> {
        let Some(cell) = self.readable(n)? else {
            return Ok(vec![]);
        };
        let r = cell.borrow();
        let rows = r.cursor.borrow_mut().take(None);
        Ok(rows.into_iter().map(|row| self.item_of(&r, row)).collect())
    }

    /// The next item of a result (`next(result)`, a `for` loop over it), or `None` when
    /// its rows are all read.
    pub fn result_next(&mut self, n: &Native) -> R<Option<Value>> {
        let Some(cell) = self.readable(n)? else {
            return Ok(None);
        };
        let r = cell.borrow();
        let row = r.cursor.borrow_mut().next_row();
        Ok(row.map(|row| self.item_of(&r, row)))
    }

    /// A result whose rows may be read (`None` for what is not a result): a statement
    /// without rows has none, and joined collections need `unique()` first.
    fn readable<'n>(&mut self, n: &'n Native) -> R<Option<&'n std::cell::RefCell<ResultObj>>> {
        let Native::Result(cell) = n else {
            return Ok(None);
        };
        if cell.borrow().kind == ResultKind::NoRows {
            return self.raise(
                "ResourceClosedError",
                "This result object does not return rows. It has been closed automatically.",
            );
        }
        if cell.borrow().cursor.borrow().closed {
            return self.raise("ResourceClosedError", "This result object is closed.");
        }
        self.check_unique(&cell.borrow())?;
        Ok(Some(cell))
    }

    /// Methods of results.
    pub fn result_method(
        &mut self,
        n: Rc<Native>,
        name: &str,
        mut args: Vec<Value>,
        mut kw: Kw,
    ) -> R<Value> {
        let Native::Result(cell) = &*n else {
            return Ok(Value::None);
        };
        // (The one parameter of `fetchmany(size)`, `partitions(size)`, `scalars(index)`,
        // `columns(*col_expressions)`... may be given by keyword.)
        let param = match name {
            "fetchmany" | "partitions" => "size",
            "scalars" => "index",
            _ => "",
        };
        if args.is_empty()
            && let Some(at) = kw.iter().position(|(k, _)| &**k == param)
        {
            args.push(kw.remove(at).1);
        }
        if !result_has_method(cell.borrow().kind, name) {
            let t = cell.borrow().type_name();
            return self.no_attr(t, name);
        }
        if cell.borrow().cursor.borrow().closed
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
                // (The derived result reads from the same cursor.)
                let mut r = cell.borrow().clone();
                r.column = 0;
                // `scalars(i)` / `scalars('key')`: that column instead of the first.
                if let Some(a) = args.first().filter(|_| name == "scalars") {
                    let j = match a {
                        Value::Str(k) => r.keys.iter().position(|x| **x == **k),
                        v => Some(self.as_index(v)? as usize),
                    };
                    let Some(j) = j.filter(|j| *j < r.keys.len()) else {
                        // (An ORM result's key map raises a plain KeyError.)
                        if r.orm {
                            return self.key_error(a);
                        }
                        let k = self.repr(a)?;
                        return self.raise(
                            "NoSuchColumnError",
                            format!("Could not locate column in row for column {k}"),
                        );
                    };
                    r.keys = Rc::new(vec![r.keys[j].clone()]);
                    r.column = j;
                }
                r.kind = if name == "scalars" {
                    ResultKind::Scalars
                } else {
                    ResultKind::Mappings
                };
                Ok(Value::Native(Rc::new(Native::Result(
                    std::cell::RefCell::new(r),
                ))))
            }
            // (A TupleResult yields the same rows.)
            "tuples" | "t" => Ok(Value::Native(n.clone())),
            // `columns(*cols)`: a result of those columns (names, positions or column
            // attributes), reading from the same cursor.
            // (Like `unique()`, it changes the result itself and returns it.)
            "columns" => {
                let r = cell.borrow();
                let (mut at, mut keys): (Vec<usize>, Vec<Rc<str>>) = (vec![], vec![]);
                for a in &args {
                    let j = match a {
                        Value::Str(k) => r.keys.iter().position(|x| **x == **k),
                        Value::Int(_) | Value::Bool(_) => {
                            let i = self.as_index(a)?;
                            match usize::try_from(i).ok().filter(|&i| i < r.keys.len()) {
                                Some(i) => Some(i),
                                None => return self.raise("IndexError", "list index out of range"),
                            }
                        }
                        other => self
                            .as_sql(other)
                            .and_then(|s| s.key)
                            .and_then(|k| r.keys.iter().position(|x| **x == *k)),
                    };
                    let Some(j) = j.filter(|j| *j < r.keys.len()) else {
                        let k = self.repr(a)?;
                        return self.raise(
                            "NoSuchColumnError",
                            format!("Could not locate column in row for column {k}"),
                        );
                    };
                    // (Positions in the underlying rows: after an earlier `columns()`,
                    // through its projection.)
                    at.push(r.proj.as_ref().map_or(j, |p| p[j]));
                    keys.push(r.keys[j].clone());
                }
                drop(r);
                let mut r = cell.borrow_mut();
                r.keys = Rc::new(keys);
                r.proj = Some(at.into());
                Ok(Value::Native(n.clone()))
            }
            // `partitions(size)`: the rows in lists of `size` (all at once without one).
            "partitions" => {
                let size = match args.first() {
                    Some(Value::None) | None => None,
                    Some(v) => Some((self.as_index(v)?.max(1)) as usize),
                };
                let items = self.result_items(&n)?;
                let parts: Vec<Value> = match size {
                    Some(k) => items.chunks(k).map(|c| Value::list(c.to_vec())).collect(),
                    None if items.is_empty() => vec![],
                    None => vec![Value::list(items)],
                };
                Ok(Value::Native(Rc::new(Native::Generator(
                    std::cell::RefCell::new((parts, 0)),
                ))))
            }
            "unique" => {
                let mut r = cell.borrow_mut();
                {
                    let mut c = r.cursor.borrow_mut();
                    let rest = c.take(None);
                    c.rows = super::query::unique_rows(rest);
                    c.pos = 0;
                }
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
                let r = cell.borrow_mut();
                let row = r.cursor.borrow_mut().next_row();
                if name == "first" {
                    r.cursor.borrow_mut().exhaust();
                    r.cursor.borrow_mut().closed = true;
                }
                Ok(match row {
                    Some(row) => self.item_of(&r, row),
                    None => Value::None,
                })
            }
            "fetchmany" => {
                // (No size: the DBAPI cursor's `arraysize`, 1, for a Core result; an ORM
                // result's rows are already fetched, and it gives them all.)
                let orm = cell.borrow().orm;
                let k = match args.first() {
                    Some(Value::None) | None if orm => None,
                    Some(Value::None) | None => Some(1),
                    Some(v) => Some(self.as_index(v)? as usize),
                };
                self.check_unique(&cell.borrow())?;
                let r = cell.borrow();
                let rows = r.cursor.borrow_mut().take(k);
                Ok(Value::list(
                    rows.into_iter().map(|row| self.item_of(&r, row)).collect(),
                ))
            }
            "scalar" => {
                let r = cell.borrow_mut();
                let row = r.cursor.borrow_mut().next_row();
                r.cursor.borrow_mut().exhaust();
                r.cursor.borrow_mut().closed = true;
                Ok(row
                    .and_then(|r| r.into_iter().next())
                    .unwrap_or(Value::None))
            }
            "one" | "scalar_one" | "one_or_none" | "scalar_one_or_none" => {
                let items = self.result_items(&n)?;
                // (Hard-closed, as `_only_one_row` leaves it: a later fetch raises.)
                cell.borrow().cursor.borrow_mut().closed = true;
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
            "close" => {
                cell.borrow().cursor.borrow_mut().closed = true;
                Ok(Value::None)
            }
            _ => {
                let t = cell.borrow().type_name();
                self.no_attr(t, name)
            }
        }
    }

    /// Attribute of a Row (`row.username`, `row._mapping`).
    pub fn row_attr(&mut self, r: &RowObj, this: &Value, name: &str) -> R<Value> {
        // `Row.t` / `Row.tuple()` (SQLAlchemy 2.0.19+) come before a column so named.
        // (They and `_t` are the row itself, typed as a tuple; `_data` is its tuple;
        // `keys()`, `values()` and `items()` are a RowMapping's, not a Row's.)
        if name == "t" || name == "_t" {
            return Ok(this.clone());
        }
        if name == "_data" {
            return Ok(Value::tuple((*r.values).clone()));
        }
        // (Of columns with the same name, the last one.)
        if let Some(i) = r.keys.iter().rposition(|k| &**k == name) {
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
            // AttributeError: of the name alone for ORM rows, of the Core message else.)
            _ if r.orm => self.raise("AttributeError", name),
            _ => self.raise(
                "AttributeError",
                format!("Could not locate column in row for column '{name}'"),
            ),
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
            // (The row itself, typed as a tuple.)
            "_tuple" | "tuple" if !mapping => Ok(Value::Native(Rc::new(Native::Row(r.clone())))),
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
                match self.call_method(&t, name, args, vec![]) {
                    // (`Sequence.index`'s error has no message.)
                    Err(e) if name == "index" && self.exc_is(&e, "ValueError") => {
                        self.raise("ValueError", "")
                    }
                    r => r,
                }
            }
            _ => self.no_attr("Row", name),
        }
    }
}
