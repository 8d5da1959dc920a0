//! `def` and `class`: function values, building a class from its body (models get mapped),
//! and `Mapped[...]` annotations in model class bodies.

use std::cell::RefCell;
use std::rc::Rc;

use crate::core::lang::ast::{Expr, ExprKind};

use crate::core::interp::exceptions::make_class;
use crate::core::interp::orm::{ColumnSpec, Native};
use crate::core::interp::value::{Class, FuncBody, Function, Scope, Value};
use crate::core::interp::{Interp, R};

impl Interp<'_> {
    /// Creates a function value.
    pub fn make_function(
        &mut self,
        name: &str,
        params: &Rc<crate::core::lang::ast::Parameters>,
        body: FuncBody,
        scope: &Scope,
    ) -> R<Value> {
        let mut defaults = vec![];
        for p in params.posonly.iter().chain(params.args.iter()) {
            if let Some(d) = &p.default {
                defaults.push(self.eval(d, scope)?);
            }
        }
        let mut kw_defaults = vec![];
        for p in &params.kwonly {
            if let Some(d) = &p.default {
                kw_defaults.push((p.name.name.clone(), self.eval(d, scope)?));
            }
        }
        // Methods do not see the class body.
        let mut closure = scope.clone();
        while closure.0.is_class {
            match &closure.0.parent {
                Some(p) => closure = p.clone(),
                None => break,
            }
        }
        if !Rc::ptr_eq(&closure.0, &self.globals.0) {
            self.note_cycle_root(crate::core::interp::teardown::CycleRoot::Scope(
                Rc::downgrade(&closure.0),
            ));
        }
        Ok(Value::Func(Rc::new(Function {
            name: Rc::from(name),
            qualified: scope.0.owner.qualify(name),
            params: params.clone(),
            defaults,
            kw_defaults,
            body,
            closure: Some(closure),
            source: self.source,
            owner: RefCell::new(None),
            attrs: RefCell::new(Vec::new()),
            locals: Default::default(),
        })))
    }

    /// Builds a class from its evaluated body.
    pub(super) fn build_class(&mut self, name: &str, bases: Vec<Value>, body: &Scope) -> R<Value> {
        let mut base_classes = vec![];
        let mut model_base = false;
        let mut declarative = false;
        // `class Role(str, Enum)`: the builtin type an enum mixes in.
        let mut mixin: Option<Rc<str>> = None;
        for b in bases {
            match b {
                Value::Builtin(n) if matches!(&*n, "str" | "int" | "float") => mixin = Some(n),
                Value::Class(c) => base_classes.push(c),
                Value::Native(n) if n.is_model_base() => {
                    model_base = true;
                    // (`SQLAlchemy(model_class=Base)`: `db.Model` is made from `Base`.)
                    if let Some(b) = &self.orm.model_class {
                        base_classes.push(b.clone());
                    }
                }
                Value::Native(n) if n.is_declarative_base() => declarative = true,
                // `class ActiveQuery(db.Query)`: its methods are the queries' it is the
                // class of (`query_class=`), called with the query as `self`.
                Value::Native(n)
                    if matches!(&*n, crate::core::interp::orm::Native::SqlaFn(s)
                        if matches!(&**s, "db.Query" | "Query")) =>
                {
                    self.orm.query_classes = true;
                    base_classes.push(self.object_class.clone())
                }
                // `class X(object):` (every class's base anyway).
                Value::Builtin(n) if &*n == "object" => {
                    base_classes.push(self.object_class.clone())
                }
                // (A builtin type other than an enum's mixin: `class Registry(dict)`.)
                Value::Builtin(n) if super::super::builtins::is_type_name(&n) => {
                    return self.unsupported(&format!("subclassing `{n}`"));
                }
                other => {
                    let t = self.type_name(&other);
                    return self.raise("TypeError", format!("bases must be types, not {t}"));
                }
            }
        }
        if let Some(m) = &mixin
            && !base_classes
                .iter()
                .any(|c| Rc::ptr_eq(c, &self.enum_class) || self.is_enum_class(c))
        {
            // (Only enums may subclass a builtin type here.)
            return self.unsupported(&format!("subclassing `{m}`"));
        }
        let is_model = model_base || base_classes.iter().any(|c| self.orm.is_model_class(c));
        if base_classes.is_empty() {
            base_classes.push(self.object_class.clone());
        }
        let is_exc = base_classes.iter().any(|c| c.lookup_is_exception());
        let cls = make_class(name, base_classes, is_exc);
        if model_base {
            self.orm.model_roots.push(Rc::downgrade(&cls));
        }
        self.note_cycle_root(crate::core::interp::teardown::CycleRoot::Class(
            Rc::downgrade(&cls),
        ));
        let mut vars: Vec<(Rc<str>, Value)> = body
            .0
            .vars
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        // keep definition order: HashMap loses it, so sort by the order recorded in the scope
        let mut order = body.0.order.borrow().clone();
        // (With attributes annotated but not assigned, SQLAlchemy's declarative scan
        // orders the names by merging `vars()` with `__annotations__`: its columns come
        // in that order.)
        let annotated = body.0.annotated.borrow();
        if is_model && annotated.iter().any(|(_, bare)| *bare) {
            let assigned: Vec<Rc<str>> = (order.iter())
                .filter(|k| !annotated.iter().any(|(a, bare)| *bare && a == *k))
                .cloned()
                .collect();
            let anns: Vec<Rc<str>> = annotated.iter().map(|(k, _)| k.clone()).collect();
            order = merge_with_ordering(&assigned, &anns);
        }
        drop(annotated);
        crate::core::sort::sort_by_key(&mut vars, |(k, _)| {
            order.iter().position(|o| o == k).unwrap_or(usize::MAX)
        });
        for (_, v) in &vars {
            let fs: Vec<Value> = match v {
                Value::Func(_) => vec![v.clone()],
                Value::Property(p) => {
                    let (get, set) = crate::core::interp::methods::property_parts(p);
                    vec![get, set, crate::core::interp::methods::property_deleter(p)]
                }
                Value::ClassMethod(p) | Value::StaticMethod(p) => vec![(**p).clone()],
                _ => vec![],
            };
            for f in fs {
                if let Value::Func(f) = f {
                    *f.owner.borrow_mut() = Some(Rc::downgrade(&cls));
                }
            }
        }
        if let Some(m) = mixin {
            self.mixin_enums = true;
            vars.push((Rc::from("_member_type_"), Value::Builtin(m)));
        }
        *cls.dict.borrow_mut() = vars;
        if declarative {
            // `class Base(DeclarativeBase)`: a base for models, not mapped itself
            self.orm.mark_model_class(&cls);
        } else if is_model {
            self.orm.mark_model_class(&cls);
            self.setup_model(&cls)?;
        } else if self.is_enum_class(&cls) {
            self.setup_enum(&cls)?;
        }
        Ok(Value::Class(cls))
    }

    /// `name: Mapped[T] = mapped_column(...)` / `name: Mapped[T]` in a model class body.
    pub(super) fn annotated_value(&mut self, ann: &Expr, v: Value, scope: &Scope) -> R<Value> {
        if !scope.0.is_class {
            return Ok(v);
        }
        if let Value::Native(n) = &v
            && let Native::RelSpec(r) = &**n
        {
            let mut r = r.borrow_mut();
            let (target, collection) = annotation_target(ann).unwrap_or_default();
            if r.target.is_empty() && !target.is_empty() {
                r.target = target;
            }
            // `WriteOnlyMapped[...]` / `DynamicMapped[...]` choose the loader strategy.
            let lazy = match &ann.kind {
                ExprKind::Subscript { value, .. } => match simple_name(value) {
                    Some("WriteOnlyMapped") => Some("write_only"),
                    Some("DynamicMapped") => Some("dynamic"),
                    _ => None,
                },
                _ => None,
            };
            if let Some(lazy) = lazy
                && !r.kwargs.iter().any(|(k, _)| &**k == "lazy")
            {
                r.kwargs.push((Rc::from("lazy"), Value::str(lazy)));
            }
            // `Mapped["Profile"]` / `Mapped[Optional["Profile"]]` (no collection): one
            // object, whichever way the foreign key points, as SQLAlchemy infers it.
            if lazy.is_none()
                && !collection
                && matches!(&ann.kind, ExprKind::Subscript { value, .. } if simple_name(value) == Some("Mapped"))
                && !r.kwargs.iter().any(|(k, _)| &**k == "uselist")
            {
                r.kwargs.push((Rc::from("uselist"), Value::Bool(false)));
            }
            drop(r);
            return Ok(v);
        }
        // (`Mapped[intpk]`, `intpk = Annotated[int, mapped_column(...)]`: the alias's type
        // and column arguments, the attribute's own `mapped_column()` winning.)
        let alias = self.annotated_alias(ann, scope);
        let Some((mut ty, optional)) = (match &alias {
            Some((ty, optional, _)) => Some((ty.clone(), *optional)),
            None => mapped_annotation(ann),
        }) else {
            return Ok(v);
        };
        // (A name the annotation map does not know by its spelling is known by what it
        // is: a Python enum class (`Mapped[Status]`: `Enum(Status)`), a type imported
        // under another name (`from datetime import datetime as dt`).)
        if ty.is_none()
            && alias.is_none()
            && let Some(e) = mapped_type_expr(ann)
            && matches!(e.kind, ExprKind::Name(_) | ExprKind::Attribute { .. })
            && let Ok(t) = self.eval(e, scope)
        {
            ty = match &t {
                Value::Class(_) => self.enum_column_type(&t),
                Value::Builtin(b) => py_type_sql(b),
                _ => None,
            };
        }
        let v = match alias.and_then(|a| a.2) {
            Some(base) => merge_column_specs(&base, v, &mut self.orm.col_counter),
            None => v,
        };
        match &v {
            Value::Native(n) => {
                if let Native::ColumnSpec(spec) = &**n {
                    let mut sp = spec.borrow_mut();
                    if let Some(t) = ty
                        && matches!(&sp.column.ty, crate::core::sql::SqlType::Custom(c) if c == "NULL")
                    {
                        sp.column.ty = t;
                    }
                    if sp.mapped && !sp.nullable_explicit && !sp.column.primary_key {
                        sp.column.nullable = Some(optional);
                    }
                }
                Ok(v)
            }
            Value::None => {
                let Some(t) = ty else { return Ok(v) };
                self.orm.col_counter += 1;
                let mut col = crate::core::orm::schema::Column::new("", t);
                col.nullable = Some(optional);
                Ok(Value::Native(Rc::new(Native::ColumnSpec(Box::new(
                    RefCell::new(ColumnSpec {
                        column: col,
                        default: None,
                        onupdate: None,
                        server_default: None,
                        info_doc: [None, None],
                        explicit_name: false,
                        mapped: true,
                        nullable_explicit: false,
                        order: self.orm.col_counter,
                        deferred: false,
                        sort_order: 0,
                    }),
                )))))
            }
            _ => Ok(v),
        }
    }
}

