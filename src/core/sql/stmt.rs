//! Statements as values: SELECT, INSERT, UPDATE, DELETE and the DDL statements.

use super::expr::{Expr, TableRef};
use super::types::SqlType;
use super::value::SqlValue;

/// How SELECT columns are labeled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum LabelStyle {
    /// Legacy `Query`: `user.id AS user_id`; functions and expressions get `count_1`, `anon_1`.
    #[default]
    TablenamePlusCol,
    /// 2.0 `select()`: bare columns, `AS id_1` only for repeated names; functions get `count_1`.
    DisambiguateOnly,
}

/// One element of a FROM clause.
#[derive(Debug, Clone, PartialEq)]
pub enum FromItem {
    /// A table by name.
    Table(String),
    /// `table AS alias`.
    Alias {
        /// Aliased table's name.
        table: String,
        /// The alias.
        alias: TableRef,
    },
    /// `(SELECT ...) AS alias`.
    Subquery {
        /// The inner statement.
        select: Box<Select>,
        /// The alias (usually anonymous `anon_N`).
        alias: TableRef,
        /// `Some(recursive)`: a common table expression (`select(...).cte()`), named in
        /// FROM and stated in the WITH clause of the outermost statement.
        cte: Option<bool>,
    },
    /// `left [LEFT OUTER] JOIN right ON on`.
    Join {
        /// Left side.
        left: Box<FromItem>,
        /// Right side (parenthesized when itself a join).
        right: Box<FromItem>,
        /// ON condition.
        on: Expr,
        /// LEFT OUTER JOIN when true.
        outer: bool,
        /// FULL OUTER JOIN when true (with `outer`).
        full: bool,
    },
}

impl FromItem {
    /// A named table.
    pub fn table(name: impl Into<String>) -> Self {
        FromItem::Table(name.into())
    }

    /// `self JOIN right ON on`.
    pub fn join(self, right: FromItem, on: Expr, outer: bool) -> Self {
        FromItem::Join {
            left: Box::new(self),
            right: Box::new(right),
            on,
            outer,
            full: false,
        }
    }

    /// This join made a FULL OUTER JOIN (`join(..., full=True)`); other items are unchanged.
    pub fn into_full(self) -> Self {
        match self {
            FromItem::Join {
                left, right, on, ..
            } => FromItem::Join {
                left,
                right,
                on,
                outer: true,
                full: true,
            },
            other => other,
        }
    }

    /// True if this item is, or joins, the table/alias `r`.
    pub fn provides(&self, r: &TableRef) -> bool {
        match self {
            FromItem::Table(t) => matches!(r, TableRef::Named(n) if n == t),
            FromItem::Alias { alias, .. } | FromItem::Subquery { alias, .. } => alias == r,
            FromItem::Join { left, right, .. } => left.provides(r) || right.provides(r),
        }
    }

    /// How this item names `table`'s columns: the table itself, or the alias it is under
    /// (`None` when it has neither; the first found, left to right).
    pub fn ref_of(&self, table: &str) -> Option<TableRef> {
        match self {
            FromItem::Table(t) if t == table => Some(TableRef::Named(t.clone())),
            FromItem::Alias { table: t, alias } if t == table => Some(alias.clone()),
            FromItem::Join { left, right, .. } => {
                left.ref_of(table).or_else(|| right.ref_of(table))
            }
            _ => None,
        }
    }

    /// The table or alias this item names (`None` for a join).
    pub fn table_ref(&self) -> Option<TableRef> {
        match self {
            FromItem::Table(t) => Some(TableRef::Named(t.clone())),
            FromItem::Alias { alias, .. } | FromItem::Subquery { alias, .. } => Some(alias.clone()),
            FromItem::Join { .. } => None,
        }
    }

