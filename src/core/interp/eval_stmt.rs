//! Statements: assignment, control flow, def/class, try/with/raise, imports.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use crate::core::diag::{LineIndex, Span};
use crate::core::lang::ast::{ExceptHandler, Expr, ExprKind, Module, Stmt, StmtKind};

use super::exceptions::{at, builtin_classes, make_class};
use super::value::{FuncBody, Function, Scope, Value};
use super::{Backend, Exc, Interp, R, RunOptions};

/// What a statement did to the control flow.
pub enum Flow {
    /// Carry on.
    Normal,
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `return v`.
    Return(Value),
}

impl<'b> Interp<'b> {
    /// A fresh interpreter with the prelude loaded.
    pub fn new(backend: &'b mut dyn Backend, opts: RunOptions, lines: Vec<LineIndex>) -> Self {
        let (object_class, exc) = builtin_classes();
        let mut it = Interp {
            globals: Scope::new(None),
            exc,
            object_class,
            out: String::new(),
            err: String::new(),
            interned: Default::default(),
            backend,
            orm: Default::default(),
            sql_log: vec![],
            tables: vec![],
            source: 0,
            lines,
            depth: 0,
            steps: 0,
            opts,
            cur_span: Span::at(0),
            stack_base: super::stack_probe(),
            json_default: None,
        };
        it.load_prelude();
        it
    }

    /// Ends the run (closes the session).
    pub fn finish(&mut self) {}

    /// Runs a module's statements.
    pub fn exec_module(&mut self, m: &Module) -> R<()> {
        let scope = self.globals.clone();
        match self.exec_block(&m.body, &scope)? {
            Flow::Normal | Flow::Return(_) => Ok(()),
            Flow::Break | Flow::Continue => Ok(()),
        }
    }

    /// Runs statements in order.
    pub fn exec_block(&mut self, body: &[Stmt], scope: &Scope) -> R<Flow> {
        for s in body {
            let f = self
                .exec_stmt(s, scope)
                .map_err(|e| at(e, self.source, s.span))?;
            if !matches!(f, Flow::Normal) {
                return Ok(f);
            }
        }
        Ok(Flow::Normal)
    }

    /// Counts a step; checks the stop callback and the step budget.
    pub fn tick(&mut self) -> R<()> {
        self.steps += 1;
        if self.opts.max_steps > 0 && self.steps > self.opts.max_steps {
            return self.raise("KeyboardInterrupt", "step budget exhausted");
        }
        if self.steps.is_multiple_of(1024)
            && let Some(f) = self.opts.should_stop.as_mut()
            && f()
        {
            return self.raise("KeyboardInterrupt", "");
        }
        Ok(())
    }

    fn exec_stmt(&mut self, s: &Stmt, scope: &Scope) -> R<Flow> {
        self.cur_span = s.span;
        match &s.kind {
            StmtKind::Expr(e) => {
                self.eval(e, scope)?;
                Ok(Flow::Normal)
            }
            StmtKind::Return(v) => {
                let v = match v {
                    Some(e) => self.eval(e, scope)?,
                    None => Value::None,
                };
                Ok(Flow::Return(v))
            }
            StmtKind::If { test, body, orelse } => {
                let t = self.eval(test, scope)?;
                if self.truthy(&t)? {
                    self.exec_block(body, scope)
                } else {
                    self.exec_block(orelse, scope)
                }
            }
            _ => self.exec_complex(s, scope),
        }
    }

