//! Schema as plain data: `MetaData` → `Table` → `Column` and constraints (what `db.Model`,
//! `db.Table`, `db.Column`, `__table_args__` declare).

use crate::core::sql::{SqlType, SqlValue};

use super::naming::NamingConvention;

/// A client-side default (`default=` / `onupdate=`): evaluated by the interpreter at flush time.
#[derive(Debug, Clone, PartialEq)]
pub enum ColumnDefault {
    /// A scalar value (`default='open'`, `default=3`).
    Scalar(SqlValue),
    /// A Python callable (`default=datetime.utcnow`, `default=lambda: ...`): the interpreter calls it.
    Callable,
}

/// A server default (`server_default=`), rendered into the DDL.
#[derive(Debug, Clone, PartialEq)]
pub enum ServerDefault {
    /// A Python string: rendered as a quoted literal (`'0'`, `'junior'`).
    Literal(String),
    /// `db.text('...')` or any pre-rendered SQL (`0`, `CURRENT_TIMESTAMP`, `datetime('now')`).
    Sql(String),
    /// A zero-argument function (`func.now()` → `CURRENT_TIMESTAMP`, `func.current_date()`).
    Func(String),
    /// `db.true()` → `1`.
    True,
    /// `db.false()` → `0`.
    False,
}

impl ServerDefault {
    /// The SQL text after `DEFAULT` (before SQLite's parenthesization rule).
    pub fn sql(&self) -> String {
        match self {
            ServerDefault::Literal(s) => crate::core::sql::ident::string_literal(s),
            ServerDefault::Sql(s) => s.clone(),
            ServerDefault::Func(name) => {
                let f = crate::core::sql::expr::func(name.clone(), vec![]);
                let sel = crate::core::sql::Select::new(vec![f.label("x")]);
                let r = crate::core::sql::render(&sel.into());
                r.sql
                    .trim_start_matches("SELECT ")
                    .trim_end_matches(" AS x")
                    .to_string()
            }
            ServerDefault::True => "1".into(),
            ServerDefault::False => "0".into(),
        }
    }
}

/// `autoincrement=` of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Autoincrement {
    /// `"auto"` (the default).
    #[default]
    Auto,
    /// `True`.
    Yes,
    /// `False`.
    No,
}

/// `db.ForeignKey('table.column', ondelete=..., onupdate=..., name=...)` on a column.
#[derive(Debug, Clone, PartialEq)]
pub struct ForeignKey {
    /// Referenced table.
    pub table: String,
    /// Referenced column.
    pub column: String,
    /// ON DELETE action (`CASCADE`, `SET NULL`...).
    pub ondelete: Option<String>,
    /// ON UPDATE action.
    pub onupdate: Option<String>,
    /// Constraint name.
    pub name: Option<String>,
}

impl ForeignKey {
    /// Parse `"table.column"`.
    pub fn new(target: &str) -> Self {
        let (table, column) = target.rsplit_once('.').unwrap_or((target, "id"));
        ForeignKey {
            table: table.into(),
            column: column.into(),
            ondelete: None,
            onupdate: None,
            name: None,
        }
    }
    /// Set ON DELETE.
    pub fn ondelete(mut self, action: &str) -> Self {
        self.ondelete = Some(action.into());
        self
    }
    /// Set ON UPDATE.
    pub fn onupdate(mut self, action: &str) -> Self {
        self.onupdate = Some(action.into());
        self
    }
}