impl Class {
    /// True for exception classes.
    pub fn lookup_is_exception(&self) -> bool {
        self.is_exception || self.mro.borrow().iter().any(|c| c.is_exception)
    }

    /// True when the class or one of its bases is named `name` (a library class met by
    /// name: `DBAPIError`, `HTTPException`).
    pub fn inherits_named(&self, name: &str) -> bool {
        self.mro.borrow().iter().any(|c| &*c.name == name)
    }
}

/// `Name` or `module.Name` (`Mapped`, `so.Mapped`, `typing.Optional`) as the name alone.
fn simple_name(e: &Expr) -> Option<&str> {
    match &e.kind {
        ExprKind::Name(n) => Some(n),
        ExprKind::Attribute { attr, .. } => Some(&attr.name),
        _ => None,
    }
}

/// The target class named by a relationship annotation, and whether it is a collection:
/// `Mapped['User']`, `Mapped[List['Post']]`, `Mapped[list[Post]]`, `Mapped[Optional['User']]`,
/// `Mapped["Optional[User]"]`, `Mapped["User | None"]`.
fn annotation_target(ann: &Expr) -> Option<(String, bool)> {
    fn name(e: &Expr) -> Option<(String, bool)> {
        match &e.kind {
            ExprKind::Str(s) => Some(type_text(s)),
            ExprKind::Name(n) => Some((n.clone(), false)),
            ExprKind::Subscript { value, slice } => {
                let (t, c) = name(slice)?;
                Some((t, c || is_collection(simple_name(value).unwrap_or(""))))
            }
            // `User | None`
            ExprKind::BinOp { left, right, .. } => match &left.kind {
                ExprKind::None => name(right),
                _ => name(left),
            },
            _ => None,
        }
    }
    let ExprKind::Subscript { slice, .. } = &ann.kind else {
        return None;
    };
    name(slice)
}

