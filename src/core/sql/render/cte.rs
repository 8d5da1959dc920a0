//! Common table expressions: a CTE is named in FROM and stated once in the WITH clause of
//! the outermost SELECT (SQLAlchemy's `visit_cte` and `_render_cte_clause`).

use super::{Expr, Renderer, Select, TableRef};

impl Renderer {
    /// The outermost SELECT's text `out` with the WITH clause of the CTEs met in it.
    pub(super) fn with_clause(&mut self, top: bool, out: String) -> String {
        if !top || self.ctes.is_empty() {
            return out;
        }
        // SQLAlchemy's `_render_cte_clause`.
        let mut params = std::mem::take(&mut self.cte_params);
        params.append(&mut self.params);
        self.params = params;
        let kw = if self.ctes_recursive {
            "WITH RECURSIVE"
        } else {
            "WITH"
        };
        let with = format!("{kw} {}\n {out}", self.ctes.join(", \n"));
        self.ctes.clear();
        with
    }

    /// A CTE in FROM: its name, the CTE itself stated (once) for the WITH clause, its
    /// parameters kept apart (SQLAlchemy's `visit_cte`).
    pub(super) fn cte(&mut self, select: &Select, alias: &TableRef, recursive: bool) -> String {
        let name = self.table_name(alias);
        let quoted = self.q(&name).into_owned();
        if self.cte_names.contains(&name) {
            return quoted;
        }
        self.cte_names.push(name);
        let mut text = quoted.clone();
        if recursive {
            self.ctes_recursive = true;
            let cols: Vec<String> = select
                .columns
                .iter()
                .map(|c| match c {
                    Expr::Label { name, .. } | Expr::Column { name, .. } => {
                        self.q(name).into_owned()
                    }
                    _ => "anon_1".into(),
                })
                .collect();
            text = format!("{text}({})", cols.join(", "));
        }
        let outer = std::mem::take(&mut self.params);
        let inner = self.select(select, true);
        let mut own = std::mem::replace(&mut self.params, outer);
        self.cte_params.append(&mut own);
        self.ctes.push(format!("{text} AS \n({inner})"));
        quoted
    }
}