    /// Every table or alias this item provides (both sides of a join).
    pub fn table_refs(&self, out: &mut Vec<TableRef>) {
        match self {
            FromItem::Join { left, right, .. } => {
                left.table_refs(out);
                right.table_refs(out);
            }
            other => out.extend(other.table_ref()),
        }
    }
}

/// Which FROM items of a SELECT nested in another as an expression (a scalar subquery,
/// `EXISTS`, `IN (...)`) refer to the enclosing SELECT's instead of being its own.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Correlate {
    /// SQLAlchemy's auto-correlation: when the nested SELECT has more than one FROM item,
    /// those the immediately enclosing SELECT also has are left out.
    #[default]
    Auto,
    /// `correlate(None)`: every FROM item stays.
    Off,
    /// `correlate(a, b)`: these are left out when an enclosing SELECT has them.
    Only(Vec<TableRef>),
    /// `correlate_except(a, b)`: every item an enclosing SELECT has is left out, but these.
    Except(Vec<TableRef>),
}

/// A SELECT statement.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Select {
    /// Columns clause.
    pub columns: Vec<Expr>,
    /// Column labeling.
    pub label_style: LabelStyle,
    /// `SELECT DISTINCT`.
    pub distinct: bool,
    /// FROM items, comma separated.
    pub from: Vec<FromItem>,
    /// WHERE criteria, ANDed (each grouped against AND when there are several).
    pub where_: Vec<Expr>,
    /// GROUP BY expressions.
    pub group_by: Vec<Expr>,
    /// HAVING criteria, ANDed.
    pub having: Vec<Expr>,
    /// ORDER BY expressions.
    pub order_by: Vec<Expr>,
    /// LIMIT (bound as a parameter).
    pub limit: Option<Expr>,
    /// OFFSET (bound as a parameter).
    pub offset: Option<Expr>,
    /// `UNION SELECT ...` and the other set operations after this SELECT's own clauses
    /// (the ORDER BY and LIMIT above then apply to the whole compound).
    pub compound: Vec<(Compound, Select)>,
    /// How this SELECT correlates when nested in another as an expression.
    pub correlate: Correlate,
}

/// A set operation joining two SELECTs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compound {
    /// `UNION`
    Union,
    /// `UNION ALL`
    UnionAll,
    /// `INTERSECT`
    Intersect,
    /// `EXCEPT`
    Except,
}

impl Compound {
    /// The SQL keyword(s).
    pub fn keyword(self) -> &'static str {
        match self {
            Compound::Union => "UNION",
            Compound::UnionAll => "UNION ALL",
            Compound::Intersect => "INTERSECT",
            Compound::Except => "EXCEPT",
        }
    }
}

impl Select {
    /// `SELECT columns` with the legacy Query label style.
    pub fn new(columns: Vec<Expr>) -> Self {
        Select {
            columns,
            ..Default::default()
        }
    }
    /// Set the label style.
    pub fn label_style(mut self, style: LabelStyle) -> Self {
        self.label_style = style;
        self
    }
    /// Add a FROM item.
    pub fn from(mut self, item: FromItem) -> Self {
        self.from.push(item);
        self
    }
    /// Add a WHERE criterion.
    pub fn filter(mut self, e: Expr) -> Self {
        self.where_.push(e);
        self
    }
    /// Add GROUP BY expressions.
    pub fn group_by(mut self, e: Vec<Expr>) -> Self {
        self.group_by.extend(e);
        self
    }
    /// Add a HAVING criterion.
    pub fn having(mut self, e: Expr) -> Self {
        self.having.push(e);
        self
    }
    /// Add ORDER BY expressions.
    pub fn order_by(mut self, e: Vec<Expr>) -> Self {
        self.order_by.extend(e);
        self
    }
    /// LIMIT n (a bound parameter).
    pub fn limit(mut self, n: i64) -> Self {
        self.limit = Some(Expr::bind(SqlValue::Integer(n)));
        self
    }
    /// OFFSET n (a bound parameter).
    pub fn offset(mut self, n: i64) -> Self {
        self.offset = Some(Expr::bind(SqlValue::Integer(n)));
        self
    }
    /// SELECT DISTINCT.
    pub fn distinct(mut self) -> Self {
        self.distinct = true;
        self
    }
}