/// Collection types of relationship annotations.
fn is_collection(name: &str) -> bool {
    matches!(name, "List" | "list" | "Set" | "set")
}

/// A type written as a string (`"Optional[User]"`, `"list[Post]"`, `"User | None"`):
/// its class name, and whether a collection holds it.
fn type_text(s: &str) -> (String, bool) {
    let s = s.trim();
    if let Some((a, b)) = s.split_once('|') {
        let a = a.trim();
        return type_text(if a == "None" { b } else { a });
    }
    if let Some(open) = s.find('[')
        && let Some(inner) = s[open + 1..].strip_suffix(']')
    {
        let (t, c) = type_text(inner.trim().trim_matches(['\'', '"']));
        let outer = s[..open].trim();
        let outer = outer.rsplit('.').next().unwrap_or(outer);
        return (t, c || is_collection(outer));
    }
    (s.to_owned(), false)
}

/// The `mapped_column()` of an `Annotated[...]` alias merged into an attribute's own
/// (`v`, or `None` when the attribute has none): what the attribute sets wins.
fn merge_column_specs(base: &RefCell<ColumnSpec>, v: Value, counter: &mut u64) -> Value {
    let b = base.borrow();
    let spec = match &v {
        Value::None => {
            *counter += 1;
            ColumnSpec {
                mapped: true,
                order: *counter,
                ..b.clone()
            }
        }
        Value::Native(n) if let Native::ColumnSpec(own) = &**n => {
            let mut own = own.borrow_mut();
            let c = &mut own.column;
            if matches!(&c.ty, crate::core::sql::SqlType::Custom(t) if t == "NULL") {
                c.ty = b.column.ty.clone();
            }
            c.primary_key |= b.column.primary_key;
            c.unique |= b.column.unique;
            c.index |= b.column.index;
            if c.foreign_keys.is_empty() {
                c.foreign_keys = b.column.foreign_keys.clone();
            }
            if c.default.is_none() {
                c.default = b.column.default.clone();
            }
            if c.server_default.is_none() {
                c.server_default = b.column.server_default.clone();
            }
            if !own.nullable_explicit && b.nullable_explicit {
                own.column.nullable = b.column.nullable;
                own.nullable_explicit = true;
            }
            // (`default=None` is no default, as in SQLAlchemy.)
            own.default = (own.default.take())
                .filter(|d| !matches!(d, Value::None))
                .or_else(|| b.default.clone());
            own.onupdate = own.onupdate.take().or_else(|| b.onupdate.clone());
            own.server_default = own
                .server_default
                .take()
                .or_else(|| b.server_default.clone());
            return v.clone();
        }
        _ => return v,
    };
    Value::Native(Rc::new(Native::ColumnSpec(Box::new(RefCell::new(spec)))))
}

