//! DDL: `Table` → CREATE TABLE / CREATE INDEX values, `create_all` / `drop_all` ordering.

use crate::core::sql::{
    ColumnDef, CreateIndex, CreateTable, DropTable, SqlType, Statement, TableConstraint,
};

use super::naming::{ConstraintKind, ConventionError, ConventionInput};
use super::schema::{Constraint, MetaData, Table};

/// A schema that cannot be rendered (naming-convention errors, unnamed indexes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DdlError(pub String);

impl From<ConventionError> for DdlError {
    fn from(e: ConventionError) -> Self {
        DdlError(e.0)
    }
}

fn conv_name(
    md: &MetaData,
    kind: ConstraintKind,
    table: &Table,
    columns: &[String],
    referred: Option<(&str, &[String])>,
    name: Option<&str>,
) -> Result<Option<String>, DdlError> {
    let input = ConventionInput {
        table: &table.name,
        columns: columns.iter().map(String::as_str).collect(),
        referred_table: referred.map(|r| r.0),
        referred_columns: referred
            .map(|r| r.1.iter().map(String::as_str).collect())
            .unwrap_or_default(),
        constraint_name: name,
    };
    Ok(md.naming_convention.name_for(kind, &input)?)
}

/// The CREATE TABLE of `table`: columns, then `PRIMARY KEY`, explicit table constraints in
/// declaration order, then per column (in column order) its `UNIQUE` (unless `index=True`, which
/// makes a unique index instead) and its `FOREIGN KEY`s — SQLAlchemy's constraint creation order.
pub fn create_table(md: &MetaData, table: &Table) -> Result<CreateTable, DdlError> {
    // `sqlite_autoincrement` with one integer primary key column: declared on the column
    // (`PRIMARY KEY AUTOINCREMENT`), with no PRIMARY KEY clause after the columns.
    let pk_now = table.primary_key();
    let inline_pk = match pk_now.as_slice() {
        [one] if table.sqlite_autoincrement => table
            .columns
            .iter()
            .find(|c| c.name == *one)
            .filter(|c| c.ty.is_integer())
            .map(|c| c.name.clone()),
        _ => None,
    };
    let mut columns = Vec::new();
    for c in &table.columns {
        let mut checks = Vec::new();
        for (name, sql) in &c.checks {
            let n = conv_name(
                md,
                ConstraintKind::Check,
                table,
                std::slice::from_ref(&c.name),
                None,
                name.as_deref(),
            )?;
            checks.push((n, sql.clone()));
        }
        columns.push(ColumnDef {
            name: c.name.clone(),
            ty: match &c.type_ddl {
                Some(d) => crate::core::sql::SqlType::Custom(d.clone()),
                None => c.ty.clone(),
            },
            default: c.server_default.as_ref().map(|d| d.sql()),
            not_null: !c.is_nullable(),
            checks,
            autoincrement_pk: inline_pk.as_deref() == Some(c.name.as_str()),
        });
    }
    let mut constraints = Vec::new();
    let explicit_pk = table.constraints.iter().find_map(|c| match c {
        Constraint::PrimaryKey { name, columns } => Some((name.clone(), columns.clone())),
        _ => None,
    });
    let (pk_name, pk_cols) = match explicit_pk {
        Some((n, cols)) => (n, cols),
        None => (
            None,
            table
                .primary_key()
                .into_iter()
                .map(str::to_string)
                .collect(),
        ),
    };
    if !pk_cols.is_empty() && inline_pk.is_none() {
        let name = conv_name(
            md,
            ConstraintKind::PrimaryKey,
            table,
            &pk_cols,
            None,
            pk_name.as_deref(),
        )?;
        constraints.push(TableConstraint::PrimaryKey {
            name,
            columns: pk_cols,
        });
    }
    for c in &table.constraints {
        match c {
            Constraint::Unique { name, columns } => {
                let name = conv_name(
                    md,
                    ConstraintKind::Unique,
                    table,
                    columns,
                    None,
                    name.as_deref(),
                )?;
                constraints.push(TableConstraint::Unique {
                    name,
                    columns: columns.clone(),
                });
            }
            Constraint::Check { name, sql } => {
                let name = conv_name(md, ConstraintKind::Check, table, &[], None, name.as_deref())?;
                constraints.push(TableConstraint::Check {
                    name,
                    sql: sql.clone(),
                });
            }
            Constraint::ForeignKey {
                name,
                columns,
                ref_table,
                ref_columns,
                ondelete,
                onupdate,
            } => {
                let n = conv_name(
                    md,
                    ConstraintKind::ForeignKey,
                    table,
                    columns,
                    Some((ref_table, ref_columns)),
                    name.as_deref(),
                )?;
                constraints.push(TableConstraint::ForeignKey {
                    name: n,
                    columns: columns.clone(),
                    ref_table: ref_table.clone(),
                    ref_columns: ref_columns.clone(),
                    ondelete: ondelete.clone(),
                    onupdate: onupdate.clone(),
                });
            }
            Constraint::PrimaryKey { .. } => {}
        }
    }
    for c in &table.columns {
        let cols = vec![c.name.clone()];
        if let Some(own) = &c.bool_check {
            let name = match own {
                Some(own) => conv_name(md, ConstraintKind::Check, table, &[], None, Some(own))?,
                None => {
                    conv_name(md, ConstraintKind::Check, table, &[], None, None).unwrap_or(None)
                }
            };
            constraints.push(TableConstraint::Check {
                name,
                sql: format!("{} IN (0, 1)", crate::core::sql::ident::quote(&c.name)),
            });
        }
        let enum_values = match &c.ty {
            SqlType::Enum(values, spec) => Some((values, spec.name.clone())),
            SqlType::EnumClass(class, values, name) => Some((
                values,
                Some(match name {
                    Some(n) => n.to_string(),
                    None => crate::core::py::case::lower(class),
                }),
            )),
            _ => None,
        };
        if c.enum_check
            && let Some((values, own)) = enum_values
        {
            let name = conv_name(md, ConstraintKind::Check, table, &[], None, own.as_deref())?;
            let vals: Vec<String> = (values.iter())
                .map(|v| format!("'{}'", v.replace('\'', "''")))
                .collect();
            constraints.push(TableConstraint::Check {
                name,
                sql: format!(
                    "{} IN ({})",
                    crate::core::sql::ident::quote(&c.name),
                    vals.join(", ")
                ),
            });
        }
        if c.unique && !c.index {
            let name = conv_name(md, ConstraintKind::Unique, table, &cols, None, None)?;
            constraints.push(TableConstraint::Unique {
                name,
                columns: cols.clone(),
            });
        }
        for fk in &c.foreign_keys {
            let refcols = vec![fk.column.clone()];
            let name = conv_name(
                md,
                ConstraintKind::ForeignKey,
                table,
                &cols,
                Some((&fk.table, &refcols)),
                fk.name.as_deref(),
            )?;
            constraints.push(TableConstraint::ForeignKey {
                name,
                columns: cols.clone(),
                ref_table: fk.table.clone(),
                ref_columns: refcols,
                ondelete: fk.ondelete.clone(),
                onupdate: fk.onupdate.clone(),
            });
        }
    }
    Ok(CreateTable {
        name: table.name.clone(),
        columns,
        constraints,
    })
}

