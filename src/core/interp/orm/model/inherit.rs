//! Mapping a class that inherits from a mapped class (single-table inheritance) and
//! reading `__mapper_args__` (`polymorphic_on`, `polymorphic_identity`).

use super::*;

/// A column spec collected from a class body: its attribute key and spec.
type Spec = (Rc<str>, super::super::ColumnSpec);

/// What `__mapper_args__` says of a class's polymorphism.
#[derive(Default)]
pub(super) struct Polymorphism {
    /// The discriminator column's index among the class's columns.
    pub on: Option<usize>,
    /// The class's identity, as Python value and as SQL value.
    pub identity: Option<(Value, SqlValue)>,
    /// The `version_id_col` column's index among the class's columns.
    pub version: Option<usize>,
}

impl Interp<'_> {
    /// `__mapper_args__`'s discriminator (its index in `columns`, the class's
    /// `(key, column name)` pairs) and identity (as Python and as SQL value). Read as
    /// SQLAlchemy reads it, inherited: a subclass without its own gets its parent's.
    pub(super) fn mapper_args(
        &mut self,
        cls: &Rc<Class>,
        columns: &[(Rc<str>, Rc<str>)],
    ) -> R<Polymorphism> {
        let Some(args @ Value::Dict(_)) = cls.lookup("__mapper_args__") else {
            return Ok(Polymorphism::default());
        };
        let mut on = None;
        let mut identity = None;
        let mut version = None;
        for (k, v) in self.mapping_items(&args)? {
            let Value::Str(k) = k else { continue };
            match &*k {
                "polymorphic_on" => on = Some(self.discriminator_index(cls, &v, columns)?),
                "version_id_col" => version = Some(self.discriminator_index(cls, &v, columns)?),
                "polymorphic_identity" => {
                    let sql = self.to_sql(&v, None)?;
                    identity = Some((v, sql));
                }
                _ => {}
            }
        }
        Ok(Polymorphism {
            on,
            identity,
            version,
        })
    }

    /// The column `polymorphic_on` names: a column of the class body, a mapped
    /// attribute, or a name.
    fn discriminator_index(
        &mut self,
        cls: &Rc<Class>,
        v: &Value,
        columns: &[(Rc<str>, Rc<str>)],
    ) -> R<usize> {
        let key: Option<Rc<str>> = match v {
            Value::Str(s) => Some(s.clone()),
            Value::Native(n) => match &**n {
                Native::Instrumented(a) => Some(a.key.clone()),
                Native::ColumnSpec(_) => (cls.dict.borrow().iter())
                    .find(|(_, x)| matches!(x, Value::Native(m) if Rc::ptr_eq(m, n)))
                    .map(|(k, _)| k.clone()),
                _ => None,
            },
            _ => None,
        };
        let found =
            key.and_then(|k| (columns.iter()).position(|(key, name)| *key == k || *name == k));
        match found {
            Some(i) => Ok(i),
            None => {
                let shown = self.repr(v)?;
                self.raise(
                    "ArgumentError",
                    format!("Can't determine polymorphic_on value '{shown}' - no attribute is mapped to this name."),
                )
            }
        }
    }

    /// Maps `cls`, a subclass of the mapped class `parent` without a table of its own:
    /// its columns join the parent's table (after those already there), and its mapper
    /// sees the table as the parent does plus its own columns.
    pub(super) fn setup_single_table(
        &mut self,
        cls: &Rc<Class>,
        parent: &Rc<Class>,
        specs: Vec<Spec>,
        rels: Vec<(Rc<str>, super::super::RelSpec)>,
        props: Vec<(Rc<str>, SqlObj)>,
    ) -> R<()> {
        let reg = &self.orm.reg;
        let (Ok(pm), Ok(seen)) = (reg.mapper(&parent.name), reg.table_of(&parent.name)) else {
            return self.unsupported("inheriting from this mapped class");
        };
        let table_name = pm.table.clone();
        let on_name = pm.polymorphic_on.clone();
        let mut deferred = pm.deferred.clone();
        let mut view = seen.clone();
        let Some(mut real) = reg.metadata.table(&table_name).cloned() else {
            return self.unsupported("inheriting from a class without a table");
        };
        // (The parent saw the whole table until now: it keeps seeing what it sees.)
        if pm.view.is_none()
            && let Some(m) = self
                .orm
                .reg
                .mappers
                .iter_mut()
                .find(|m| m.class_name == *parent.name)
        {
            m.view = Some(real.clone());
        }
        for (key, spec) in &specs {
            if view.columns.iter().any(|c| c.key == **key) {
                continue;
            }
            let col = self.column_of_spec(&table_name, key, spec);
            if real.columns.iter().any(|c| c.name == col.name) {
                return self.raise(
                    "ArgumentError",
                    format!("Column '{}' on class {} conflicts with existing column '{table_name}.{}'.  If using Declarative, consider using the use_existing_column parameter of mapped_column() to resolve conflicts.", col.name, cls.name, col.name),
                );
            }
            real = real.column(col.clone());
            view = view.column(col);
        }
        self.orm.reg.metadata.add(real);
        let columns: Vec<(Rc<str>, Rc<str>)> = (view.columns.iter())
            .map(|c| (Rc::from(c.key.as_str()), Rc::from(c.name.as_str())))
            .collect();
        let pk: Vec<usize> = (view.columns.iter().enumerate())
            .filter(|(_, c)| c.primary_key)
            .map(|(i, _)| i)
            .collect();
        let mut poly = self.mapper_args(cls, &columns)?;
        poly.on = poly.on.or_else(|| {
            let name = on_name.as_deref()?;
            columns.iter().position(|(_, n)| &**n == name)
        });
        let mut mapper = Mapper::new(&cls.name, &table_name);
        mapper.inherits = Some(parent.name.to_string());
        mapper.view = Some(view);
        deferred.extend(super::setup::deferred_keys(&specs));
        mapper.deferred = deferred;
        self.add_mapper(cls, mapper, &rels, &columns, &poly)?;
        self.finish_mapping(cls, &table_name, columns, pk, props, poly)
    }
}