/// A plain Python type's column type (`int` → `Integer`).
fn py_type_sql(name: &str) -> Option<crate::core::sql::SqlType> {
    use crate::core::sql::SqlType;
    Some(match name {
        "int" => SqlType::Integer,
        "str" => SqlType::String(None),
        "float" => SqlType::Float,
        "bool" => SqlType::Boolean,
        "datetime" => SqlType::DateTime,
        "date" => SqlType::Date,
        "time" => SqlType::Time,
        "timedelta" => SqlType::Interval,
        "Decimal" => SqlType::Numeric(None, None),
        "bytes" => SqlType::LargeBinary,
        _ => return None,
    })
}

impl Interp<'_> {
    /// `Mapped[X]`, `Mapped[Optional[X]]` or `Mapped[X | None]` where `X` names an
    /// `Annotated[T, ...]` alias: `T`'s column type, whether optional, and the alias's
    /// `mapped_column()`.
    #[allow(clippy::type_complexity)]
    fn annotated_alias(
        &mut self,
        ann: &Expr,
        scope: &Scope,
    ) -> Option<(
        Option<crate::core::sql::SqlType>,
        bool,
        Option<Rc<RefCell<ColumnSpec>>>,
    )> {
        let ExprKind::Subscript { value, slice } = &ann.kind else {
            return None;
        };
        if simple_name(value) != Some("Mapped") {
            return None;
        }
        let (name, optional) = match &slice.kind {
            ExprKind::Name(n) => (n, false),
            ExprKind::Subscript { value, slice } if simple_name(value) == Some("Optional") => {
                match &slice.kind {
                    ExprKind::Name(n) => (n, true),
                    _ => return None,
                }
            }
            ExprKind::BinOp {
                left,
                op: crate::core::lang::ast::BinOp::BitOr,
                right,
            } => match (&left.kind, &right.kind) {
                (ExprKind::Name(n), ExprKind::None) | (ExprKind::None, ExprKind::Name(n)) => {
                    (n, true)
                }
                _ => return None,
            },
            _ => return None,
        };
        if py_type_sql(name).is_some() {
            return None;
        }
        let Ok(Value::Native(n)) =
            self.eval(&Expr::new(ExprKind::Name(name.clone()), slice.span), scope)
        else {
            return None;
        };
        let Native::Annotated(items) = &*n else {
            return None;
        };
        let ty = match &items[0] {
            Value::Builtin(t) => py_type_sql(t),
            _ => None,
        };
        let spec = items[1..].iter().find_map(|x| match x {
            Value::Native(n) => match &**n {
                Native::ColumnSpec(s) => Some(Rc::new(RefCell::new(s.borrow().clone()))),
                _ => None,
            },
            _ => None,
        });
        Some((ty, optional, spec))
    }
}