/// `db.Column(...)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// SQL name.
    pub name: String,
    /// Python attribute key (differs from `name` for `from_ = db.Column('from', ...)`).
    pub key: String,
    /// Type.
    pub ty: SqlType,
    /// `primary_key=True`.
    pub primary_key: bool,
    /// Explicit `nullable=`; `None` means the default (`not primary_key`).
    pub nullable: Option<bool>,
    /// `unique=True`.
    pub unique: bool,
    /// `index=True`.
    pub index: bool,
    /// `default=`.
    pub default: Option<ColumnDefault>,
    /// `onupdate=`.
    pub onupdate: Option<ColumnDefault>,
    /// `server_default=`.
    pub server_default: Option<ServerDefault>,
    /// `autoincrement=`.
    pub autoincrement: Autoincrement,
    /// Column-level foreign keys.
    pub foreign_keys: Vec<ForeignKey>,
    /// Column-level CHECK constraints `(name, sqltext)` (`db.Column(db.Integer, db.CheckConstraint('x > 0'))`).
    pub checks: Vec<(Option<String>, String)>,
    /// The type's DDL when it is spelled under another name than its behaviour's
    /// (`DECIMAL(6, 3)`, `TIMESTAMP`).
    pub type_ddl: Option<String>,
    /// The uppercase type class the column was declared with when its DDL is the
    /// generic type's (`VARCHAR(20)` for `String(20)`): only `repr(column.type)` and
    /// the type's class name show it.
    pub type_class: Option<Box<str>>,
    /// `Boolean(create_constraint=True)`: the table gets `CHECK (col IN (0, 1))`, named by
    /// the type's `name=` when it has one.
    pub bool_check: Option<Option<String>>,
    /// `Enum(..., create_constraint=True)`: the table gets `CHECK (col IN (<values>))`.
    pub enum_check: bool,
    /// `JSON(none_as_null=True)`: Python `None` is stored as SQL NULL, not `'null'`.
    pub none_as_null: bool,
    /// `DateTime(timezone=True)` (the column's type stays `DateTime`: SQLite stores it naive).
    pub timezone: bool,
    /// `comment=` (SQLite's DDL has no comments: only `column.comment` shows it).
    pub comment: Option<String>,
    /// The `Column` object's own key when it differs from the mapped attribute's `key`
    /// (`full_name = db.Column('FullName', ...)`: `table.c.FullName`), see [`Column::table_key`].
    pub own_key: Option<String>,
}

impl Column {
    /// A nullable column with no extras.
    pub fn new(name: &str, ty: SqlType) -> Self {
        Column {
            name: name.into(),
            key: name.into(),
            ty,
            primary_key: false,
            nullable: None,
            unique: false,
            index: false,
            default: None,
            onupdate: None,
            server_default: None,
            autoincrement: Autoincrement::Auto,
            foreign_keys: vec![],
            checks: vec![],
            type_ddl: None,
            type_class: None,
            bool_check: None,
            enum_check: false,
            none_as_null: false,
            timezone: false,
            comment: None,
            own_key: None,
        }
    }
    /// The key `table.c` knows the column by: its `key=`, else its name (the mapped
    /// attribute's name only when the column took its name from it).
    pub fn table_key(&self) -> &str {
        self.own_key.as_deref().unwrap_or(&self.key)
    }
    /// True when Python `None` is a value of the type, stored as JSON `'null'` (a `JSON`
    /// column without `none_as_null=True`).
    pub fn evaluates_none(&self) -> bool {
        matches!(self.ty, SqlType::Json) && !self.none_as_null
    }
    /// `primary_key=True`.
    pub fn primary_key(mut self) -> Self {
        self.primary_key = true;
        self
    }
    /// `nullable=...`.
    pub fn nullable(mut self, yes: bool) -> Self {
        self.nullable = Some(yes);
        self
    }
    /// `nullable=False`.
    pub fn not_null(self) -> Self {
        self.nullable(false)
    }
    /// `unique=True`.
    pub fn unique(mut self) -> Self {
        self.unique = true;
        self
    }
    /// `index=True`.
    pub fn index(mut self) -> Self {
        self.index = true;
        self
    }
    /// `default=`.
    pub fn default(mut self, d: ColumnDefault) -> Self {
        self.default = Some(d);
        self
    }
    /// `onupdate=`.
    pub fn onupdate(mut self, d: ColumnDefault) -> Self {
        self.onupdate = Some(d);
        self
    }
    /// `server_default=`.
    pub fn server_default(mut self, d: ServerDefault) -> Self {
        self.server_default = Some(d);
        self
    }
    /// Add `db.ForeignKey(...)`.
    pub fn foreign_key(mut self, fk: ForeignKey) -> Self {
        self.foreign_keys.push(fk);
        self
    }
    /// Add a column-level CHECK.
    pub fn check(mut self, name: Option<&str>, sql: &str) -> Self {
        self.checks.push((name.map(str::to_string), sql.into()));
        self
    }
    /// Attribute key different from the SQL name.
    pub fn key(mut self, key: &str) -> Self {
        self.key = key.into();
        self
    }
    /// Effective nullability: explicit `nullable`, else `not primary_key`.
    pub fn is_nullable(&self) -> bool {
        self.nullable.unwrap_or(!self.primary_key)
    }
}

