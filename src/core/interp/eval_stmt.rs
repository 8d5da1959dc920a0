//! Statements: the interpreter's constructor, blocks and the step budget, control flow,
//! try/with/raise, imports. Assignment targets are in `eval_stmt/assign.rs`, `def`/`class`
//! in `eval_stmt/definitions.rs`.

mod assign;
mod definitions;
mod for_loop;

use std::rc::Rc;

use crate::core::diag::{LineIndex, Span};
use crate::core::lang::ast::{ExceptHandler, Module, Stmt, StmtKind};

use super::exceptions::{at, builtin_classes};
use super::value::{FuncBody, Scope, Value};
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
        let enum_class = super::exceptions::make_class("Enum", vec![object_class.clone()], false);
        let mut it = Interp {
            globals: Scope::new(None),
            exc,
            enum_class,
            enums: Vec::new(),
            mixin_enums: false,
            object_class,
            out: String::new(),
            err: String::new(),
            interned: Default::default(),
            cycle_roots: Vec::new(),
            cycle_prune_at: super::teardown::MIN_PRUNE_AT,
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
            from_c_call: false,
            in_c_called: false,
            call_from_expr: false,
            json_default: None,
            json_markers: Vec::new(),
            json_sort_keys: false,
            json_skip_keys: false,
            repr_active: Vec::new(),
        };
        it.load_prelude();
        it
    }

    /// Ends the run: a transaction still open is rolled back, as the interpreter's exit
    /// discards a pysqlite connection's uncommitted work (nothing is logged: SQLAlchemy
    /// echoes nothing then), so the database is left with no transaction open.
    pub fn finish(&mut self) {
        if self.orm.sqlite_tx {
            self.orm.sqlite_tx = false;
            let _ = self.backend.execute("ROLLBACK", &[]);
        }
    }

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
            // (An attribute's object, a subscript's container and key are evaluated once.)
            StmtKind::AugAssign { target, op, value } => match &target.kind {
                crate::core::lang::ast::ExprKind::Attribute { value: obj, attr } => {
                    let o = self.eval(obj, scope)?;
                    self.cur_span = attr.span;
                    let cur = self.getattr(&o, &attr.name)?;
                    let rhs = self.eval(value, scope)?;
                    self.cur_span = s.span;
                    let v = self.binop_inplace(*op, cur, rhs)?;
                    self.cur_span = attr.span;
                    self.setattr(&o, &attr.name, v)?;
                }
                crate::core::lang::ast::ExprKind::Subscript { value: obj, slice } => {
                    let o = self.eval(obj, scope)?;
                    let k = self.eval(slice, scope)?;
                    self.cur_span = target.span;
                    let cur = self.getitem(&o, &k)?;
                    let rhs = self.eval(value, scope)?;
                    self.cur_span = s.span;
                    let v = self.binop_inplace(*op, cur, rhs)?;
                    self.cur_span = target.span;
                    self.setitem(&o, k, v)?;
                }
                _ => {
                    let cur = self.eval(target, scope)?;
                    let rhs = self.eval(value, scope)?;
                    self.cur_span = s.span;
                    let v = self.binop_inplace(*op, cur, rhs)?;
                    self.assign(target, v, scope)?;
                }
            },
            StmtKind::AnnAssign {
                target,
                value,
                annotation,
            } => {
                if scope.0.is_class
                    && let crate::core::lang::ast::ExprKind::Name(n) = &target.kind
                {
                    let mut a = scope.0.annotated.borrow_mut();
                    if !a.iter().any(|(k, _)| **k == **n) {
                        a.push((Rc::from(n.as_str()), value.is_none()));
                    }
                }
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
                let mut source = self.loop_source(&it)?;
                loop {
                    let Some(v) = self.loop_next(&mut source)? else {
                        break;
                    };
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
                    FuncBody::Block(fd.body.clone()),
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
                let qualname = scope.0.owner.qualify(&cd.name.name);
                let body_scope = Scope::class_body(Some(scope.clone()), qualname);
                self.exec_block(&cd.body, &body_scope)?;
                self.cur_span = cd.name.span;
                let cls = self.build_class(&cd.name.name, bases, &body_scope)?;
                // (A docstring is the class's `__doc__`.)
                if let Value::Class(c) = &cls
                    && let Some(first) = cd.body.first()
                    && let StmtKind::Expr(e) = &first.kind
                    && let crate::core::lang::ast::ExprKind::Str(t) = &e.kind
                {
                    c.set("__doc__", Value::str(t));
                }
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
                let mut r = self.exec_block(body, scope);
                for cm in exits.iter().rev() {
                    r = self.exit_context(cm, r)?;
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
            StmtKind::Nonlocal(names) => {
                for n in names {
                    if self.nonlocal_owner(scope, &n.name).is_none() {
                        self.cur_span = n.span;
                        return self.raise(
                            "SyntaxError",
                            format!("no binding for nonlocal '{}' found", n.name),
                        );
                    }
                    scope
                        .0
                        .nonlocals
                        .borrow_mut()
                        .push(Rc::from(n.name.as_str()));
                }
            }
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
                if let Some(outer) = self.orm.handling.last().cloned() {
                    set_context(&e.value, &outer);
                }
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
                        if let Err(raised) = &r {
                            set_context(&raised.value, &e.value);
                        }
                        // (`except E as e:` ends with `del e`, as Python 3 compiles it.)
                        if let Some(n) = &h.name {
                            scope.0.vars.borrow_mut().remove(n.name.as_str());
                        }
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

    /// Leaves a `with` block that ended with `r`: an exception is passed to `__exit__`,
    /// and a true result suppresses it, as in Python.
    fn exit_context(&mut self, cm: &Value, r: R<Flow>) -> R<R<Flow>> {
        match cm {
            // (Leaving an app context hands its teardown functions the exception.)
            Value::Native(n) if let super::orm::Native::AppContext(req) = &**n => {
                if req.is_some() {
                    // (A request context leaves the app context it found.)
                    self.orm.requests.pop();
                    return Ok(r);
                }
                let exc = r.as_ref().err().map(|e| e.value.clone());
                self.pop_app_context(exc)?;
                Ok(r)
            }
            Value::Native(n) => {
                self.native_exit(n.clone(), r.is_err())?;
                Ok(r)
            }
            Value::Instance(_) => {
                let f = self.getattr(cm, "__exit__")?;
                let args = match &r {
                    Err(e) => {
                        let t = self.type_of(&e.value);
                        vec![t, e.value.clone(), Value::None]
                    }
                    Ok(_) => vec![Value::None, Value::None, Value::None],
                };
                let out = self.call(&f, args, vec![])?;
                if r.is_err() && self.truthy(&out)? {
                    return Ok(Ok(Flow::Normal));
                }
                Ok(r)
            }
            _ => Ok(r),
        }
    }
}

/// Records `handled` as the `__context__` of an exception raised while it was being
/// handled (Python's implicit chaining), unless the exception already has one or is it.
fn set_context(raised: &Value, handled: &Value) {
    if let (Value::Instance(r), Value::Instance(h)) = (raised, handled) {
        if Rc::ptr_eq(r, h) {
            return;
        }
        if r.dict.borrow().contains_key("__context__") {
            return;
        }
        // (As Python does, a cycle is broken: the link of the handled exception's chain
        // that leads back to the one raised is cut.)
        let mut link = h.clone();
        for _ in 0..1000 {
            let next = match link.dict.borrow().get("__context__") {
                Some(Value::Instance(next)) => next.clone(),
                _ => break,
            };
            if Rc::ptr_eq(&next, r) {
                link.dict.borrow_mut().remove("__context__");
                break;
            }
            link = next;
        }
        r.dict
            .borrow_mut()
            .insert(Rc::from("__context__"), handled.clone());
    }
}