    #[inline(never)]
    fn exec_complex(&mut self, s: &Stmt, scope: &Scope) -> R<Flow> {
        match &s.kind {
            StmtKind::Expr(e) => {
                self.eval(e, scope)?;
            }
            StmtKind::Assign { targets, value } => {
                let v = self.eval(value, scope)?;
                for t in targets {
                    self.assign(t, v.clone(), scope)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => {
                let cur = self.eval(target, scope)?;
                let rhs = self.eval(value, scope)?;
                self.cur_span = s.span;
                let v = self.binop_inplace(*op, cur, rhs)?;
                self.assign(target, v, scope)?;
            }
            StmtKind::AnnAssign {
                target,
                value,
                annotation,
            } => {
                if let Some(v) = value {
                    let v = self.eval(v, scope)?;
                    let v = self.annotated_value(annotation, v, scope)?;
                    self.assign(target, v, scope)?;
                } else if scope.0.is_class {
                    let v = self.annotated_value(annotation, Value::None, scope)?;
                    if !matches!(v, Value::None) {
                        self.assign(target, v, scope)?;
                    }
                }
            }
            StmtKind::If { test, body, orelse } => {
                let t = self.eval(test, scope)?;
                return if self.truthy(&t)? {
                    self.exec_block(body, scope)
                } else {
                    self.exec_block(orelse, scope)
                };
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
            } => {
                let it = self.eval(iter, scope)?;
                self.cur_span = iter.span;
                let items = self.iterate(&it)?;
                for v in items {
                    self.tick()?;
                    self.assign(target, v, scope)?;
                    match self.exec_block(body, scope)? {
                        Flow::Break => return Ok(Flow::Normal),
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        _ => {}
                    }
                }
                return self.exec_block(orelse, scope);
            }
            StmtKind::While { test, body, orelse } => {
                loop {
                    self.tick()?;
                    let t = self.eval(test, scope)?;
                    if !self.truthy(&t)? {
                        break;
                    }
                    match self.exec_block(body, scope)? {
                        Flow::Break => return Ok(Flow::Normal),
                        Flow::Return(v) => return Ok(Flow::Return(v)),
                        _ => {}
                    }
                }
                return self.exec_block(orelse, scope);
            }
            StmtKind::Break => return Ok(Flow::Break),
            StmtKind::Continue => return Ok(Flow::Continue),
            StmtKind::Pass => {}
            StmtKind::Return(v) => {
                let v = match v {
                    Some(e) => self.eval(e, scope)?,
                    None => Value::None,
                };
                return Ok(Flow::Return(v));
            }
            StmtKind::FunctionDef(fd) => {
                let f = self.make_function(
                    &fd.name.name,
                    &fd.params,
                    FuncBody::Block(Rc::new(fd.body.clone())),
                    scope,
                )?;
                let mut v = f;
                for d in fd.decorators.iter().rev() {
                    let dec = self.eval(d, scope)?;
                    self.cur_span = d.span;
                    v = self.call(&dec, vec![v], vec![])?;
                }
                self.set_var(scope, &fd.name.name, v);
            }
            StmtKind::ClassDef(cd) => {
                let mut bases = vec![];
                for b in &cd.bases {
                    let bv = self.eval(b, scope)?;
                    bases.push(bv);
                }
                let body_scope = Scope::class_body(Some(scope.clone()));
                self.exec_block(&cd.body, &body_scope)?;
                self.cur_span = cd.name.span;
                let cls = self.build_class(&cd.name.name, bases, &body_scope)?;
                let mut v = cls;
                for d in cd.decorators.iter().rev() {
                    let dec = self.eval(d, scope)?;
                    v = self.call(&dec, vec![v], vec![])?;
                }
                self.set_var(scope, &cd.name.name, v);
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    self.cur_span = a.span;
                    let m = self.import_module(&a.name.name)?;
                    let name = a
                        .asname
                        .as_ref()
                        .map(|n| n.name.clone())
                        .unwrap_or_else(|| a.name.name.split('.').next().unwrap_or("").into());
                    self.set_var(scope, &name, m);
                }
            }
            StmtKind::ImportFrom {
                module,
                level,
                names,
            } => {
                let Some(module) = module.as_ref().filter(|_| *level == 0) else {
                    return self.unsupported("relative import");
                };
                for a in names {
                    self.cur_span = a.span;
                    if a.name.name == "*" {
                        return self.unsupported("`from ... import *`");
                    }
                    let v = self.import_from(&module.name, &a.name.name)?;
                    let name = a.asname.as_ref().unwrap_or(&a.name).name.clone();
                    self.set_var(scope, &name, v);
                }
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                return self.exec_try(body, handlers, orelse, finalbody, scope);
            }
            StmtKind::Raise { exc, cause } => {
                let Some(e) = exc else {
                    return match self.orm.handling.last().cloned() {
                        Some(v) => Err(Box::new(Exc {
                            value: v,
                            at: Some((self.source, s.span)),
                        })),
                        None => self.raise("RuntimeError", "No active exception to reraise"),
                    };
                };
                let v = self.eval(e, scope)?;
                let cause_v = match cause {
                    Some(c) => Some(self.eval(c, scope)?),
                    None => None,
                };
                self.cur_span = e.span;
                let v = match &v {
                    Value::Class(c) if c.lookup_is_exception() => self.call(&v, vec![], vec![])?,
                    Value::Instance(i) if i.class.lookup_is_exception() => v,
                    _ => {
                        return self
                            .raise("TypeError", "exceptions must derive from BaseException");
                    }
                };
                if let (Some(c), Value::Instance(i)) = (cause_v, &v) {
                    i.dict.borrow_mut().insert(Rc::from("__cause__"), c);
                }
                return Err(Box::new(Exc {
                    value: v,
                    at: Some((self.source, s.span)),
                }));
            }
            StmtKind::With { items, body } => {
                let mut exits = vec![];
                for item in items {
                    let cm = self.eval(&item.context, scope)?;
                    let entered = self.enter_context(&cm)?;
                    if let Some(t) = &item.target {
                        self.assign(t, entered, scope)?;
                    }
                    exits.push(cm);
                }
                let r = self.exec_block(body, scope);
                for cm in exits.iter().rev() {
                    self.exit_context(cm)?;
                }
                return r;
            }
            StmtKind::Assert { test, msg } => {
                let t = self.eval(test, scope)?;
                if !self.truthy(&t)? {
                    let m = match msg {
                        Some(m) => {
                            let v = self.eval(m, scope)?;
                            self.to_str(&v)?
                        }
                        None => String::new(),
                    };
                    self.cur_span = test.span;
                    return self.raise("AssertionError", m);
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t, scope)?;
                }
            }
            StmtKind::Global(names) => {
                for n in names {
                    scope.0.globals.borrow_mut().push(Rc::from(n.name.as_str()));
                }
            }
            StmtKind::Nonlocal(_) => return self.unsupported("`nonlocal`"),
        }
        Ok(Flow::Normal)
    }