/// The type expression of `Mapped[X]`, `Mapped[Optional[X]]`, `Mapped[X | None]`.
fn mapped_type_expr(ann: &Expr) -> Option<&Expr> {
    let ExprKind::Subscript { value, slice } = &ann.kind else {
        return None;
    };
    if simple_name(value) != Some("Mapped") {
        return None;
    }
    let mut e: &Expr = slice;
    loop {
        match &e.kind {
            ExprKind::Subscript { value, slice } if simple_name(value) == Some("Optional") => {
                e = slice;
            }
            ExprKind::BinOp { left, right, .. } if matches!(right.kind, ExprKind::None) => {
                e = left;
            }
            ExprKind::BinOp { left, right, .. } if matches!(left.kind, ExprKind::None) => {
                e = right;
            }
            _ => return Some(e),
        }
    }
}

/// `Mapped[T]` → (column type of `T` when it is a plain Python type, `Optional`/`| None`).
/// `None` when the annotation is not `Mapped[...]`; relationships give `(None, _)`.
fn mapped_annotation(ann: &Expr) -> Option<(Option<crate::core::sql::SqlType>, bool)> {
    let ExprKind::Subscript { value, slice } = &ann.kind else {
        return None;
    };
    if simple_name(value) != Some("Mapped") {
        return None;
    }
    fn inner(e: &Expr) -> (Option<crate::core::sql::SqlType>, bool) {
        match &e.kind {
            ExprKind::Name(n) => (py_type_sql(n), false),
            // A forward reference: `Mapped["int"]`, `Mapped["str | None"]`.
            ExprKind::Str(s) => {
                let optional = s.trim().starts_with("Optional[")
                    || s.split('|').any(|part| part.trim() == "None");
                (
                    py_type_sql(type_text(s).0.rsplit('.').next().unwrap_or("")),
                    optional,
                )
            }
            ExprKind::Attribute { attr, .. } => {
                inner(&Expr::new(ExprKind::Name(attr.name.clone()), e.span))
            }
            ExprKind::Subscript { value, slice } if simple_name(value) == Some("Optional") => {
                (inner(slice).0, true)
            }
            ExprKind::BinOp {
                left,
                op: crate::core::lang::ast::BinOp::BitOr,
                right,
            } => {
                if matches!(right.kind, ExprKind::None) {
                    (inner(left).0, true)
                } else if matches!(left.kind, ExprKind::None) {
                    (inner(right).0, true)
                } else {
                    (None, false)
                }
            }
            _ => (None, false),
        }
    }
    Some(inner(slice))
}

/// SQLAlchemy's `merge_lists_w_ordering(a, b)`: the two lists merged, each one's order
/// kept as far as possible (walking one until a name both have, then the other).
fn merge_with_ordering(a: &[Rc<str>], b: &[Rc<str>]) -> Vec<Rc<str>> {
    let mut overlap: Vec<&Rc<str>> = a.iter().filter(|x| b.contains(x)).collect();
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut cur, mut other) = (a.iter(), b.iter());
    loop {
        let mut switched = false;
        for x in cur.by_ref() {
            if let Some(p) = overlap.iter().position(|o| *o == x) {
                overlap.swap_remove(p);
                switched = true;
                break;
            }
            out.push(x.clone());
        }
        if !switched {
            out.extend(other.cloned());
            return out;
        }
        std::mem::swap(&mut cur, &mut other);
    }
}