/// `INSERT INTO table (cols) VALUES (...)[, (...)] [RETURNING ...]`, or `DEFAULT VALUES`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Insert {
    /// Target table.
    pub table: String,
    /// Column names (empty: `DEFAULT VALUES`).
    pub columns: Vec<String>,
    /// One row of values per VALUES tuple (usually binds).
    pub rows: Vec<Vec<Expr>>,
    /// RETURNING column names.
    pub returning: Vec<String>,
    /// `prefix_with('OR IGNORE')`: the words between `INSERT` and `INTO`.
    pub prefixes: Vec<String>,
    /// SQLite's upsert clause, after the VALUES.
    pub on_conflict: Option<OnConflict>,
}

/// `ON CONFLICT [(target) [WHERE ...]] DO NOTHING | DO UPDATE SET c = v, ... [WHERE ...]`:
/// the upsert of SQLAlchemy's `sqlalchemy.dialects.sqlite.insert()`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OnConflict {
    /// The conflict target's columns (`index_elements`); empty: none named.
    pub target: Vec<String>,
    /// The target's partial index condition (`index_where`), written with literal values.
    pub target_where: Option<Expr>,
    /// `DO UPDATE SET`'s `(column, value)` pairs; `None`: `DO NOTHING`.
    pub set: Option<Vec<(String, Expr)>>,
    /// `DO UPDATE ... WHERE`.
    pub where_: Option<Expr>,
}

/// `UPDATE table SET a=?, b=(expr) [WHERE ...]`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Update {
    /// Target table.
    pub table: String,
    /// `(column, value)` in table column order (values already `self_group()`ed).
    pub set: Vec<(String, Expr)>,
    /// WHERE criteria, ANDed.
    pub where_: Vec<Expr>,
    /// RETURNING column names (a bulk UPDATE's primary key, for `synchronize_session='fetch'`).
    pub returning: Vec<String>,
    /// Other tables the WHERE criteria name: `UPDATE t SET ... FROM a, b WHERE ...`.
    pub from: Vec<String>,
}

impl Update {
    /// Add `column = value` (binary values are parenthesized like SQLAlchemy's SET clause).
    pub fn set(mut self, column: impl Into<String>, value: Expr) -> Self {
        self.set.push((column.into(), value.self_group(None)));
        self
    }
}

/// `DELETE FROM table [WHERE ...]`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Delete {
    /// Target table.
    pub table: String,
    /// WHERE criteria, ANDed.
    pub where_: Vec<Expr>,
    /// RETURNING column names (a bulk DELETE's primary key, for `synchronize_session='fetch'`).
    pub returning: Vec<String>,
    /// Other tables the WHERE criteria name (SQLite has no `DELETE ... USING`: the
    /// default dialect prints them after the target, `DELETE FROM t , a WHERE ...`).
    pub from: Vec<String>,
}

/// A column line of CREATE TABLE.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnDef {
    /// Column name.
    pub name: String,
    /// Column type.
    pub ty: SqlType,
    /// Rendered server default (`'0'`, `CURRENT_TIMESTAMP`, `0`); parenthesized by the renderer
    /// when SQLite needs it (`DEFAULT (datetime('now'))`).
    pub default: Option<String>,
    /// `NOT NULL`.
    pub not_null: bool,
    /// Column-level CHECK constraints `(name, sqltext)`.
    pub checks: Vec<(Option<String>, String)>,
    /// `PRIMARY KEY AUTOINCREMENT` on the column (SQLite's `sqlite_autoincrement`).
    pub autoincrement_pk: bool,
}