/// The CREATE INDEX statements of `table`: `index=True` columns (in column order; `unique=True`
/// makes it a UNIQUE index named by the `ix` convention, `ix_<table>_<column>` by default), then
/// `__table_args__` indexes. (SQLAlchemy iterates a set here; declaration order is what it
/// produces in practice.)
pub fn create_indexes(md: &MetaData, table: &Table) -> Result<Vec<CreateIndex>, DdlError> {
    let mut out = Vec::new();
    for c in table.columns.iter().filter(|c| c.index) {
        let cols = vec![c.name.clone()];
        let name = conv_name(md, ConstraintKind::Index, table, &cols, None, None)?
            .ok_or_else(|| DdlError(format!("Index on {}.{} has no name", table.name, c.name)))?;
        out.push(CreateIndex {
            name,
            table: table.name.clone(),
            columns: cols,
            unique: c.unique,
            exprs: vec![],
            where_clause: None,
        });
    }
    for i in &table.indexes {
        let name = conv_name(
            md,
            ConstraintKind::Index,
            table,
            &i.columns,
            None,
            i.name.as_deref(),
        )?
        .ok_or_else(|| DdlError(format!("Index on {} has no name", table.name)))?;
        out.push(CreateIndex {
            name,
            table: table.name.clone(),
            columns: i.columns.clone(),
            unique: i.unique,
            exprs: i.exprs.clone(),
            where_clause: i.where_clause.clone(),
        });
    }
    Ok(out)
}

/// SQLAlchemy's `sort_tables_and_constraints` + `topological.sort`: repeated passes over the
/// tables in metadata order, each pass emitting (in order) every table whose referenced tables
/// (other than itself and tables outside `names`) are already emitted. Tables on a cycle
/// of foreign keys are sorted as if they had none.
pub fn sort_tables<'a>(md: &'a MetaData, names: &[&str]) -> Vec<&'a Table> {
    let todo: Vec<&Table> = md
        .tables
        .iter()
        .filter(|t| names.contains(&t.name.as_str()))
        .collect();
    sort_table_list(todo)
}

