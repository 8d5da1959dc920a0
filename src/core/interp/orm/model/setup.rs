//! Mapping a declared model class: its table, mapper, column attributes and relationships.

use super::*;
use crate::core::orm::schema::Constraint;

impl Interp<'_> {
    /// Maps a `db.Model` subclass.
    pub fn setup_model(&mut self, cls: &Rc<Class>) -> R<()> {
        let is_abstract = matches!(cls.own("__abstract__"), Some(Value::Bool(true)));
        if is_abstract {
            return Ok(());
        }
        // (The `@validates` functions of the class, its bases and its mixins: the first
        // one in MRO order for a key.)
        if !self.orm.validator_fns.is_empty() {
            for c in cls.mro.borrow().iter() {
                for (_, v) in c.dict.borrow().iter() {
                    for (key, f, flags) in &self.orm.validator_fns {
                        if crate::core::interp::ops::is_same(v, f)
                            && !(self.orm.validators.iter())
                                .any(|(c, k, ..)| *c == cls.name && k == key)
                        {
                            let entry = (cls.name.clone(), key.clone(), f.clone(), *flags);
                            self.orm.validators.push(entry);
                        }
                    }
                }
            }
        }
        // collect column specs: own first, then from abstract/mixin bases
        let mut specs: Vec<(Rc<str>, super::super::ColumnSpec)> = vec![];
        let mut rels: Vec<(Rc<str>, super::super::RelSpec)> = vec![];
        let mut props: Vec<(Rc<str>, SqlObj)> = vec![];
        let mro = cls.mro.borrow().clone();
        // Inheriting from a mapped class: single-table inheritance (the parent's table,
        // its columns and mixins already mapped).
        let parent = mro
            .iter()
            .skip(1)
            .find(|c| c.model_info().is_some())
            .cloned();
        let inherited: Vec<Rc<Class>> = match &parent {
            Some(p) => p.mro.borrow().clone(),
            None => vec![],
        };
        let declared = self.apply_declared_attrs(cls, &mro, &inherited)?;
        for c in mro.iter() {
            if inherited.iter().any(|i| Rc::ptr_eq(i, c)) {
                continue;
            }
            for (k, v) in c.dict.borrow().iter() {
                if specs.iter().any(|(n, _)| n == k) || rels.iter().any(|(n, _)| n == k) {
                    continue;
                }
                // (A `declared_attr`'s result for this class, where the base states it.)
                let v = match declared.iter().find(|(n, _)| n == k) {
                    Some((_, made)) => made,
                    None => v,
                };
                if let Value::Native(n) = v {
                    match &**n {
                        Native::ColumnSpec(s) => specs.push((k.clone(), s.borrow().clone())),
                        Native::RelSpec(r) => rels.push((k.clone(), r.borrow().clone())),
                        Native::ColumnProperty(e) => props.push((k.clone(), e.clone())),
                        _ => {}
                    }
                }
            }
        }
        // (`mapped_column(sort_order=)`: a stable sort, own columns before the bases'.)
        crate::core::sort::sort_by_key(&mut specs, |(_, s)| s.sort_order);
        // (Declarative refuses to map an attribute named `metadata`.)
        if specs
            .iter()
            .map(|(k, _)| k)
            .chain(rels.iter().map(|(k, _)| k))
            .any(|k| &**k == "metadata")
        {
            return self.raise(
                "InvalidRequestError",
                "Attribute name 'metadata' is reserved when using the Declarative API.",
            );
        }
        if let Some(p) = &parent {
            let own_table = matches!(cls.own("__tablename__"), Some(Value::Str(_)));
            if own_table || specs.iter().any(|(_, s)| s.column.primary_key) {
                return self.unsupported(
                    "joined-table inheritance (a subclass of a mapped class with a table of its own)",
                );
            }
            return self.setup_single_table(cls, p, specs, rels, props);
        }
        let table_name: String = match cls.lookup("__tablename__") {
            Some(Value::Str(s)) => s.to_string(),
            _ => camel_to_snake_case(&cls.name),
        };
        let mut table = Table::new(&table_name);
        for (key, spec) in &specs {
            let col = self.column_of_spec(&table_name, key, spec);
            table = table.column(col);
        }
        if let Some(args) = cls.lookup("__table_args__") {
            let items = match &args {
                Value::Tuple(t) => (**t).clone(),
                Value::Dict(_) => vec![args.clone()],
                Value::None => vec![],
                // (`(db.UniqueConstraint(...))` without its trailing comma is the
                // constraint itself, not a tuple.)
                _ => {
                    return self.raise(
                        "ArgumentError",
                        "__table_args__ value must be a tuple, dict, or None",
                    );
                }
            };
            for it in items {
                if let Value::Native(n) = &it
                    && let Native::IndexSpec(ix, _) = &**n
                {
                    let index = self.resolve_index(ix).0;
                    let named = (index.columns.iter().enumerate())
                        .filter(|(i, _)| index.exprs.get(*i).is_none_or(|e| e.is_none()))
                        .map(|(_, c)| c.clone())
                        .collect::<Vec<_>>();
                    self.check_constraint_columns(&table, "Index", &named)?;
                    table = table.index(index);
                    continue;
                }
                // The options dict (alone, or last in the tuple).
                if let Value::Dict(_) = &it {
                    for (k, v) in self.mapping_items(&it)? {
                        if matches!(&k, Value::Str(s) if &**s == "sqlite_autoincrement") {
                            table.sqlite_autoincrement = self.truthy(&v)?;
                        }
                        if let (Value::Str(k), Value::Str(v)) = (&k, &v)
                            && &**k == "comment"
                        {
                            table.comment = Some(v.to_string());
                        }
                    }
                    continue;
                }
                if let Some(c) = self.constraint_from(&it)? {
                    match &c {
                        Constraint::Unique { columns, .. } => {
                            self.check_constraint_columns(&table, "UniqueConstraint", columns)?;
                        }
                        Constraint::PrimaryKey { columns, .. } => {
                            self.check_constraint_columns(&table, "PrimaryKeyConstraint", columns)?;
                        }
                        _ => {}
                    }
                    table = table.constraint(c);
                }
            }
        }
        let pk: Vec<usize> = (table.columns.iter().enumerate())
            .filter(|(_, c)| c.primary_key)
            .map(|(i, _)| i)
            .collect();
        // columns in table order
        let columns: Vec<(Rc<str>, Rc<str>)> = (table.columns.iter())
            .map(|c| (Rc::from(c.key.as_str()), Rc::from(c.name.as_str())))
            .collect();
        if self.orm.reg.metadata.table(&table_name).is_some() {
            return self.raise(
                "InvalidRequestError",
                format!("Table '{table_name}' is already defined for this MetaData instance.  Specify 'extend_existing=True' to redefine options and columns on an existing Table object."),
            );
        }
        // (The table joins the metadata before the mapper is made, as declarative's
        // `Table` does: a class the mapper refuses still has its table for `create_all()`.)
        self.orm.reg.metadata.add(table);
        if pk.is_empty() {
            return self.raise(
                "ArgumentError",
                format!(
                    "Mapper Mapper[{}({table_name})] could not assemble any primary key columns for mapped table '{table_name}'",
                    cls.name
                ),
            );
        }
        let poly = self.mapper_args(cls, &columns)?;
        let mut mapper = Mapper::new(&cls.name, &table_name);
        mapper.deferred = deferred_keys(&specs);
        self.add_mapper(cls, mapper, &rels, &columns, &poly)?;
        self.finish_mapping(cls, &table_name, columns, pk, props, poly)
    }

    /// Calls the `@declared_attr` functions `cls` inherits (from the classes of `mro` not
    /// in `inherited`, a mapped parent's) with `cls`, as declarative does before it reads
    /// the class: a `__tablename__`, `__table_args__`, `__mapper_args__` made so becomes
    /// `cls`'s own; the others (a column or relationship made for this class) are
    /// returned, to be mapped where their base states them.
    fn apply_declared_attrs(
        &mut self,
        cls: &Rc<Class>,
        mro: &[Rc<Class>],
        inherited: &[Rc<Class>],
    ) -> R<Vec<(Rc<str>, Value)>> {
        let mut todo: Vec<(Rc<str>, Value)> = vec![];
        for c in mro {
            if inherited.iter().any(|i| Rc::ptr_eq(i, c)) {
                continue;
            }
            for (k, v) in c.dict.borrow().iter() {
                let shadowed = todo.iter().any(|(n, _)| n == k)
                    || (!Rc::ptr_eq(c, cls) && cls.own(k).is_some());
                if let Value::Native(n) = v
                    && let Native::DeclaredAttr(f) = &**n
                    && !shadowed
                {
                    todo.push((k.clone(), f.clone()));
                }
            }
        }
        let mut made = Vec::with_capacity(todo.len());
        for (k, f) in todo {
            let v = self.call(&f, vec![Value::Class(cls.clone())], vec![])?;
            if k.starts_with("__") {
                cls.set(&k, v);
            } else {
                made.push((k, v));
            }
        }
        Ok(made)
    }

    /// Registers `mapper`, the mapper of `cls` (whose columns are `columns`), with its
    /// polymorphism and relationships.
    pub(super) fn add_mapper(
        &mut self,
        cls: &Rc<Class>,
        mut mapper: Mapper,
        rels: &[(Rc<str>, super::super::RelSpec)],
        columns: &[(Rc<str>, Rc<str>)],
        poly: &super::inherit::Polymorphism,
    ) -> R<()> {
        mapper.polymorphic_on = poly.on.map(|i| columns[i].1.to_string());
        mapper.identity = poly.identity.as_ref().map(|(_, v)| v.clone());
        for (key, r) in rels {
            let rel = self.relationship_from(&cls.name, key, r)?;
            mapper = mapper.relationship(rel);
        }
        self.orm.reg.add(mapper);
        Ok(())
    }

    /// A relationship given to mapped class `cls` after its body (`User.posts =
    /// db.relationship(...)`), added to its mapper as one of the body's.
    pub(crate) fn map_late_relationship(
        &mut self,
        cls: &Rc<Class>,
        key: &str,
        r: &super::super::RelSpec,
    ) -> R<()> {
        let rel = self.relationship_from(&cls.name, &Rc::from(key), r)?;
        if let Some(m) = (self.orm.reg.mappers.iter_mut()).find(|m| *m.class_name == *cls.name) {
            m.relationships.push(rel);
        }
        // (Directions as the registry finds them: the self-referential overrides of a
        // class body's `remote_side` are left to class bodies.)
        self.orm.reg.finalize();
        // (Its backref is made when mappers are next configured, as for a new class.)
        self.orm.configured = false;
        self.install_relationship_attrs();
        self.resolve_join_strings()
    }

    /// What mapping a class ends with, its mapper added: relationship directions, the
    /// class's [`ModelInfo`] and its attributes.
    pub(super) fn finish_mapping(
        &mut self,
        cls: &Rc<Class>,
        table_name: &str,
        columns: Vec<(Rc<str>, Rc<str>)>,
        pk: Vec<usize>,
        props: Vec<(Rc<str>, SqlObj)>,
        poly: super::inherit::Polymorphism,
    ) -> R<()> {
        self.orm.reg.finalize();
        // directions of self-referential pairs: the side with remote_side is many-to-one,
        // its backref one-to-many (and the reverse for a backref given remote_side)
        let overrides = self.orm.rel_direction.clone();
        for m in &mut self.orm.reg.mappers {
            for r in &mut m.relationships {
                if let Some((_, _, k)) = overrides
                    .iter()
                    .find(|(c, n, _)| *c == m.class_name && *n == r.name)
                {
                    r.direction = Some(*k);
                }
            }
        }
        let pairs: Vec<(String, String, crate::core::orm::mapper::RelKind)> = self
            .orm
            .reg
            .mappers
            .iter()
            .flat_map(|m| {
                m.relationships.iter().filter_map(move |r| {
                    let b = r.backref.clone()?;
                    if r.target != m.class_name {
                        return None;
                    }
                    let opposite = match r.direction {
                        Some(crate::core::orm::mapper::RelKind::ManyToOne) => {
                            crate::core::orm::mapper::RelKind::OneToMany
                        }
                        _ => crate::core::orm::mapper::RelKind::ManyToOne,
                    };
                    Some((r.target.clone(), b, opposite))
                })
            })
            .collect();
        for (class, name, kind) in pairs {
            if overrides.iter().any(|(c, n, _)| *c == class && *n == name) {
                continue;
            }
            if let Some(m) = self
                .orm
                .reg
                .mappers
                .iter_mut()
                .find(|m| m.class_name == class)
                && let Some(r) = m.relationships.iter_mut().find(|r| r.name == name)
            {
                r.direction = Some(kind);
            }
        }
        let types = match self.orm.reg.table_of(&cls.name) {
            Ok(t) => t.columns.iter().map(|c| c.ty.clone()).collect(),
            Err(_) => vec![],
        };
        let base = match self.orm.reg.mapper(&cls.name) {
            Ok(m) => match &m.inherits {
                Some(p) => self.orm.classes.get(p).and_then(|c| c.model_info()),
                None => None,
            },
            Err(_) => None,
        };
        let info = Rc::new(ModelInfo {
            class: cls.name.clone(),
            table: base
                .as_ref()
                .map_or_else(|| Rc::from(table_name), |b| b.table.clone()),
            columns,
            pk,
            types,
            props: vec![],
            props_first: 0,
            base: base.map_or_else(|| cls.name.clone(), |b| b.base.clone()),
            poly_on: poly.on,
            identity: poly.identity.map(|(v, _)| v),
            version_col: poly.version,
            query: Default::default(),
        });
        *cls.model.borrow_mut() = Some(info.clone());
        self.orm.classes.insert(cls.name.to_string(), cls.clone());
        for (i, (key, _)) in info.columns.iter().enumerate() {
            cls.set(
                key,
                Value::Native(Rc::new(Native::Instrumented(Instrumented {
                    class: cls.name.clone(),
                    key: key.clone(),
                    column: Some(i),
                    via: None,
                }))),
            );
        }
        if !matches!(cls.own("__tablename__"), Some(Value::Str(_))) {
            cls.set("__tablename__", Value::str(table_name));
        }
        self.install_relationship_attrs();
        self.map_column_props(cls, props, true)?;
        self.resolve_join_strings()
    }

    /// The column a class body's `db.Column(...)` at `key` maps in `table_name` (its
    /// defaults and its place in definition order noted).
    pub(super) fn column_of_spec(
        &mut self,
        table_name: &str,
        key: &Rc<str>,
        spec: &super::super::ColumnSpec,
    ) -> crate::core::orm::schema::Column {
        let mut col = spec.column.clone();
        if !spec.explicit_name {
            col.name = key.to_string();
        }
        if spec.explicit_name && col.own_key.is_none() {
            col.own_key = Some(col.name.clone());
        }
        col.key = key.to_string();
        self.orm.defaults.insert(
            (table_name.to_string(), col.name.clone()),
            [
                spec.default.clone(),
                spec.onupdate.clone(),
                spec.server_default.clone(),
                spec.info_doc[0].clone(),
                spec.info_doc[1].clone(),
            ],
        );
        self.orm.spec_columns.insert(
            spec.order,
            (Rc::from(table_name), Rc::from(col.name.as_str())),
        );
        col
    }

    /// Every mapper's relationships as class attributes (backrefs included).
    pub fn install_relationship_attrs(&mut self) {
        for m in &self.orm.reg.mappers {
            if let Some(c) = self.orm.classes.get(&m.class_name) {
                for r in &m.relationships {
                    let own = c.own(&r.name);
                    let has = matches!(own, Some(Value::Native(ref n)) if n.is_instrumented());
                    if !has {
                        // (Not in the class body: a `backref=`'s, there once configured.)
                        if own.is_none() {
                            let key = (c.name.clone(), Rc::from(r.name.as_str()));
                            self.orm.unconfigured_backrefs.push(key);
                        }
                        c.set(
                            &r.name,
                            Value::Native(Rc::new(Native::Instrumented(Instrumented {
                                class: c.name.clone(),
                                key: Rc::from(r.name.as_str()),
                                column: None,
                                via: None,
                            }))),
                        );
                    }
                }
            }
        }
    }
}

impl Interp<'_> {
    /// SQLAlchemy's error for a constraint or index of `table` naming a column it does
    /// not have (a typo in `__table_args__`), raised as the class is made.
    fn check_constraint_columns(&mut self, table: &Table, what: &str, cols: &[String]) -> R<()> {
        for c in cols {
            if !table.columns.iter().any(|x| x.name == *c) {
                return self.raise(
                    "ConstraintColumnNotFoundError",
                    format!(
                        "Can't create {what} on table '{}': no column named '{c}' is present.",
                        table.name
                    ),
                );
            }
        }
        Ok(())
    }
}

/// The keys of the deferred columns among `specs` (see [`ColumnSpec::deferred`]).
pub(super) fn deferred_keys(specs: &[(Rc<str>, super::super::ColumnSpec)]) -> Vec<String> {
    (specs.iter())
        .filter(|(_, s)| s.deferred)
        .map(|(k, _)| k.to_string())
        .collect()
}
