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
                Value::Native(n) if n.is_model_base() => model_base = true,
                Value::Native(n) if n.is_declarative_base() => declarative = true,
                // `class X(object):` (every class's base anyway).
                Value::Builtin(n) if &*n == "object" => {
                    base_classes.push(self.object_class.clone())
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
        let order = body.0.order.borrow().clone();
        crate::core::sort::sort_by_key(&mut vars, |(k, _)| {
            order.iter().position(|o| o == k).unwrap_or(usize::MAX)
        });
        for (_, v) in &vars {
            let fs: Vec<Value> = match v {
                Value::Func(_) => vec![v.clone()],
                Value::Property(p) => {
                    let (get, set) = crate::core::interp::methods::property_parts(p);
                    vec![get, set]
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
        let Some((ty, optional)) = mapped_annotation(ann) else {
            return Ok(v);
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
        use crate::core::sql::SqlType;
        match &e.kind {
            ExprKind::Name(n) => (
                match n.as_str() {
                    "int" => Some(SqlType::Integer),
                    "str" => Some(SqlType::String(None)),
                    "float" => Some(SqlType::Float),
                    "bool" => Some(SqlType::Boolean),
                    "datetime" => Some(SqlType::DateTime),
                    "date" => Some(SqlType::Date),
                    "Decimal" => Some(SqlType::Numeric(None, None)),
                    "bytes" => Some(SqlType::LargeBinary),
                    _ => None,
                },
                false,
            ),
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