/// A table-level constraint of CREATE TABLE.
#[derive(Debug, Clone, PartialEq)]
pub enum TableConstraint {
    /// `[CONSTRAINT n] PRIMARY KEY (a, b)`.
    PrimaryKey {
        /// Constraint name.
        name: Option<String>,
        /// Columns.
        columns: Vec<String>,
    },
    /// `[CONSTRAINT n] UNIQUE (a, b)`.
    Unique {
        /// Constraint name.
        name: Option<String>,
        /// Columns.
        columns: Vec<String>,
    },
    /// `[CONSTRAINT n] CHECK (sql)`.
    Check {
        /// Constraint name.
        name: Option<String>,
        /// SQL text of the condition.
        sql: String,
    },
    /// `[CONSTRAINT n] FOREIGN KEY(a) REFERENCES t (id) [ON DELETE x] [ON UPDATE y]`.
    ForeignKey {
        /// Constraint name.
        name: Option<String>,
        /// Local columns.
        columns: Vec<String>,
        /// Referenced table.
        ref_table: String,
        /// Referenced columns.
        ref_columns: Vec<String>,
        /// ON DELETE action.
        ondelete: Option<String>,
        /// ON UPDATE action.
        onupdate: Option<String>,
    },
}

/// `CREATE TABLE`.
#[derive(Debug, Clone, PartialEq)]
pub struct CreateTable {
    /// Table name.
    pub name: String,
    /// Column lines.
    pub columns: Vec<ColumnDef>,
    /// Constraint lines (after the columns).
    pub constraints: Vec<TableConstraint>,
}

/// `CREATE [UNIQUE] INDEX name ON table (cols)`.
#[derive(Debug, Clone, PartialEq)]
pub struct CreateIndex {
    /// Index name.
    pub name: String,
    /// Table name.
    pub table: String,
    /// Indexed columns.
    pub columns: Vec<String>,
    /// UNIQUE index.
    pub unique: bool,
    /// Elements that are expressions (`lower(email)`, `points DESC`), by position in
    /// `columns`; `None` (or missing): the plain column.
    pub exprs: Vec<Option<super::Expr>>,
    /// A partial index's `WHERE` condition.
    pub where_clause: Option<super::Expr>,
}

/// `DROP TABLE name`.
#[derive(Debug, Clone, PartialEq)]
pub struct DropTable {
    /// Table name.
    pub name: String,
}

/// `DROP INDEX name`.
#[derive(Debug, Clone, PartialEq)]
pub struct DropIndex {
    /// Index name.
    pub name: String,
}

/// Any statement the renderer understands.
// A statement is built, rendered and dropped one at a time (never stored in bulk), so the
// SELECT variant's size costs nothing worth a box on every query.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq)]
pub enum Statement {
    /// SELECT.
    Select(Select),
    /// INSERT.
    Insert(Insert),
    /// UPDATE.
    Update(Update),
    /// DELETE.
    Delete(Delete),
    /// CREATE TABLE.
    CreateTable(CreateTable),
    /// CREATE INDEX.
    CreateIndex(CreateIndex),
    /// DROP TABLE.
    DropTable(DropTable),
    /// DROP INDEX.
    DropIndex(DropIndex),
    /// Raw SQL with positional parameters (`text()` after `:name` → `?` conversion).
    Text(String, Vec<SqlValue>),
}

macro_rules! into_statement {
    ($($t:ident),*) => {$(
        impl From<$t> for Statement {
            fn from(s: $t) -> Self {
                Statement::$t(s)
            }
        }
    )*};
}
into_statement!(
    Select,
    Insert,
    Update,
    Delete,
    CreateTable,
    CreateIndex,
    DropTable,
    DropIndex
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_provides() {
        let j = FromItem::table("a").join(FromItem::table("b"), Expr::raw("1"), false);
        assert!(j.provides(&TableRef::named("b")));
        assert!(!j.provides(&TableRef::named("c")));
    }
}
