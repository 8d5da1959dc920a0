//! Mapping a declared model class: its table, mapper, column attributes and relationships.

use super::*;

impl Interp<'_> {
    /// Maps a `db.Model` subclass.
    pub fn setup_model(&mut self, cls: &Rc<Class>) -> R<()> {
        for (key, f) in std::mem::take(&mut self.orm.pending_validators) {
            self.orm.validators.push((cls.name.clone(), key, f));
        }
        let is_abstract = matches!(cls.own("__abstract__"), Some(Value::Bool(true)));
        if is_abstract {
            return Ok(());
        }
        // collect column specs: own first, then from abstract/mixin bases
        let mut specs: Vec<(Rc<str>, super::super::ColumnSpec)> = vec![];
        let mut rels: Vec<(Rc<str>, super::super::RelSpec)> = vec![];
        let mut props: Vec<(Rc<str>, SqlObj)> = vec![];
        let mro = cls.mro.borrow().clone();
        for c in mro.iter() {
            if c.model_info().is_some() && !Rc::ptr_eq(c, cls) {
                return self.unsupported("model inheritance from a mapped class");
            }
            for (k, v) in c.dict.borrow().iter() {
                if specs.iter().any(|(n, _)| n == k) || rels.iter().any(|(n, _)| n == k) {
                    continue;
                }
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
        let table_name: String = match cls.lookup("__tablename__") {
            Some(Value::Str(s)) => s.to_string(),
            _ => camel_to_snake_case(&cls.name),
        };
        let mut table = Table::new(&table_name);
        let mut cols: Vec<(Rc<str>, Rc<str>)> = vec![];
        for (key, spec) in &specs {
            let mut col = spec.column.clone();
            if !spec.explicit_name {
                col.name = key.to_string();
            }
            if spec.explicit_name && col.own_key.is_none() {
                col.own_key = Some(col.name.clone());
            }
            col.key = key.to_string();
            self.orm.defaults.insert(
                (table_name.clone(), col.name.clone()),
                [
                    spec.default.clone(),
                    spec.onupdate.clone(),
                    spec.server_default.clone(),
                ],
            );
            cols.push((key.clone(), Rc::from(col.name.as_str())));
            self.orm.spec_columns.insert(
                spec.order,
                (Rc::from(table_name.as_str()), Rc::from(col.name.as_str())),
            );
            table = table.column(col);
        }
        if let Some(args) = cls.lookup("__table_args__") {
            let items = match &args {
                Value::Tuple(t) => (**t).clone(),
                other => vec![other.clone()],
            };
            for it in items {
                if let Value::Native(n) = &it
                    && let Native::IndexSpec(ix, _) = &**n
                {
                    table = table.index(self.resolve_index(ix).0);
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
                    table = table.constraint(c);
                }
            }
        }
        if table.primary_key().is_empty() {
            return self.raise(
                "ArgumentError",
                format!(
                    "Mapper Mapper[{}({table_name})] could not assemble any primary key columns for mapped table '{table_name}'",
                    cls.name
                ),
            );
        }
        let pk: Vec<usize> = table
            .columns
            .iter()
            .enumerate()
            .filter(|(_, c)| c.primary_key)
            .map(|(i, _)| i)
            .collect();
        // columns in table order
        let columns: Vec<(Rc<str>, Rc<str>)> = table
            .columns
            .iter()
            .map(|c| (Rc::from(c.key.as_str()), Rc::from(c.name.as_str())))
            .collect();
        if self.orm.reg.metadata.table(&table_name).is_some() {
            return self.raise(
                "InvalidRequestError",
                format!("Table '{table_name}' is already defined for this MetaData instance.  Specify 'extend_existing=True' to redefine options and columns on an existing Table object."),
            );
        }
        self.orm.reg.metadata.add(table);
        let mut mapper = Mapper::new(&cls.name, &table_name);
        for (key, r) in &rels {
            let rel = self.relationship_from(&cls.name, key, r)?;
            mapper = mapper.relationship(rel);
        }
        self.orm.reg.add(mapper);
        self.orm.reg.finalize();
        // directions of self-referential pairs: the side with remote_side is many-to-one,
        // its backref one-to-many (and the reverse for a backref given remote_side)
        let overrides = self.orm.rel_direction.clone();
        for m in &mut self.orm.reg.mappers {
            let fwd: Vec<(
                String,
                Option<String>,
                Option<crate::core::orm::mapper::RelKind>,
            )> = m
                .relationships
                .iter()
                .map(|r| (r.target.clone(), r.backref.clone(), r.direction))
                .collect();
            for r in &mut m.relationships {
                if let Some((_, _, k)) = overrides
                    .iter()
                    .find(|(c, n, _)| *c == m.class_name && *n == r.name)
                {
                    r.direction = Some(*k);
                }
            }
            let _ = fwd;
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
        let info = Rc::new(ModelInfo {
            class: cls.name.clone(),
            table: Rc::from(table_name.as_str()),
            columns,
            pk,
            types,
            props: vec![],
            props_first: 0,
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
            cls.set("__tablename__", Value::str(&table_name));
        }
        self.install_relationship_attrs();
        self.map_column_props(cls, props, true)?;
        self.resolve_join_strings()
    }

    /// Every mapper's relationships as class attributes (backrefs included).
    pub fn install_relationship_attrs(&mut self) {
        for m in &self.orm.reg.mappers {
            if let Some(c) = self.orm.classes.get(&m.class_name) {
                for r in &m.relationships {
                    let has =
                        matches!(c.own(&r.name), Some(Value::Native(ref n)) if n.is_instrumented());
                    if !has {
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
