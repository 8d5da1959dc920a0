//! Calling things: user functions (argument binding as CPython does it), classes, bound
//! methods; attribute access on instances and classes.

use std::cell::RefCell;
use std::rc::Rc;

use crate::core::interp::orm::Native;

use crate::core::lang::ast::Expr;

use super::eval_stmt::Flow;
use super::value::{Class, FuncBody, Function, Instance, Scope, Value};
use super::{Interp, R};

/// Keyword arguments.
pub type Kw = Vec<(Rc<str>, Value)>;

/// Recursion levels a call the interpreter makes itself (a property, a dunder, a
/// builtin's key or `__len__`) counts towards [`super::MAX_DEPTH`]: two, as CPython counts
/// most calls from C (`__eq__`, `__init__`; a property getter there counts one, so a
/// recursive property stops at half CPython's depth); three in the browser, whose native
/// stack those paths exhaust first (see [`Interp::call_function`]).
const INTERNAL_CALL_LEVELS: usize = if cfg!(target_arch = "wasm32") { 3 } else { 2 };

impl Interp<'_> {
    /// True when `c` names `db.Model` among its bases.
    fn is_model_root(&self, c: &Rc<Class>) -> bool {
        (self.orm.model_roots.iter()).any(|w| std::ptr::eq(w.as_ptr(), Rc::as_ptr(c)))
    }

    /// `db.Model` (`"db.Model"`) or the Flask-SQLAlchemy `Model` behind it, as a value.
    fn model_base_value(&self, which: &str) -> Value {
        Value::Native(Rc::new(super::orm::Native::SqlaFn(Rc::from(which))))
    }

    /// Calls `f` with arguments; `call_expr` is used for positions only.
    pub fn call_at(&mut self, f: &Value, args: Vec<Value>, kw: Kw, call_expr: &Expr) -> R<Value> {
        let _ = call_expr;
        self.call(f, args, kw)
    }

    /// Calls any callable.
    pub fn call(&mut self, f: &Value, args: Vec<Value>, kw: Kw) -> R<Value> {
        match f {
            Value::Func(func) => self.call_function(func, args, kw),
            Value::Method(m) => {
                let (recv, func) = (&m.0, &m.1);
                let mut a = Vec::with_capacity(args.len() + 1);
                a.push(recv.clone());
                a.extend(args);
                self.call(func, a, kw)
            }
            Value::Builtin(name) => {
                let name = name.clone();
                self.call_builtin(&name, args, kw)
            }
            Value::BuiltinMethod(m) => {
                let (recv, name) = (m.0.clone(), m.1.clone());
                self.call_method(&recv, &name, args, kw)
            }
            Value::Class(c) => self.instantiate(c.clone(), args, kw),
            Value::Native(n) => self.call_native(n.clone(), args, kw),
            Value::Instance(i) => {
                if i.class.lookup("__call__").is_none() {
                    let t = self.type_name(f);
                    return self.raise("TypeError", format!("'{t}' object is not callable"));
                }
                let m = self.getattr(f, "__call__")?;
                self.call(&m, args, kw)
            }
            Value::StaticMethod(inner) | Value::ClassMethod(inner) => {
                let inner = (**inner).clone();
                self.call(&inner, args, kw)
            }
            _ => self.raise(
                "TypeError",
                format!("'{}' object is not callable", self.qual_type_name(f)),
            ),
        }
    }

    /// Runs a user function.
    pub fn call_function(&mut self, func: &Rc<Function>, args: Vec<Value>, kw: Kw) -> R<Value> {
        self.tick()?;
        // CPython's message says "while calling a Python object" where the limit is met
        // in a call from C through `_PyObject_Call` (a class's `__init__`, a property's
        // setter: marked by `from_c_call` just before), unless the method is a model's,
        // whose calls pass through SQLAlchemy's instrumentation; a getter, a dunder or a
        // plain call meets it as a Python frame is pushed: the plain message.
        // (Kept for the function's whole run: any check its body meets says so.)
        let via_c = std::mem::take(&mut self.from_c_call);
        let from_c = via_c
            && (func.owner.borrow().as_ref())
                .and_then(|w| w.upgrade())
                .is_none_or(|c| c.model_info().is_none());
        // (A call the interpreter makes itself — a property, a dunder, a class's `__init__` —
        // counts more than one level: CPython's C-mediated calls mostly count two (`__eq__`,
        // `__init__` recurse 497 deep there), and in the browser these longer paths use
        // more of the engine's native call stack, which no probe can see, so there they
        // count three (see `MAX_DEPTH`). A call expression naming a function or class
        // counted its one level where it was evaluated.)
        let from_expr = std::mem::take(&mut self.call_from_expr);
        let extra = match (from_expr, via_c) {
            (true, false) => 0,
            (true, true) => 1,
            (false, _) => INTERNAL_CALL_LEVELS,
        };
        self.depth += extra;
        if self.depth > super::MAX_DEPTH
            || self.stack_base.abs_diff(super::stack_probe()) > self.stack_budget()
        {
            self.depth -= extra;
            return self.raise("RecursionError", recursion_message(from_c));
        }
        let outer_from_c = std::mem::replace(&mut self.in_c_called, from_c);
        let r = self.run_function(func, args, kw);
        self.in_c_called = outer_from_c;
        self.depth -= extra;
        r
    }

    /// [`Self::call_function`]'s work once the stack is known to have room.
    fn run_function(&mut self, func: &Rc<Function>, args: Vec<Value>, kw: Kw) -> R<Value> {
        let scope = Scope::for_call(func);
        self.bind_args(func, args, kw, &scope)?;
        let saved = self.source;
        self.source = func.source;
        let owner = func.owner.borrow().as_ref().and_then(|w| w.upgrade());
        let pushed = match (owner, scope_first_arg(func, &scope)) {
            (Some(c), Some(this)) => {
                self.orm.method_stack.push((c, this));
                true
            }
            _ => false,
        };
        let r = match &func.body {
            FuncBody::Block(body) => {
                let body = body.clone();
                match self.exec_block(&body, &scope) {
                    Ok(Flow::Return(v)) => Ok(v),
                    Ok(_) => Ok(Value::None),
                    Err(e) => Err(e),
                }
            }
            FuncBody::Expr(e) => {
                let e = e.clone();
                self.eval(&e, &scope)
            }
        };
        self.source = saved;
        if pushed {
            self.orm.method_stack.pop();
        }
        r
    }

    /// CPython's `TypeError` for `given` positional arguments where `func` takes fewer
    /// (counting the keyword-only arguments given beside them, as CPython does).
    #[cold]
    #[inline(never)]
    fn too_many_positional(&self, func: &Function, given: usize, kw: &Kw) -> R<()> {
        let p = &func.params;
        let n = p.posonly.len() + p.args.len();
        let s = |n: usize| if n == 1 { "" } else { "s" };
        let takes = if func.defaults.is_empty() {
            format!("{n} positional argument{}", s(n))
        } else {
            format!(
                "from {} to {n} positional arguments",
                n - func.defaults.len()
            )
        };
        let kwonly = kw
            .iter()
            .filter(|(k, _)| p.kwonly.iter().any(|x| *x.name.name == **k))
            .count();
        let also = match kwonly {
            0 => String::new(),
            k => format!(
                " positional argument{} (and {k} keyword-only argument{})",
                s(given),
                s(k)
            ),
        };
        let verb = if given == 1 && kwonly == 0 {
            "was"
        } else {
            "were"
        };
        self.raise(
            "TypeError",
            format!(
                "{}() takes {takes} but {given}{also} {verb} given",
                func.qualname()
            ),
        )
    }

    fn bind_args(&mut self, func: &Function, args: Vec<Value>, kw: Kw, scope: &Scope) -> R<()> {
        let p = &func.params;
        // (Errors name the function by its qualified name.)
        let error_name = || func.qualname();
        let positional: Vec<&str> = p
            .posonly
            .iter()
            .chain(p.args.iter())
            .map(|x| x.name.name.as_str())
            .collect();
        let mut vars = super::var_map::VarMap::default();
        let n = positional.len();
        let given = args.len();
        let mut extra = vec![];
        for (i, a) in args.into_iter().enumerate() {
            if i < n {
                vars.insert(Rc::from(positional[i]), a);
            } else {
                extra.push(a);
            }
        }
        if !extra.is_empty() && p.vararg.is_none() {
            return self.too_many_positional(func, given, &kw);
        }
        if let Some(va) = &p.vararg {
            vars.insert(Rc::from(va.name.name.as_str()), Value::tuple(extra));
        }
        let mut kwargs = super::value::Dict::new();
        for (k, v) in kw {
            let is_param = positional.iter().skip(p.posonly.len()).any(|x| **x == *k)
                || p.kwonly.iter().any(|x| *x.name.name == *k);
            if is_param {
                if vars.contains_key(&k) {
                    return self.raise(
                        "TypeError",
                        format!("{}() got multiple values for argument '{k}'", error_name()),
                    );
                }
                vars.insert(k, v);
            } else if p.kwarg.is_some() {
                kwargs.insert(super::value::HKey::Str(k.clone()), Value::Str(k), v);
            } else {
                return self.raise(
                    "TypeError",
                    format!(
                        "{}() got an unexpected keyword argument '{k}'",
                        error_name()
                    ),
                );
            }
        }
        // defaults
        let first_default = n - func.defaults.len();
        let mut missing = vec![];
        for (i, pn) in positional.iter().enumerate() {
            if !vars.contains_key(pn) {
                if i >= first_default {
                    vars.insert(Rc::from(*pn), func.defaults[i - first_default].clone());
                } else {
                    missing.push(format!("'{pn}'"));
                }
            }
        }
        if !missing.is_empty() {
            return self.raise(
                "TypeError",
                format!(
                    "{}() missing {} required positional argument{}: {}",
                    error_name(),
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    join_and(&missing)
                ),
            );
        }
        let mut missing_kw = vec![];
        for k in &p.kwonly {
            if !vars.contains_key(k.name.name.as_str()) {
                match func.kw_defaults.iter().find(|(n, _)| *n == k.name.name) {
                    Some((_, d)) => {
                        vars.insert(Rc::from(k.name.name.as_str()), d.clone());
                    }
                    None => missing_kw.push(format!("'{}'", k.name.name)),
                }
            }
        }
        if !missing_kw.is_empty() {
            return self.raise(
                "TypeError",
                format!(
                    "{}() missing {} required keyword-only argument{}: {}",
                    error_name(),
                    missing_kw.len(),
                    if missing_kw.len() == 1 { "" } else { "s" },
                    join_and(&missing_kw)
                ),
            );
        }
        if let Some(kwp) = &p.kwarg {
            vars.insert(
                Rc::from(kwp.name.name.as_str()),
                Value::Dict(Rc::new(RefCell::new(kwargs))),
            );
        }
        *scope.0.vars.borrow_mut() = vars;
        Ok(())
    }

    /// `Class(...)`.
    pub fn instantiate(&mut self, c: Rc<Class>, args: Vec<Value>, kw: Kw) -> R<Value> {
        // (A model object's columns live in its state's slots, not in its dict: the
        // dict starts empty, without a table, as a loaded object's does.)
        let model = c.model_info();
        if model.is_some() {
            self.configure_mappers()?;
        }
        // A model class known to have no Python `__init__` (and to be no exception) is
        // not looked up along its MRO again while no class attribute is set.
        let epoch = super::value::class_epoch() + 1;
        let plain = model.is_some() && c.plain_init.get() == epoch;
        // (A model class, the common case, is no enum: no walk of its MRO for that.)
        if model.is_none() && self.is_enum_class(&c) {
            let v = args.into_iter().next().unwrap_or(Value::None);
            return self.enum_by_value(&c, &v);
        }
        if !plain && c.lookup_is_exception() {
            // `NotFound()`, `BadRequest('why')`: werkzeug's code, name and description.
            if let Some((_, class, ..)) = super::exceptions::http_error(&c.name)
                && self.exc.get(class).is_some_and(|e| Rc::ptr_eq(e, &c))
            {
                let desc = args.first().cloned().or_else(|| {
                    kw.iter()
                        .find(|(k, _)| &**k == "description")
                        .map(|(_, v)| v.clone())
                });
                return self.http_exception(class, desc);
            }
            let v = super::exceptions::exc_instance(c.clone(), args.clone());
            if let Some(init) = c.lookup("__init__")
                && matches!(init, Value::Func(_))
            {
                self.call(&init, std::iter::once(v.clone()).chain(args).collect(), kw)?;
            }
            return Ok(v);
        }
        let inst = Rc::new(Instance {
            class: c.clone(),
            dict: Default::default(),
            orm: RefCell::new(
                model
                    .as_deref()
                    .map(super::orm::model::InstState::transient),
            ),
        });
        self.note_cycle_root(super::teardown::CycleRoot::Instance(Rc::downgrade(&inst)));
        let v = Value::Instance(inst.clone());
        match if plain { None } else { c.lookup("__init__") } {
            Some(init @ Value::Func(_)) => {
                let mut a = vec![v.clone()];
                a.extend(args);
                self.from_c_call = true;
                self.call(&init, a, kw)?;
            }
            // (A library class's builtin `__init__`, `json.JSONEncoder`'s.)
            Some(init @ Value::Builtin(_)) if model.is_none() => {
                let mut a = vec![v.clone()];
                a.extend(args);
                self.call(&init, a, kw)?;
            }
            _ => {
                if model.is_some() {
                    c.plain_init.set(epoch);
                    self.model_default_init(&inst, args, kw)?;
                } else if !args.is_empty() || !kw.is_empty() {
                    return self.raise("TypeError", format!("{}() takes no arguments", c.name));
                }
            }
        }
        Ok(v)
    }

    /// Attribute lookup on any value.
    pub fn getattr(&mut self, obj: &Value, name: &str) -> R<Value> {
        match obj {
            Value::Instance(inst) => self.instance_getattr(inst, obj, name),
            Value::Class(c) => self.class_getattr(c, name),
            Value::Super(s) => {
                let (cls, this) = (&s.0, &s.1);
                let start_cls = match this {
                    Value::Instance(i) => i.class.clone(),
                    Value::Class(c) => c.clone(),
                    _ => cls.clone(),
                };
                let mro = start_cls.mro.borrow().clone();
                let pos = mro.iter().position(|c| Rc::ptr_eq(c, cls)).unwrap_or(0);
                for c in mro.iter().skip(pos + 1) {
                    if let Some(v) = c.own(name) {
                        // (A property found on the way is read, as on the object.)
                        if let Value::Property(p) = &v
                            && matches!(this, Value::Instance(_))
                        {
                            let (f, _) = super::methods::property_parts(p);
                            return self.call(&f, vec![this.clone()], vec![]);
                        }
                        return Ok(self.bind(v, this.clone(), &start_cls));
                    }
                }
                // (`super().filter(...)` in a query class's method: the query's own, past
                // the class's override.)
                if let Value::Native(n) = this
                    && let Native::Query(_) = &**n
                {
                    let own = format!("\0{name}");
                    return Ok(Value::BuiltinMethod(Rc::new((this.clone(), Rc::from(own)))));
                }
                if name == "__init__" {
                    if start_cls.model_info().is_some() {
                        return Ok(Value::BuiltinMethod(Rc::new((
                            this.clone(),
                            Rc::from("__model_init__"),
                        ))));
                    }
                    if start_cls.lookup_is_exception() {
                        return Ok(Value::BuiltinMethod(Rc::new((
                            this.clone(),
                            Rc::from("__exc_init__"),
                        ))));
                    }
                    return Ok(Value::BuiltinMethod(Rc::new((
                        this.clone(),
                        Rc::from("__object_init__"),
                    ))));
                }
                // `object`'s (or `Exception`'s, or the model base's) own methods.
                let base = match name {
                    "__str__" => Some("__super_str__"),
                    "__repr__" => Some("__super_repr__"),
                    "__eq__" => Some("__super_eq__"),
                    "__ne__" => Some("__super_ne__"),
                    "__hash__" => Some("__super_hash__"),
                    _ => None,
                };
                if let Some(m) = base {
                    return Ok(Value::BuiltinMethod(Rc::new((this.clone(), Rc::from(m)))));
                }
                self.no_attr("super", name)
            }
            // `obj.__class__` of any other value: its type, as `type(obj)`.
            _ if name == "__class__" => self.call_builtin("type", vec![obj.clone()], vec![]),
            _ => self.value_getattr(obj, name),
        }
    }

    fn bind(&mut self, v: Value, this: Value, cls: &Rc<Class>) -> Value {
        match v {
            Value::Func(_) => Value::Method(Rc::new((this, v))),
            // (`json.JSONEncoder`'s methods are builtins its instances bind.)
            Value::Builtin(ref n) if n.starts_with("json.JSONEncoder.") => {
                Value::Method(Rc::new((this, v)))
            }
            Value::ClassMethod(f) => {
                Value::Method(Rc::new((Value::Class(cls.clone()), (*f).clone())))
            }
            Value::StaticMethod(f) => (*f).clone(),
            other => other,
        }
    }

    fn instance_getattr(&mut self, inst: &Rc<Instance>, obj: &Value, name: &str) -> R<Value> {
        let cls_attr = inst.class.lookup(name);
        match &cls_attr {
            Some(Value::Property(p)) => {
                let (f, _) = super::methods::property_parts(p);
                return self.call(&f, vec![obj.clone()], vec![]);
            }
            Some(Value::Native(n)) if n.is_instrumented() => {
                return self.model_get(inst, n.clone(), name);
            }
            Some(Value::Native(n)) if let Native::Hybrid(h) = &**n => {
                return self.call(&h[0], vec![obj.clone()], vec![]);
            }
            Some(Value::Native(n)) if let Native::HybridMethod(h) = &**n => {
                return Ok(Value::Method(Rc::new((obj.clone(), h[0].clone()))));
            }
            _ => {}
        }
        if let Some(v) = inst.dict.borrow().get(name) {
            return Ok(v.clone());
        }
        if let Some(v) = cls_attr {
            return Ok(self.bind(v, obj.clone(), &inst.class.clone()));
        }
        match name {
            "__class__" => return Ok(Value::Class(inst.class.clone())),
            "__dict__" => return Ok(Value::dict_of(self.instance_dict_pairs(inst))),
            _ => {}
        }
        if inst.class.lookup_is_exception() && name == "args" {
            return Ok(Value::tuple(vec![]));
        }
        // (A DBAPI error's `connection_invalidated`: never, with SQLite in memory.)
        if name == "connection_invalidated" && inst.class.inherits_named("DBAPIError") {
            return Ok(Value::Bool(false));
        }
        // (A `StatementError`'s `detail`: the notes added to its message, none here.)
        if name == "detail" && inst.class.inherits_named("StatementError") {
            return Ok(Value::list(vec![]));
        }
        // (`SQLAlchemyError.code`: the error's page on sqlalche.me, None for most.)
        if name == "code" && inst.class.inherits_named("SQLAlchemyError") {
            return Ok(Value::None);
        }
        if inst.class.lookup_is_exception()
            && matches!(
                name,
                "__cause__" | "__context__" | "__suppress_context__" | "__traceback__"
            )
        {
            // (SQLAlchemy raises a DBAPI error `from` the driver's, its `orig`.)
            let orig = (inst.dict.borrow().get("orig").cloned())
                .filter(|_| inst.class.inherits_named("DBAPIError"));
            return Ok(match name {
                "__cause__" | "__context__" => orig.unwrap_or(Value::None),
                "__suppress_context__" => {
                    Value::Bool(orig.is_some() || inst.dict.borrow().contains_key("__cause__"))
                }
                _ => Value::None,
            });
        }
        // werkzeug's `HTTPException.get_description()`.
        if name == "get_description" && inst.class.inherits_named("HTTPException") {
            return Ok(Value::BuiltinMethod(Rc::new((obj.clone(), Rc::from(name)))));
        }
        if let Some(v) = self.model_instance_extra(inst, name)? {
            return Ok(v);
        }
        if let Some(ga) = inst.class.lookup("__getattr__") {
            let f = self.bind(ga, obj.clone(), &inst.class.clone());
            return self.call(&f, vec![Value::str(name)], vec![]);
        }
        // `Role.ADMIN.upper()`: the mixed-in type's methods.
        if let Some(x) = self.mixin_value(obj) {
            return self.getattr(&x, name);
        }
        // `self.__repr__()` / `self.__str__()` where the class does not define them:
        // `object`'s (or the model base's), as `super()` finds them.
        let base = match name {
            "__str__" => Some("__super_str__"),
            "__repr__" => Some("__super_repr__"),
            _ => None,
        };
        if let Some(m) = base {
            return Ok(Value::BuiltinMethod(Rc::new((obj.clone(), Rc::from(m)))));
        }
        self.no_attr(&inst.class.name, name)
    }

    fn class_getattr(&mut self, c: &Rc<Class>, name: &str) -> R<Value> {
        // (A class defining `__eq__` without `__hash__` has `__hash__ = None`, whatever its
        // bases define.)
        if name == "__hash__"
            && let Some(v) = super::eval_expr::class_hash(c)
        {
            return Ok(v);
        }
        // A class's own docstring (not inherited), and its own namespace.
        match name {
            "__doc__" => return Ok(c.own("__doc__").unwrap_or(Value::None)),
            "__dict__" => {
                let hidden = |k: &str| {
                    (self.orm.unconfigured_backrefs.iter())
                        .any(|(cn, n)| &**n == k && *cn == c.name)
                };
                let pairs = (c.dict.borrow().iter())
                    .filter(|(k, _)| !hidden(k))
                    .map(|(k, v)| (Value::Str(k.clone()), v.clone()))
                    .collect();
                return Ok(Value::dict_of(pairs));
            }
            _ => {}
        }
        if !self.orm.unconfigured_backrefs.is_empty()
            && (self.orm.unconfigured_backrefs.iter())
                .any(|(k, n)| &**n == name && c.mro.borrow().iter().any(|m| m.name == *k))
        {
            return self.raise(
                "AttributeError",
                format!("type object '{}' has no attribute '{name}'", c.name),
            );
        }
        if let Some(v) = c.lookup(name) {
            return Ok(match v {
                Value::ClassMethod(f) => {
                    Value::Method(Rc::new((Value::Class(c.clone()), (*f).clone())))
                }
                Value::StaticMethod(f) => (*f).clone(),
                Value::Native(n) if n.is_instrumented() => self.class_attr_expr(c, &n)?,
                // A hybrid at class level: its expression (else its getter) run on the class.
                Value::Native(ref n) if let Native::Hybrid(h) = &**n => {
                    let f = if matches!(h[2], Value::None) {
                        &h[0]
                    } else {
                        &h[2]
                    };
                    let v = self.call(f, vec![Value::Class(c.clone())], vec![])?;
                    self.hybrid_named(v, name)
                }
                // A hybrid method at class level: bound to the class (its expression, else
                // the method itself, builds SQL from the class's attributes).
                Value::Native(ref n) if let Native::HybridMethod(h) = &**n => {
                    let f = if matches!(h[1], Value::None) {
                        &h[0]
                    } else {
                        &h[1]
                    };
                    Value::Method(Rc::new((Value::Class(c.clone()), f.clone())))
                }
                other => other,
            });
        }
        match name {
            "__name__" | "__qualname__" => return Ok(Value::Str(c.name.clone())),
            // A builtin exception class's module (`sqlalchemy.exc`...), else the script's.
            "__module__" => return Ok(Value::str(self.class_module(c))),
            // (A model's MRO runs through `db.Model` and Flask-SQLAlchemy's `Model`
            // before `object`.)
            "__mro__" => {
                let mro = c.mro.borrow().clone();
                let modeled = mro.iter().any(|x| self.is_model_root(x));
                let mut out: Vec<Value> = vec![];
                for x in mro {
                    if modeled && Rc::ptr_eq(&x, &self.object_class) {
                        out.push(self.model_base_value("db.Model"));
                        out.push(self.model_base_value("flask_sqlalchemy.Model"));
                    }
                    out.push(Value::Class(x));
                }
                return Ok(Value::tuple(out));
            }
            "__bases__" | "__base__" => {
                let mut out: Vec<Value> = (c.bases.iter())
                    .filter(|x| !(self.is_model_root(c) && Rc::ptr_eq(x, &self.object_class)))
                    .map(|x| Value::Class(x.clone()))
                    .collect();
                if self.is_model_root(c) {
                    out.push(self.model_base_value("db.Model"));
                }
                if name == "__base__" {
                    return Ok(out.into_iter().next().unwrap_or(Value::None));
                }
                return Ok(Value::tuple(out));
            }
            _ => {}
        }
        if let Some(v) = self.model_class_extra(c, name)? {
            return Ok(v);
        }
        // (With neither `__eq__` nor `__hash__` along its MRO: `object`'s, `hash()`.)
        if name == "__hash__" {
            return Ok(Value::Builtin(Rc::from("hash")));
        }
        // (No `__init__` along its MRO: `object`'s, the model's or exception's base one.)
        if name == "__init__" {
            return Ok(Value::Builtin(Rc::from("object.__init__")));
        }
        // (Inside a `primaryjoin=`/`order_by=` string a model class stands for its columns.)
        if self.orm.in_join_string && c.model_info().is_some() {
            return self.raise(
                "AttributeError",
                format!(
                    "Class <class '__main__.{}'> does not have a mapped column named '{name}'",
                    c.name
                ),
            );
        }
        self.raise(
            "AttributeError",
            format!("type object '{}' has no attribute '{name}'", c.name),
        )
    }

    /// Attribute assignment.
    pub fn setattr(&mut self, obj: &Value, name: &str, v: Value) -> R<()> {
        match obj {
            Value::Instance(inst) => {
                if let Some(st) = inst.orm.borrow_mut().as_mut()
                    && st.status == super::orm::model::Status::Transient
                    && !st.order.iter().flat_map(|o| o.iter()).any(|k| &**k == name)
                {
                    let mut order: Vec<Rc<str>> =
                        st.order.iter().flat_map(|o| o.iter().cloned()).collect();
                    order.push(Rc::from(name));
                    st.order = Some(order.into());
                }
                let cls_attr = inst.class.lookup(name);
                match cls_attr {
                    Some(Value::Native(n)) if n.is_instrumented() => {
                        return self.model_set(inst, n.clone(), v);
                    }
                    Some(Value::Native(ref n)) if let Native::Hybrid(h) = &**n => {
                        if matches!(h[1], Value::None) {
                            return self.raise("AttributeError", "can't set attribute");
                        }
                        self.call(&h[1], vec![obj.clone(), v], vec![])?;
                        return Ok(());
                    }
                    Some(Value::Property(p)) => {
                        let (_, fset) = super::methods::property_parts(&p);
                        if matches!(fset, Value::None) {
                            return self.raise(
                                "AttributeError",
                                format!(
                                    "property '{name}' of '{}' object has no setter",
                                    inst.class.name
                                ),
                            );
                        }
                        self.from_c_call = true;
                        self.call(&fset, vec![obj.clone(), v], vec![])?;
                        return Ok(());
                    }
                    _ => {}
                }
                // An exception's `args` is always a tuple: `e.args = x` stores `tuple(x)`.
                let v = if name == "args" && inst.class.lookup_is_exception() {
                    Value::tuple(self.iterate(&v)?)
                } else {
                    v
                };
                inst.dict.borrow_mut().insert(Rc::from(name), v);
                Ok(())
            }
            Value::Func(f) => {
                f.set_attr(name, v);
                Ok(())
            }
            Value::Class(c) => {
                if let Value::Native(n) = &v
                    && let Native::ColumnProperty(e) = &**n
                    && c.model_info().is_some()
                {
                    return self.map_column_props(c, vec![(Rc::from(name), e.clone())], false);
                }
                // (`User.posts = db.relationship(...)` after the class: mapped as its body's.)
                if let Value::Native(n) = &v
                    && let Native::RelSpec(r) = &**n
                    && c.model_info().is_some()
                {
                    let r = r.borrow().clone();
                    c.set(name, v);
                    return self.map_late_relationship(c, name, &r);
                }
                c.set(name, v);
                Ok(())
            }
            Value::Native(n) => self.native_setattr(n.clone(), name, v),
            _ => self.raise(
                "AttributeError",
                format!("'{}' object has no attribute '{name}'", self.type_name(obj)),
            ),
        }
    }
}