/// A table-level constraint from `__table_args__` / `db.Table(...)` arguments.
#[derive(Debug, Clone, PartialEq)]
pub enum Constraint {
    /// `db.UniqueConstraint(*cols, name=)`.
    Unique {
        /// Name.
        name: Option<String>,
        /// Columns.
        columns: Vec<String>,
    },
    /// `db.CheckConstraint(sql, name=)`.
    Check {
        /// Name.
        name: Option<String>,
        /// Condition SQL.
        sql: String,
    },
    /// `db.ForeignKeyConstraint(cols, refcols, name=, ondelete=, onupdate=)`.
    ForeignKey {
        /// Name.
        name: Option<String>,
        /// Local columns.
        columns: Vec<String>,
        /// Referenced table.
        ref_table: String,
        /// Referenced columns.
        ref_columns: Vec<String>,
        /// ON DELETE.
        ondelete: Option<String>,
        /// ON UPDATE.
        onupdate: Option<String>,
    },
    /// `db.PrimaryKeyConstraint(*cols, name=)`: marks the columns as the primary key.
    PrimaryKey {
        /// Name.
        name: Option<String>,
        /// Columns.
        columns: Vec<String>,
    },
}

impl Constraint {
    /// Its Python class's name (`UniqueConstraint`).
    pub fn class_name(&self) -> &'static str {
        match self {
            Constraint::Unique { .. } => "UniqueConstraint",
            Constraint::Check { .. } => "CheckConstraint",
            Constraint::ForeignKey { .. } => "ForeignKeyConstraint",
            Constraint::PrimaryKey { .. } => "PrimaryKeyConstraint",
        }
    }

    /// Its name.
    pub fn name(&self) -> Option<&str> {
        match self {
            Constraint::Unique { name, .. }
            | Constraint::Check { name, .. }
            | Constraint::ForeignKey { name, .. }
            | Constraint::PrimaryKey { name, .. } => name.as_deref(),
        }
    }

    /// Its columns (none for a CHECK).
    pub fn columns(&self) -> &[String] {
        match self {
            Constraint::Unique { columns, .. }
            | Constraint::ForeignKey { columns, .. }
            | Constraint::PrimaryKey { columns, .. } => columns,
            Constraint::Check { .. } => &[],
        }
    }

    /// The constraint a CREATE TABLE line states (its name as the naming convention
    /// made it).
    pub fn from_ddl(c: &crate::core::sql::TableConstraint) -> Self {
        use crate::core::sql::TableConstraint as T;
        match c.clone() {
            T::PrimaryKey { name, columns } => Constraint::PrimaryKey { name, columns },
            T::Unique { name, columns } => Constraint::Unique { name, columns },
            T::Check { name, sql } => Constraint::Check { name, sql },
            T::ForeignKey {
                name,
                columns,
                ref_table,
                ref_columns,
                ondelete,
                onupdate,
            } => Constraint::ForeignKey {
                name,
                columns,
                ref_table,
                ref_columns,
                ondelete,
                onupdate,
            },
        }
    }
}

/// `db.Index(name, *cols, unique=)` from `__table_args__` (or made at module level on a
/// mapped table's columns).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Index {
    /// Name (`None`: from the naming convention).
    pub name: Option<String>,
    /// Columns (for an expression element, the first column it names).
    pub columns: Vec<String>,
    /// UNIQUE index.
    pub unique: bool,
    /// Elements given as SQL expressions (`func.lower(email)`, `points.desc()`), by
    /// position in `columns`; `None` (or missing): the plain column.
    pub exprs: Vec<Option<crate::core::sql::Expr>>,
    /// `sqlite_where=`: a partial index's condition.
    pub where_clause: Option<crate::core::sql::Expr>,
}

/// A foreign key of a table, column-level or table-level, normalized.
#[derive(Debug, Clone, PartialEq)]
pub struct ForeignKeyRef {
    /// Local columns.
    pub columns: Vec<String>,
    /// Referenced table.
    pub ref_table: String,
    /// Referenced columns.
    pub ref_columns: Vec<String>,
}

/// A table.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Name.
    pub name: String,
    /// Columns in declaration order.
    pub columns: Vec<Column>,
    /// Table-level constraints in declaration order.
    pub constraints: Vec<Constraint>,
    /// Explicit indexes in declaration order.
    pub indexes: Vec<Index>,
    /// `__table_args__ = {'sqlite_autoincrement': True}`: the integer primary key is
    /// declared `PRIMARY KEY AUTOINCREMENT` on its column.
    pub sqlite_autoincrement: bool,
    /// `__table_args__ = {'comment': ...}` / `Table(..., comment=...)`.
    pub comment: Option<String>,
}