    fn exec_try(
        &mut self,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
        scope: &Scope,
    ) -> R<Flow> {
        let r = self.exec_block(body, scope);
        let r = match r {
            Ok(Flow::Normal) => self.exec_block(orelse, scope),
            Ok(f) => Ok(f),
            Err(e) => {
                let mut handled = None;
                for h in handlers {
                    let matches = match &h.typ {
                        None => true,
                        Some(t) => {
                            let tv = self.eval(t, scope)?;
                            self.exc_type_matches(&e.value, &tv)
                        }
                    };
                    if matches {
                        if let Some(n) = &h.name {
                            self.set_var(scope, &n.name, e.value.clone());
                        }
                        self.orm.handling.push(e.value.clone());
                        let r = self.exec_block(&h.body, scope);
                        self.orm.handling.pop();
                        handled = Some(r);
                        break;
                    }
                }
                handled.unwrap_or(Err(e))
            }
        };
        if !finalbody.is_empty() {
            match self.exec_block(finalbody, scope)? {
                Flow::Normal => {}
                f => return Ok(f),
            }
        }
        r
    }

    fn exc_type_matches(&self, v: &Value, t: &Value) -> bool {
        match t {
            Value::Class(c) => self.exc_matches(v, c),
            Value::Tuple(items) => items.iter().any(|t| self.exc_type_matches(v, t)),
            _ => false,
        }
    }

    /// Binds `name` in `scope` (honouring `global`).
    pub fn set_var(&mut self, scope: &Scope, name: &str, v: Value) {
        let is_global = scope.0.globals.borrow().iter().any(|g| &**g == name);
        let target = if is_global { &self.globals } else { scope };
        if !target.0.is_class
            && let Some(slot) = target.0.vars.borrow_mut().get_mut(name)
        {
            // Rebinding: no new key.
            *slot = v;
            return;
        }
        let k: Rc<str> = Rc::from(name);
        if target.0.is_class && !target.0.order.borrow().iter().any(|o| **o == *name) {
            target.0.order.borrow_mut().push(k.clone());
        }
        target.0.vars.borrow_mut().insert(k, v);
    }

