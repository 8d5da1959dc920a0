//! CREATE TABLE / CREATE INDEX text, as SQLAlchemy's SQLite DDL compiler prints it.

use super::super::ident::quote;
use super::super::stmt::{ColumnDef, CreateIndex, CreateTable, TableConstraint};

fn needs_default_parens(d: &str) -> bool {
    let starts_quoted = d.trim_start().starts_with(['\'', '"', '(']);
    !starts_quoted && d.chars().any(|c| !(c.is_alphanumeric() || c == '_'))
}

fn column_def(c: &ColumnDef) -> String {
    let mut s = format!("{} {}", quote(&c.name), c.ty.ddl());
    if let Some(d) = &c.default {
        if needs_default_parens(d) {
            s.push_str(&format!(" DEFAULT ({d})"));
        } else {
            s.push_str(&format!(" DEFAULT {d}"));
        }
    }
    if c.not_null {
        s.push_str(" NOT NULL");
    }
    if c.autoincrement_pk {
        s.push_str(" PRIMARY KEY AUTOINCREMENT");
    }
    for (name, sql) in &c.checks {
        s.push(' ');
        if let Some(n) = name {
            s.push_str(&format!("CONSTRAINT {} ", quote(n)));
        }
        s.push_str(&format!("CHECK ({sql})"));
    }
    s
}

fn col_list(cols: &[String]) -> String {
    cols.iter()
        .map(|c| quote(c).into_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

fn constraint(c: &TableConstraint) -> String {
    let prefix = |name: &Option<String>| match name {
        Some(n) => format!("CONSTRAINT {} ", quote(n)),
        None => String::new(),
    };
    match c {
        TableConstraint::PrimaryKey { name, columns } => {
            format!("{}PRIMARY KEY ({})", prefix(name), col_list(columns))
        }
        TableConstraint::Unique { name, columns } => {
            format!("{}UNIQUE ({})", prefix(name), col_list(columns))
        }
        TableConstraint::Check { name, sql } => format!("{}CHECK ({sql})", prefix(name)),
        TableConstraint::ForeignKey {
            name,
            columns,
            ref_table,
            ref_columns,
            ondelete,
            onupdate,
        } => {
            let mut s = format!(
                "{}FOREIGN KEY({}) REFERENCES {} ({})",
                prefix(name),
                col_list(columns),
                quote(ref_table),
                col_list(ref_columns)
            );
            if let Some(d) = ondelete {
                s.push_str(&format!(" ON DELETE {d}"));
            }
            if let Some(u) = onupdate {
                s.push_str(&format!(" ON UPDATE {u}"));
            }
            s
        }
    }
}

pub(super) fn create_table(t: &CreateTable) -> String {
    let mut lines: Vec<String> = t.columns.iter().map(column_def).collect();
    lines.extend(t.constraints.iter().map(constraint));
    format!(
        "\nCREATE TABLE {} (\n\t{}\n)\n\n",
        quote(&t.name),
        lines.join(", \n\t")
    )
}

pub(super) fn create_index(i: &CreateIndex) -> String {
    let elements: Vec<String> = i
        .columns
        .iter()
        .enumerate()
        .map(|(n, c)| match i.exprs.get(n) {
            Some(Some(e)) => super::render_ddl_expr(e),
            _ => quote(c).into_owned(),
        })
        .collect();
    let mut s = format!(
        "CREATE {}INDEX {} ON {} ({})",
        if i.unique { "UNIQUE " } else { "" },
        quote(&i.name),
        quote(&i.table),
        elements.join(", ")
    );
    if let Some(w) = &i.where_clause {
        s.push_str(" WHERE ");
        s.push_str(&super::render_ddl_expr(w));
    }
    s
}