impl Table {
    /// An empty table.
    pub fn new(name: &str) -> Self {
        Table {
            name: name.into(),
            columns: vec![],
            constraints: vec![],
            indexes: vec![],
            sqlite_autoincrement: false,
            comment: None,
        }
    }
    /// Add a column.
    pub fn column(mut self, c: Column) -> Self {
        self.columns.push(c);
        self
    }
    /// Add a table-level constraint.
    pub fn constraint(mut self, c: Constraint) -> Self {
        if let Constraint::PrimaryKey { columns, .. } = &c {
            for col in &mut self.columns {
                if columns.contains(&col.name) {
                    col.primary_key = true;
                }
            }
        }
        self.constraints.push(c);
        self
    }
    /// Add an index.
    pub fn index(mut self, i: Index) -> Self {
        self.indexes.push(i);
        self
    }
    /// Column by SQL name.
    pub fn col(&self, name: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.name == name)
    }
    /// Column by attribute key (falls back to SQL name).
    pub fn col_by_key(&self, key: &str) -> Option<&Column> {
        self.columns
            .iter()
            .find(|c| c.key == key)
            .or_else(|| self.col(key))
    }
    /// The column mapped to attribute `key` (not found by its SQL name: what `filter_by()`
    /// looks up).
    pub fn col_by_attr(&self, key: &str) -> Option<&Column> {
        self.columns.iter().find(|c| c.key == key)
    }
    /// Primary key column names, in column order.
    pub fn primary_key(&self) -> Vec<&str> {
        self.columns
            .iter()
            .filter(|c| c.primary_key)
            .map(|c| c.name.as_str())
            .collect()
    }
    /// All foreign keys (table-level constraints first, then column-level in column order).
    pub fn foreign_keys(&self) -> Vec<ForeignKeyRef> {
        let mut out = Vec::new();
        for c in &self.constraints {
            if let Constraint::ForeignKey {
                columns,
                ref_table,
                ref_columns,
                ..
            } = c
            {
                out.push(ForeignKeyRef {
                    columns: columns.clone(),
                    ref_table: ref_table.clone(),
                    ref_columns: ref_columns.clone(),
                });
            }
        }
        for col in &self.columns {
            for fk in &col.foreign_keys {
                out.push(ForeignKeyRef {
                    columns: vec![col.name.clone()],
                    ref_table: fk.table.clone(),
                    ref_columns: vec![fk.column.clone()],
                });
            }
        }
        out
    }
}

/// `db.metadata`: tables in definition order plus the naming convention.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MetaData {
    /// Tables in the order they were defined.
    pub tables: Vec<Table>,
    /// `naming_convention`.
    pub naming_convention: NamingConvention,
}

impl MetaData {
    /// Empty metadata with SQLAlchemy's default naming convention.
    pub fn new() -> Self {
        MetaData::default()
    }
    /// Empty metadata with a custom naming convention.
    pub fn with_convention(naming_convention: NamingConvention) -> Self {
        MetaData {
            tables: vec![],
            naming_convention,
        }
    }
    /// Add (or replace, keeping its position) a table.
    pub fn add(&mut self, table: Table) {
        if let Some(t) = self.tables.iter_mut().find(|t| t.name == table.name) {
            *t = table;
        } else {
            self.tables.push(table);
        }
    }
    /// Builder form of [`MetaData::add`].
    pub fn with(mut self, table: Table) -> Self {
        self.add(table);
        self
    }
    /// Table by name.
    pub fn table(&self, name: &str) -> Option<&Table> {
        self.tables.iter().find(|t| t.name == name)
    }
    /// Table names sorted (`sorted(db.metadata.tables)`).
    pub fn sorted_names(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self.tables.iter().map(|t| t.name.as_str()).collect();
        crate::core::sort::sort(&mut v);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nullability_and_fks() {
        let t = Table::new("book")
            .column(Column::new("id", SqlType::Integer).primary_key())
            .column(
                Column::new("author_id", SqlType::Integer)
                    .foreign_key(ForeignKey::new("author.id"))
                    .not_null(),
            )
            .column(Column::new("title", SqlType::String(Some(10))));
        assert!(!t.col("id").unwrap().is_nullable());
        assert!(!t.col("author_id").unwrap().is_nullable());
        assert!(t.col("title").unwrap().is_nullable());
        assert_eq!(t.primary_key(), vec!["id"]);
        assert_eq!(t.foreign_keys()[0].ref_table, "author");
        assert_eq!(ServerDefault::Func("now".into()).sql(), "CURRENT_TIMESTAMP");
        assert_eq!(ServerDefault::Literal("5.0".into()).sql(), "'5.0'");
    }
}