    /// Assignment to a target expression.
    pub fn assign(&mut self, t: &Expr, v: Value, scope: &Scope) -> R<()> {
        match &t.kind {
            ExprKind::Name(n) => {
                self.set_var(scope, n, v);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let vals = self.iterate(&v)?;
                let star = items
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred(_)));
                match star {
                    None => {
                        if vals.len() != items.len() {
                            self.cur_span = t.span;
                            return if vals.len() > items.len() {
                                self.raise(
                                    "ValueError",
                                    format!("too many values to unpack (expected {})", items.len()),
                                )
                            } else {
                                self.raise(
                                    "ValueError",
                                    format!(
                                        "not enough values to unpack (expected {}, got {})",
                                        items.len(),
                                        vals.len()
                                    ),
                                )
                            };
                        }
                        for (e, v) in items.iter().zip(vals) {
                            self.assign(e, v, scope)?;
                        }
                    }
                    Some(si) => {
                        let after = items.len() - si - 1;
                        if vals.len() < items.len() - 1 {
                            return self.raise(
                                "ValueError",
                                format!(
                                    "not enough values to unpack (expected at least {}, got {})",
                                    items.len() - 1,
                                    vals.len()
                                ),
                            );
                        }
                        for (e, v) in items[..si].iter().zip(vals.iter()) {
                            self.assign(e, v.clone(), scope)?;
                        }
                        let mid = vals[si..vals.len() - after].to_vec();
                        if let ExprKind::Starred(inner) = &items[si].kind {
                            self.assign(inner, Value::list(mid), scope)?;
                        }
                        for (e, v) in items[si + 1..]
                            .iter()
                            .zip(vals[vals.len() - after..].iter())
                        {
                            self.assign(e, v.clone(), scope)?;
                        }
                    }
                }
                Ok(())
            }
            ExprKind::Attribute { value, attr } => {
                let obj = self.eval(value, scope)?;
                self.cur_span = attr.span;
                self.setattr(&obj, &attr.name, v)
            }
            ExprKind::Subscript { value, slice } => {
                let obj = self.eval(value, scope)?;
                let k = self.eval(slice, scope)?;
                self.cur_span = t.span;
                self.setitem(&obj, k, v)
            }
            ExprKind::Starred(_) => self.raise(
                "SyntaxError",
                "starred assignment target must be in a list or tuple",
            ),
            _ => self.unsupported("this assignment target"),
        }
    }

    fn delete(&mut self, t: &Expr, scope: &Scope) -> R<()> {
        self.cur_span = t.span;
        match &t.kind {
            ExprKind::Name(n) => {
                if scope.0.vars.borrow_mut().remove(n.as_str()).is_none() {
                    return self.raise("NameError", format!("name '{n}' is not defined"));
                }
                Ok(())
            }
            ExprKind::Subscript { value, slice } => {
                let obj = self.eval(value, scope)?;
                let k = self.eval(slice, scope)?;
                self.cur_span = t.span;
                self.delitem(&obj, k)
            }
            ExprKind::Attribute { value, attr } => {
                let obj = self.eval(value, scope)?;
                if let Value::Instance(i) = &obj
                    && i.dict.borrow_mut().remove(attr.name.as_str()).is_some()
                {
                    return Ok(());
                }
                self.raise(
                    "AttributeError",
                    format!(
                        "'{}' object has no attribute '{}'",
                        self.type_name(&obj),
                        attr.name
                    ),
                )
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete(i, scope)?;
                }
                Ok(())
            }
            _ => self.unsupported("this `del` target"),
        }
    }

    /// Creates a function value.
    pub fn make_function(
        &mut self,
        name: &str,
        params: &crate::core::lang::ast::Parameters,
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
        Ok(Value::Func(Rc::new(Function {
            name: Rc::from(name),
            params: Rc::new(params.clone()),
            defaults,
            kw_defaults,
            body,
            closure: Some(closure),
            source: self.source,
            owner: RefCell::new(None),
        })))
    }

    /// Builds a class from its evaluated body.
    fn build_class(&mut self, name: &str, bases: Vec<Value>, body: &Scope) -> R<Value> {
        let mut base_classes = vec![];
        let mut model_base = false;
        let mut declarative = false;
        for b in bases {
            match b {
                Value::Class(c) => base_classes.push(c),
                Value::Native(n) if n.is_model_base() => model_base = true,
                Value::Native(n) if n.is_declarative_base() => declarative = true,
                other => {
                    let t = self.type_name(&other);
                    return self.raise("TypeError", format!("bases must be types, not {t}"));
                }
            }
        }
        let is_model = model_base || base_classes.iter().any(|c| self.orm.is_model_class(c));
        if base_classes.is_empty() {
            base_classes.push(self.object_class.clone());
        }
        let is_exc = base_classes.iter().any(|c| c.lookup_is_exception());
        let cls = make_class(name, base_classes, is_exc);
        let mut vars: Vec<(Rc<str>, Value)> = body
            .0
            .vars
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        // keep definition order: HashMap loses it, so sort by the order recorded in the scope
        let order = body.0.order.borrow().clone();
        vars.sort_by_key(|(k, _)| order.iter().position(|o| o == k).unwrap_or(usize::MAX));
        for (_, v) in &vars {
            let f = match v {
                Value::Func(f) => Some(f.clone()),
                Value::Property(p) | Value::ClassMethod(p) | Value::StaticMethod(p) => match &**p {
                    Value::Func(f) => Some(f.clone()),
                    _ => None,
                },
                _ => None,
            };
            if let Some(f) = f {
                *f.owner.borrow_mut() = Some(Rc::downgrade(&cls));
            }
        }
        *cls.dict.borrow_mut() = vars;
        if declarative {
            // `class Base(DeclarativeBase)`: a base for models, not mapped itself
            self.orm.mark_model_class(&cls);
        } else if is_model {
            self.orm.mark_model_class(&cls);
            self.setup_model(&cls)?;
        }
        Ok(Value::Class(cls))
    }

    /// `name: Mapped[T] = mapped_column(...)` / `name: Mapped[T]` in a model class body.
    fn annotated_value(&mut self, ann: &Expr, v: Value, scope: &Scope) -> R<Value> {
        if !scope.0.is_class {
            return Ok(v);
        }
        if let Value::Native(n) = &v
            && let super::orm::Native::RelSpec(r) = &**n
        {
            if r.borrow().target.is_empty()
                && let Some(t) = annotation_target(ann)
            {
                r.borrow_mut().target = t;
            }
            return Ok(v);
        }
        let Some((ty, optional)) = mapped_annotation(ann) else {
            return Ok(v);
        };
        match &v {
            Value::Native(n) => {
                if let super::orm::Native::ColumnSpec(spec) = &**n {
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
                Ok(Value::Native(Rc::new(super::orm::Native::ColumnSpec(
                    RefCell::new(super::orm::ColumnSpec {
                        column: col,
                        default: None,
                        onupdate: None,
                        explicit_name: false,
                        mapped: true,
                        nullable_explicit: false,
                        order: self.orm.col_counter,
                    }),
                ))))
            }
            _ => Ok(v),
        }
    }

    fn enter_context(&mut self, cm: &Value) -> R<Value> {
        match cm {
            Value::Native(n) => self.native_enter(n.clone()),
            Value::Instance(_) => {
                let f = self.getattr(cm, "__enter__")?;
                self.call(&f, vec![], vec![])
            }
            _ => self.raise(
                "TypeError",
                format!(
                    "'{}' object does not support the context manager protocol",
                    self.type_name(cm)
                ),
            ),
        }
    }

    fn exit_context(&mut self, cm: &Value) -> R<()> {
        match cm {
            Value::Native(n) => self.native_exit(n.clone()),
            Value::Instance(_) => {
                let f = self.getattr(cm, "__exit__")?;
                self.call(&f, vec![Value::None, Value::None, Value::None], vec![])?;
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

impl super::value::Class {
    /// True for exception classes.
    pub fn lookup_is_exception(&self) -> bool {
        self.is_exception || self.mro.borrow().iter().any(|c| c.is_exception)
    }
}

/// The target class named by a relationship annotation: `Mapped['User']`, `Mapped[List['Post']]`,
/// `Mapped[list[Post]]`, `Mapped[Optional['User']]`.
fn annotation_target(ann: &Expr) -> Option<String> {
    fn name(e: &Expr) -> Option<String> {
        match &e.kind {
            ExprKind::Str(s) => Some(s.clone()),
            ExprKind::Name(n) => Some(n.clone()),
            ExprKind::Subscript { slice, .. } => name(slice),
            _ => None,
        }
    }
    let ExprKind::Subscript { slice, .. } = &ann.kind else {
        return None;
    };
    name(slice)
}

/// `Mapped[T]` → (column type of `T` when it is a plain Python type, `Optional`/`| None`).
/// `None` when the annotation is not `Mapped[...]`; relationships give `(None, _)`.
fn mapped_annotation(ann: &Expr) -> Option<(Option<crate::core::sql::SqlType>, bool)> {
    let ExprKind::Subscript { value, slice } = &ann.kind else {
        return None;
    };
    if !matches!(&value.kind, ExprKind::Name(n) if n == "Mapped") {
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
            ExprKind::Subscript { value, slice } if matches!(&value.kind, ExprKind::Name(n) if n == "Optional") => {
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

/// Unused helper kept for symmetry with HashMap-based scopes.
pub fn empty_vars() -> RefCell<HashMap<Rc<str>, Value>> {
    RefCell::new(HashMap::new())
}