/// `MetaData.sorted_tables`: the same sort over the tables ordered by name first.
pub fn sorted_tables(md: &MetaData) -> Vec<&Table> {
    let mut todo: Vec<&Table> = md.tables.iter().collect();
    crate::core::sort::sort_by(&mut todo, |a, b| a.name.cmp(&b.name));
    sort_table_list(todo)
}

/// The tables in dependency order; when some are on a cycle (SQLAlchemy's
/// `CircularDependencyError`), the tables of its cycles lose all their foreign-key
/// dependencies and the sort is done again.
fn sort_table_list(given: Vec<&Table>) -> Vec<&Table> {
    let n = given.len();
    // Each table's dependencies: the tables (of these) its foreign keys refer to.
    let mut deps: Vec<Vec<usize>> = Vec::with_capacity(n);
    for t in &given {
        let mut d = Vec::new();
        for fk in t.foreign_keys() {
            if let Some(i) = given
                .iter()
                .position(|g| g.name == fk.ref_table && g.name != t.name)
            {
                d.push(i);
            }
        }
        deps.push(d);
    }
    let mut cycle = false;
    loop {
        // (`topological.sort_as_subsets`: passes over the tables in order, each taking
        // those whose dependencies are all taken.)
        let mut done = vec![false; n];
        let mut out: Vec<usize> = Vec::with_capacity(n);
        while out.len() < n {
            let before = out.len();
            for i in 0..n {
                if !done[i] && deps[i].iter().all(|&d| done[d]) {
                    out.push(i);
                }
            }
            if out.len() == before {
                break;
            }
            for &i in &out[before..] {
                done[i] = true;
            }
        }
        if out.len() == n {
            return out.into_iter().map(|i| given[i]).collect();
        }
        if cycle {
            return given;
        }
        // The tables on a cycle (each reaches itself) lose their dependencies.
        cycle = true;
        let on: Vec<bool> = (0..n).map(|i| reaches(&deps, i)).collect();
        for (d, on) in deps.iter_mut().zip(on) {
            if on {
                d.clear();
            }
        }
    }
}

/// Whether `start` depends on itself through others.
fn reaches(deps: &[Vec<usize>], start: usize) -> bool {
    let mut seen = vec![false; deps.len()];
    let mut stack = deps[start].clone();
    while let Some(i) = stack.pop() {
        if i == start {
            return true;
        }
        if !std::mem::replace(&mut seen[i], true) {
            stack.extend(&deps[i]);
        }
    }
    false
}

/// `db.create_all()` (checkfirst): for every table not in `existing`, in dependency order,
/// its CREATE TABLE followed by its CREATE INDEX statements.
pub fn create_all(md: &MetaData, existing: &[&str]) -> Result<Vec<Statement>, DdlError> {
    let names: Vec<&str> = md
        .tables
        .iter()
        .map(|t| t.name.as_str())
        .filter(|n| !existing.contains(n))
        .collect();
    let mut out = Vec::new();
    for t in sort_tables(md, &names) {
        out.push(Statement::CreateTable(create_table(md, t)?));
        out.extend(
            create_indexes(md, t)?
                .into_iter()
                .map(Statement::CreateIndex),
        );
    }
    Ok(out)
}

/// `db.drop_all()` (checkfirst): DROP TABLE for every table in `existing`, in reverse dependency
/// order. (With a cycle, SQLAlchemy warns and drops them in metadata order: not done here.)
pub fn drop_all(md: &MetaData, existing: &[&str]) -> Vec<Statement> {
    let names: Vec<&str> = md
        .tables
        .iter()
        .map(|t| t.name.as_str())
        .filter(|n| existing.contains(n))
        .collect();
    let mut v: Vec<Statement> = sort_tables(md, &names)
        .into_iter()
        .map(|t| {
            Statement::DropTable(DropTable {
                name: t.name.clone(),
            })
        })
        .collect();
    v.reverse();
    v
}

/// The existence checks `create_all`/`drop_all` run first, per table in metadata order:
/// `PRAGMA main.table_info("t")` (then `PRAGMA temp.table_info("t")` when main has no such table).
pub fn has_table_pragmas(table: &str) -> [String; 2] {
    let q = format!("\"{}\"", table.replace('"', "\"\""));
    [
        format!("PRAGMA main.table_info({q})"),
        format!("PRAGMA temp.table_info({q})"),
    ]
}

#[cfg(test)]
#[path = "ddl_tests.rs"]
mod tests;
