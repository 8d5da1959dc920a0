//! Attributes of `db` (the `SQLAlchemy` object): its column types, the SQLAlchemy names it
//! passes through, its session, metadata and engines.

use super::*;

impl Interp<'_> {
    /// `db.<name>`.
    pub(super) fn db_attr(&mut self, name: &str) -> R<Value> {
        match name {
            "Model" => Ok(nv(Native::SqlaFn(Rc::from("db.Model")))),
            "session" => Ok(nv(Native::Session(false))),
            "metadata" => Ok(nv(Native::Metadata)),
            // (Every bind's URI is forced to the one in-memory database, so each key's
            // engine is the default one; Flask-SQLAlchemy makes the binds' engines
            // first, the default one last.)
            "engines" => {
                let mut keys = self.bind_keys();
                keys.push(Value::None);
                Ok(Value::dict_of(
                    keys.into_iter()
                        .map(|k| (k, nv(Native::Module(Rc::from("engine")))))
                        .collect(),
                ))
            }
            "func" => Ok(nv(Native::SqlaFn(Rc::from("func")))),
            // (`db.event` is the `sqlalchemy.event` module, as imported.)
            "event" => Ok(nv(Native::SqlaFn(Rc::from("event")))),
            "engine" => Ok(nv(Native::Module(Rc::from("engine")))),
            // (`sqlalchemy.exc`, the submodule, as `import sqlalchemy` makes it reachable.)
            "exc" => Ok(nv(Native::Module(Rc::from("sqlalchemy.exc")))),
            // (The other submodules `sqlalchemy` and `sqlalchemy.orm` reach as attributes:
            // `db.orm.attributes.flag_modified`, `db.sql.expression`, `db.types.Integer`.)
            "orm" | "sql" | "schema" | "types" => Ok(nv(Native::Module(Rc::from(
                format!("sqlalchemy.{name}").as_str(),
            )))),
            "attributes" => Ok(nv(Native::Module(Rc::from("sqlalchemy.orm.attributes")))),
            "Column"
            | "ForeignKey"
            | "relationship"
            | "backref"
            | "Table"
            | "create_all"
            | "drop_all"
            | "select"
            | "paginate"
            | "UniqueConstraint"
            | "Index"
            | "CheckConstraint"
            | "PrimaryKeyConstraint"
            | "ForeignKeyConstraint"
            | "text"
            | "and_"
            | "or_"
            | "not_"
            | "desc"
            | "asc"
            | "init_app"
            | "get_engine"
            | "get_or_404"
            | "first_or_404"
            | "one_or_404"
            | "mapped_column"
            | "true"
            | "false"
            | "case"
            | "literal"
            | "null"
            | "distinct"
            | "update"
            | "delete"
            | "insert"
            | "exists"
            | "cast"
            | "type_coerce"
            | "aliased"
            | "union"
            | "union_all"
            | "intersect"
            | "except_"
            | "joinedload"
            | "selectinload"
            | "subqueryload"
            | "lazyload"
            | "noload"
            | "raiseload"
            | "defaultload"
            | "contains_eager"
            | "immediateload"
            | "load_only"
            | "defer"
            | "undefer"
            | "inspect"
            | "extract"
            | "reflect" => Ok(nv(Native::SqlaFn(Rc::from(format!("db.{name}").as_str())))),
            "relation" => Ok(nv(Native::SqlaFn(Rc::from("db.relationship")))),
            "Query" if let Some(c) = &self.orm.query_class => Ok(Value::Class(c.clone())),
            _ if crate::core::words::has(TYPES, name) => {
                Ok(nv(Native::ColumnType(type_of_name(name))))
            }
            // Flask-SQLAlchemy's `SQLAlchemy.__getattr__`: any public name of
            // `sqlalchemy` or `sqlalchemy.orm` (`db.validates`, `db.union`...).
            _ if !name.starts_with('_') && super::super::sqla_names::modules_of(name) != 0 => {
                Ok(nv(Native::SqlaFn(Rc::from(format!("db.{name}").as_str()))))
            }
            _ => self.raise("AttributeError", name),
        }
    }

    /// The keys of the app's `SQLALCHEMY_BINDS`, in order.
    pub(crate) fn bind_keys(&self) -> Vec<Value> {
        let Some(c) = self.app_config() else {
            return vec![];
        };
        let binds = c
            .borrow()
            .get(&crate::core::interp::value::HKey::Str(Rc::from(
                "SQLALCHEMY_BINDS",
            )))
            .cloned();
        match binds {
            Some(Value::Dict(b)) => b.borrow().iter().map(|(k, _)| k.clone()).collect(),
            _ => vec![],
        }
    }
}