/// The value of a function's first parameter in its fresh scope (`self` / `cls`).
fn scope_first_arg(func: &Function, scope: &Scope) -> Option<Value> {
    let p = func.params.posonly.first().or(func.params.args.first())?;
    scope.0.vars.borrow().get(p.name.name.as_str()).cloned()
}

/// `'a', 'b' and 'c'` as CPython lists missing arguments.
fn join_and(items: &[String]) -> String {
    match items.len() {
        0 => String::new(),
        1 => items[0].clone(),
        2 => format!("{} and {}", items[0], items[1]),
        n => format!("{}, and {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

/// CPython's `RecursionError` message: "while calling a Python object" when the limit is
/// met in a function called from C (see [`Interp::call_function`]).
pub(crate) fn recursion_message(from_c: bool) -> &'static str {
    match from_c {
        true => "maximum recursion depth exceeded while calling a Python object",
        false => "maximum recursion depth exceeded",
    }
}

impl Interp<'_> {
    /// A hybrid's class-level SQL expression under the hybrid's name, as SQLAlchemy's
    /// proxy gives it: the row's key (`row.length`; a subquery's row has none), and the
    /// label of arithmetic. Another value as it is.
    fn hybrid_named(&self, v: Value, name: &str) -> Value {
        use crate::core::sql::{Expr, Op};
        if !matches!(&v, Value::Native(n) if matches!(&**n, Native::Sql(_) | Native::Instrumented(_)))
        {
            return v;
        }
        let Some(mut obj) = self.as_sql(&v) else {
            return v;
        };
        if matches!(
            obj.expr,
            Expr::Select(_) | Expr::Unary { op: Op::Exists, .. }
        ) {
            return v;
        }
        obj.key = Some(Rc::from(name));
        // (Arithmetic, which SQLAlchemy would label anonymously, takes the hybrid's name
        // as its label: `end - start AS length`.)
        if let Expr::Binary { op, .. } = &obj.expr
            && matches!(
                op,
                Op::Add | Op::Sub | Op::Mul | Op::Div | Op::Mod | Op::Concat | Op::FloorDiv
            )
        {
            let expr = Box::new(std::mem::replace(&mut obj.expr, Expr::Null));
            obj.expr = Expr::Label {
                name: name.to_string(),
                expr,
            };
        }
        Value::Native(Rc::new(Native::Sql(obj)))
    }
}
