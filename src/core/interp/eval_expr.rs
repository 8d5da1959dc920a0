//! Expressions: names, operators, calls, attributes, subscripts, displays, comprehensions, f-strings.

use std::rc::Rc;

use crate::core::lang::ast::{
    BoolOp, Comprehension, DictItem, Expr, ExprKind, FStringPart, IntValue, UnaryOp,
};
use crate::core::py::Int;

use super::value::{Dict, FuncBody, Scope, Value};
use super::{Interp, R};

impl Interp<'_> {
    /// Looks a name up: locals, enclosing scopes, globals, builtins.
    pub fn lookup_name(&mut self, name: &str, scope: &Scope) -> R<Value> {
        // (Walked by reference: no `Rc` count changes per scope level.)
        let mut s = Some(scope);
        let mut globals_seen = false;
        let mut in_function = false;
        while let Some(sc) = s {
            if let Some(v) = sc.0.vars.borrow().get(name) {
                return Ok(v.clone());
            }
            // (A name the innermost function binds is its own, even before it is bound.)
            if !in_function && let super::value::ScopeOwner::Func(f) = &sc.0.owner {
                in_function = true;
                if !sc.0.is_class && f.is_local(name) && !self.declared_outside(sc, name) {
                    return self.raise(
                        "UnboundLocalError",
                        format!(
                            "cannot access local variable '{name}' where it is not associated with a value"
                        ),
                    );
                }
            }
            globals_seen |= Rc::ptr_eq(&sc.0, &self.globals.0);
            s = sc.0.parent.as_ref();
        }
        // (A builtin's name is not looked for in the globals twice.)
        if !globals_seen && let Some(v) = self.globals.0.vars.borrow().get(name) {
            return Ok(v.clone());
        }
        if let Some(v) = self.builtin_value(name) {
            return Ok(v);
        }
        self.raise("NameError", format!("name '{name}' is not defined"))
    }

    /// True when the function scope `sc` has declared `name` `global` or `nonlocal`
    /// (its body's declarations are found statically too; this covers names declared
    /// by a statement already run).
    fn declared_outside(&self, sc: &Scope, name: &str) -> bool {
        sc.0.globals.borrow().iter().any(|g| &**g == name)
            || sc.0.nonlocals.borrow().iter().any(|g| &**g == name)
    }

    /// How Python names a callable in a call's errors (`_PyObject_FunctionStr`): a
    /// function or method by its qualified name, a class by module and name.
    pub(crate) fn function_str(&mut self, f: &Value) -> String {
        match f {
            Value::Func(func) => format!("__main__.{}", func.qualname()),
            Value::Method(m) => self.function_str(&m.1),
            Value::Class(c) => format!("{}.{}", self.class_module(c), c.name),
            Value::Builtin(n) => n.rsplit('.').next().unwrap_or(n).to_string(),
            Value::BuiltinMethod(m) => m.1.to_string(),
            other => self.type_name(other),
        }
    }

    /// Evaluates an expression.
    pub fn eval(&mut self, e: &Expr, scope: &Scope) -> R<Value> {
        let r = self.eval_inner(e, scope);
        r.map_err(|x| super::exceptions::at(x, self.source, e.span))
    }

    fn eval_inner(&mut self, e: &Expr, scope: &Scope) -> R<Value> {
        match &e.kind {
            ExprKind::Name(n) => {
                self.cur_span = e.span;
                self.lookup_name(n, scope)
            }
            ExprKind::Int(IntValue::Small(i)) => Ok(Value::int(*i)),
            // (A literal's text is shared: evaluating it again allocates nothing.)
            ExprKind::Str(s) => Ok(Value::Str(self.intern(s))),
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.eval_call(e, func, args, keywords, scope),
            ExprKind::BinOp { left, op, right } => {
                let l = self.eval(left, scope)?;
                let r = self.eval(right, scope)?;
                self.cur_span = e.span;
                self.binop(*op, l, r)
            }
            ExprKind::IfExp { test, body, orelse } => {
                let t = self.eval(test, scope)?;
                if self.truthy(&t)? {
                    self.eval(body, scope)
                } else {
                    self.eval(orelse, scope)
                }
            }
            ExprKind::Attribute { value, attr } => {
                let obj = self.eval(value, scope)?;
                self.cur_span = attr.span;
                self.getattr(&obj, &attr.name)
            }
            _ => self.eval_complex(e, scope),
        }
    }

    #[inline(never)]
    fn eval_call(
        &mut self,
        e: &Expr,
        func: &Expr,
        args: &[Expr],
        keywords: &[crate::core::lang::ast::Keyword],
        scope: &Scope,
    ) -> R<Value> {
        // `Model.query.method(...)`: the `Query` object and its bound method are never
        // seen by the script, so the call goes straight to the query method (same order
        // of evaluation, same errors; `User.query is User.query` stays False).
        let callee = match &func.kind {
            ExprKind::Attribute { value, attr } => match &value.kind {
                ExprKind::Attribute {
                    value: model,
                    attr: query,
                } if query.name.as_str() == "query"
                    && !matches!(
                        attr.name.as_str(),
                        "statement" | "session" | "column_descriptions"
                    ) =>
                {
                    let obj = self.eval(model, scope)?;
                    self.cur_span = query.span;
                    match self.model_query_class(&obj)? {
                        Some(class) => {
                            self.cur_span = attr.span;
                            Callee::ModelQuery(class, &attr.name)
                        }
                        None => {
                            let q = self.getattr(&obj, &query.name)?;
                            self.cur_span = attr.span;
                            Callee::Value(self.getattr(&q, &attr.name)?)
                        }
                    }
                }
                _ => Callee::Value(self.eval(func, scope)?),
            },
            _ => Callee::Value(self.eval(func, scope)?),
        };
        // `Model.query.get(key)`: the one argument is read in place (no argument vector).
        if let (Callee::ModelQuery(class, "get"), [a], []) = (&callee, args, keywords)
            && !matches!(a.kind, ExprKind::Starred(_))
        {
            let key = self.eval(a, scope)?;
            self.cur_span = e.span;
            self.enter_call()?;
            let r = self.model_query_get(class, &key);
            self.depth -= 1;
            return r;
        }
        let mut pos = vec![];
        for a in args {
            if let ExprKind::Starred(inner) = &a.kind {
                let v = self.eval(inner, scope)?;
                pos.extend(self.iterate(&v)?);
            } else {
                pos.push(self.eval(a, scope)?);
            }
        }
        let mut kws: Vec<(Rc<str>, Value)> = Vec::with_capacity(keywords.len());
        for k in keywords {
            let v = self.eval(&k.value, scope)?;
            match &k.arg {
                Some(n) if kws.iter().any(|(k, _)| **k == *n.name) => {
                    let f = match &callee {
                        Callee::Value(f) => self.function_str(f),
                        Callee::ModelQuery(..) => "Query".into(),
                    };
                    return self.raise(
                        "TypeError",
                        format!(
                            "{f}() got multiple values for keyword argument '{}'",
                            n.name
                        ),
                    );
                }
                Some(n) => kws.push((self.intern(&n.name), v)),
                None => {
                    for (kk, vv) in self.mapping_items(&v)? {
                        match kk {
                            // (A name given twice: Python's error, naming the callee.)
                            Value::Str(s) if kws.iter().any(|(n, _)| *n == s) => {
                                let f = match &callee {
                                    Callee::Value(f) => self.function_str(f),
                                    Callee::ModelQuery(..) => "Query".into(),
                                };
                                return self.raise(
                                    "TypeError",
                                    format!("{f}() got multiple values for keyword argument '{s}'"),
                                );
                            }
                            Value::Str(s) => kws.push((s, vv)),
                            _ => {
                                return self.raise("TypeError", "keywords must be strings");
                            }
                        }
                    }
                }
            }
        }
        self.cur_span = e.span;
        self.enter_call()?;
        // (A Python function or class called here has its level counted; a builtin's
        // calls into Python code — a key, `__len__` — count as the interpreter's own.)
        self.call_from_expr = matches!(
            &callee,
            Callee::Value(Value::Func(_) | Value::Method(_) | Value::Class(_))
        );
        let r = match callee {
            Callee::Value(f) => self.call_at(&f, pos, kws, e),
            Callee::ModelQuery(class, name) => self.model_query_method(class, name, pos, kws),
        };
        self.call_from_expr = false;
        self.depth -= 1;
        r
    }

    /// One call level deeper (`RecursionError` past the depth or stack limit).
    fn enter_call(&mut self) -> R<()> {
        self.depth += 1;
        if self.depth > super::MAX_DEPTH
            || self.stack_base.abs_diff(super::stack_probe()) > self.stack_budget()
        {
            self.depth -= 1;
            let msg = super::call::recursion_message(self.in_c_called);
            return self.raise("RecursionError", msg);
        }
        Ok(())
    }

    #[inline(never)]
    fn eval_complex(&mut self, e: &Expr, scope: &Scope) -> R<Value> {
        match &e.kind {
            ExprKind::Name(n) => {
                self.cur_span = e.span;
                self.lookup_name(n, scope)
            }
            ExprKind::None => Ok(Value::None),
            ExprKind::Bool(b) => Ok(Value::Bool(*b)),
            ExprKind::Int(IntValue::Small(i)) => Ok(Value::int(*i)),
            ExprKind::Int(IntValue::Big(d)) => {
                let v = Int::from_str_radix(d, 10);
                match v {
                    Ok(i) => Ok(Value::Int(i)),
                    Err(_) => self.raise("ValueError", "invalid integer literal"),
                }
            }
            ExprKind::Float(f) => Ok(Value::Float(*f)),
            ExprKind::Str(s) => Ok(Value::Str(self.intern(s))),
            ExprKind::Bytes(b) => Ok(super::methods::string::bytes_value(b)),
            ExprKind::Ellipsis => Ok(Value::Builtin(Rc::from("Ellipsis"))),
            ExprKind::BoolOp { op, values } => {
                let mut last = Value::None;
                for (k, v) in values.iter().enumerate() {
                    last = self.eval(v, scope)?;
                    // (The last operand is the result as it is: its truth is not asked,
                    // so `x and Model.col > 1` gives the clause.)
                    if k + 1 == values.len() {
                        break;
                    }
                    let t = self.truthy(&last)?;
                    match op {
                        BoolOp::And if !t => return Ok(last),
                        BoolOp::Or if t => return Ok(last),
                        _ => {}
                    }
                }
                Ok(last)
            }
            ExprKind::BinOp { left, op, right } => {
                let l = self.eval(left, scope)?;
                let r = self.eval(right, scope)?;
                self.cur_span = e.span;
                self.binop(*op, l, r)
            }
            ExprKind::UnaryOp { op, operand } => {
                let v = self.eval(operand, scope)?;
                self.cur_span = e.span;
                match op {
                    UnaryOp::Not => Ok(Value::Bool(!self.truthy(&v)?)),
                    _ => self.unary(*op, v),
                }
            }
            ExprKind::Lambda { params, body } => {
                self.make_function("<lambda>", params, FuncBody::Expr(body.clone()), scope)
            }
            ExprKind::IfExp { test, body, orelse } => {
                let t = self.eval(test, scope)?;
                if self.truthy(&t)? {
                    self.eval(body, scope)
                } else {
                    self.eval(orelse, scope)
                }
            }
            ExprKind::Dict(items) => {
                let mut d = Dict::new();
                for it in items {
                    match it {
                        DictItem::Pair(k, v) => {
                            let kv = self.eval(k, scope)?;
                            let vv = self.eval(v, scope)?;
                            self.cur_span = k.span;
                            let h = self.key_among(&d, &kv)?;
                            d.insert(h, kv, vv);
                        }
                        DictItem::Unpack(m) => {
                            let mv = self.eval(m, scope)?;
                            for (k, v) in self.mapping_items(&mv)? {
                                let h = self.key_among(&d, &k)?;
                                d.insert(h, k, v);
                            }
                        }
                    }
                }
                Ok(Value::Dict(Rc::new(std::cell::RefCell::new(d))))
            }
            ExprKind::Set(items) => {
                let vals = self.eval_items(items, scope)?;
                let set = self.make_set(vals)?;
                if items.len() > 2
                    && items.iter().all(is_constant)
                    && let Value::Set(d) = &set
                {
                    let reordered = super::set_order::constant_display_order(&d.borrow());
                    if let Some((members, presize)) = reordered {
                        return self.make_set_sized(members, presize);
                    }
                }
                Ok(set)
            }
            ExprKind::List(items) => Ok(Value::list(self.eval_items(items, scope)?)),
            ExprKind::Tuple(items) => Ok(Value::tuple(self.eval_items(items, scope)?)),
            ExprKind::ListComp { elt, generators } | ExprKind::GeneratorExp { elt, generators } => {
                let inner = Scope::new(Some(scope.clone()));
                let mut out = vec![];
                self.comprehension(generators, 0, &inner, &mut |it, sc| {
                    out.push(it.eval(elt, sc)?);
                    Ok(())
                })?;
                Ok(Value::list_or_gen(
                    out,
                    matches!(e.kind, ExprKind::GeneratorExp { .. }),
                ))
            }
            ExprKind::SetComp { elt, generators } => {
                let inner = Scope::new(Some(scope.clone()));
                let mut out = vec![];
                self.comprehension(generators, 0, &inner, &mut |it, sc| {
                    out.push(it.eval(elt, sc)?);
                    Ok(())
                })?;
                self.make_set(out)
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                let inner = Scope::new(Some(scope.clone()));
                let mut d = Dict::new();
                self.comprehension(generators, 0, &inner, &mut |it, sc| {
                    let k = it.eval(key, sc)?;
                    let v = it.eval(value, sc)?;
                    let h = it.key_among(&d, &k)?;
                    d.insert(h, k, v);
                    Ok(())
                })?;
                Ok(Value::Dict(Rc::new(std::cell::RefCell::new(d))))
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => {
                let mut l = self.eval(left, scope)?;
                let mut result = Value::Bool(true);
                for (op, c) in ops.iter().zip(comparators) {
                    let r = self.eval(c, scope)?;
                    self.cur_span = e.span;
                    result = self.compare(*op, &l, &r)?;
                    if ops.len() > 1 && !self.truthy(&result)? {
                        return Ok(result);
                    }
                    l = r;
                }
                Ok(result)
            }
            ExprKind::FString(parts) => Ok(Value::str(&self.fstring(parts, scope)?)),
            ExprKind::Attribute { value, attr } => {
                let obj = self.eval(value, scope)?;
                self.cur_span = attr.span;
                self.getattr(&obj, &attr.name)
            }
            ExprKind::Subscript { value, slice } => {
                let obj = self.eval(value, scope)?;
                let k = self.eval(slice, scope)?;
                self.cur_span = e.span;
                self.getitem(&obj, &k)
            }
            ExprKind::Slice { lower, upper, step } => {
                let get = |x: &Option<Box<Expr>>, it: &mut Self| -> R<Value> {
                    match x {
                        Some(x) => it.eval(x, scope),
                        None => Ok(Value::None),
                    }
                };
                let a = get(lower, self)?;
                let b = get(upper, self)?;
                let c = get(step, self)?;
                Ok(Value::Native(Rc::new(super::orm::Native::Slice(a, b, c))))
            }
            ExprKind::Starred(_) => self.raise("SyntaxError", "can't use starred expression here"),
            ExprKind::NamedExpr { target, value } => {
                let v = self.eval(value, scope)?;
                // (Inside a comprehension the name is bound in the scope around it.)
                let mut s = scope.clone();
                while matches!(s.0.owner, super::value::ScopeOwner::Module)
                    && !s.0.is_class
                    && let Some(p) = &s.0.parent
                {
                    s = p.clone();
                }
                self.set_var(&s, &target.name, v.clone());
                Ok(v)
            }
            ExprKind::Await(_) => self.unsupported("`await`"),
            ExprKind::Yield(_) | ExprKind::YieldFrom(_) => self.unsupported("`yield`"),
            ExprKind::Error => self.raise("SyntaxError", "invalid syntax"),
            ExprKind::Call { .. } => self.raise("SystemError", "unreachable call"),
        }
    }

    fn eval_items(&mut self, items: &[Expr], scope: &Scope) -> R<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for a in items {
            if let ExprKind::Starred(inner) = &a.kind {
                let v = self.eval(inner, scope)?;
                out.extend(self.iterate(&v)?);
            } else {
                out.push(self.eval(a, scope)?);
            }
        }
        Ok(out)
    }

    fn comprehension(
        &mut self,
        gens: &[Comprehension],
        i: usize,
        scope: &Scope,
        f: &mut dyn FnMut(&mut Self, &Scope) -> R<()>,
    ) -> R<()> {
        if i == gens.len() {
            return f(self, scope);
        }
        let g = &gens[i];
        let it = self.eval(&g.iter, scope)?;
        for v in self.iterate(&it)? {
            self.tick()?;
            self.assign(&g.target, v, scope)?;
            let mut ok = true;
            for c in &g.ifs {
                let t = self.eval(c, scope)?;
                if !self.truthy(&t)? {
                    ok = false;
                    break;
                }
            }
            if ok {
                self.comprehension(gens, i + 1, scope, f)?;
            }
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &[FStringPart], scope: &Scope) -> R<String> {
        let mut out = String::new();
        for p in parts {
            match p {
                FStringPart::Literal(s) => out.push_str(s),
                FStringPart::Field(fv) => {
                    let v = self.eval(&fv.expr, scope)?;
                    if let Some(d) = &fv.debug_text {
                        out.push_str(d);
                    }
                    let spec = match &fv.format_spec {
                        Some(sp) => self.fstring(sp, scope)?,
                        None => String::new(),
                    };
                    self.cur_span = fv.span;
                    let conv = fv
                        .conversion
                        .or(if fv.debug_text.is_some() && spec.is_empty() {
                            Some('r')
                        } else {
                            None
                        });
                    let s = match conv {
                        Some('r') => {
                            let r = self.repr(&v)?;
                            self.format_value(&Value::str(&r), &spec)?
                        }
                        Some('s') => {
                            let r = self.to_str(&v)?;
                            self.format_value(&Value::str(&r), &spec)?
                        }
                        Some(_) => {
                            let r = self.repr(&v)?;
                            crate::core::py::percent::ascii_escape(&r)
                        }
                        None => self.format_value(&v, &spec)?,
                    };
                    out.push_str(&s);
                }
            }
        }
        Ok(out)
    }

    /// A set from values.
    pub fn make_set(&mut self, vals: Vec<Value>) -> R<Value> {
        self.make_set_sized(vals, 0)
    }

    /// A set of `vals` whose CPython table was presized for `presize` members (see
    /// [`Dict::presize`]).
    pub fn make_set_sized(&mut self, vals: Vec<Value>, presize: usize) -> R<Value> {
        let mut d = Dict::new();
        d.presize = presize;
        let d = std::cell::RefCell::new(d);
        for v in vals {
            let h = self.key_in(&d, &v)?;
            d.borrow_mut().insert(h, v, Value::None);
        }
        Ok(Value::Set(Rc::new(d)))
    }

    /// The key `v` has in dict or set `d`: [`Interp::hash_key`]'s, or, for an object of a
    /// class with its own `__hash__`, the key of an object `d` holds with the same hash
    /// that equals it by the class's `__eq__`, as Python's lookup compares (equal objects
    /// are one key). The candidates are found by scanning `d`'s keys: only dicts and sets
    /// keyed by such objects pay for it.
    pub fn key_in(&mut self, d: &std::cell::RefCell<Dict>, v: &Value) -> R<super::value::HKey> {
        let k = self.hash_key(v)?;
        if !has_user_hash(&k) {
            return Ok(k);
        }
        // (The candidates are copied out first: `__eq__` may read the dict itself.)
        let candidates = same_hash_keys(&d.borrow(), &k);
        self.equal_key(v, k, candidates)
    }

    /// [`Interp::key_in`] for a dict being built (not yet reachable from the script).
    pub fn key_among(&mut self, d: &Dict, v: &Value) -> R<super::value::HKey> {
        let k = self.hash_key(v)?;
        if !has_user_hash(&k) {
            return Ok(k);
        }
        let candidates = same_hash_keys(d, &k);
        self.equal_key(v, k, candidates)
    }

    /// The key of the first of `candidates` equal to `v`, else `own`.
    fn equal_key(
        &mut self,
        v: &Value,
        own: super::value::HKey,
        candidates: Vec<(super::value::HKey, Value)>,
    ) -> R<super::value::HKey> {
        for (key, other) in candidates {
            if self.eq(v, &other)? {
                return Ok(key);
            }
        }
        Ok(own)
    }

    /// The hash key of a value, or TypeError.
    pub fn hash_key(&mut self, v: &Value) -> R<super::value::HKey> {
        if let Some(x) = self.mixin_value(v) {
            return self.hash_key(&x);
        }
        // (A class defining `__eq__` without `__hash__` has `__hash__ = None`, as one
        // setting `__hash__ = None` itself.)
        let unhashable = match v {
            // An object of a class with its own `__hash__`: keyed by that hash and its
            // identity (`key_in` finds an equal object a dict or set already holds).
            Value::Instance(i) if let Some(f @ Value::Func(_)) = own_hash(i) => {
                let m = Value::Method(Rc::new((v.clone(), f)));
                let h = match self.call(&m, vec![], vec![])? {
                    Value::Int(n) => n.to_i64().unwrap_or(0),
                    Value::Bool(b) => b as i64,
                    _ => {
                        return self.raise("TypeError", "__hash__ method should return an integer");
                    }
                };
                return Ok(super::value::HKey::User(h, Rc::as_ptr(i) as usize));
            }
            Value::Instance(i) => matches!(own_hash(i), Some(Value::None)),
            // (A tuple hashes its items: one unhashable item makes it unhashable.)
            Value::Tuple(t) => {
                let mut items = Vec::with_capacity(t.len());
                for x in t.iter() {
                    items.push(self.hash_key(x)?);
                }
                return Ok(super::value::HKey::Tuple(items));
            }
            _ => false,
        };
        if unhashable {
            return self.raise(
                "TypeError",
                format!("unhashable type: '{}'", self.type_name(v)),
            );
        }
        match v.hkey() {
            Some(h) => Ok(h),
            None => self.raise(
                "TypeError",
                format!("unhashable type: '{}'", self.type_name(v)),
            ),
        }
    }

    /// `int` from a Value (for indexes).
    pub fn as_index(&self, v: &Value) -> R<i64> {
        match v {
            Value::Int(Int::Small(i)) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            Value::Int(_) => {
                self.raise("IndexError", "cannot fit 'int' into an index-sized integer")
            }
            _ => self.raise(
                "TypeError",
                format!(
                    "'{}' object cannot be interpreted as an integer",
                    self.type_name(v)
                ),
            ),
        }
    }
}

impl Value {
    /// A list comprehension's list, or a generator expression's generator (its items
    /// computed at once, handed out once).
    pub fn list_or_gen(v: Vec<Value>, gen_: bool) -> Value {
        if gen_ {
            Value::Native(Rc::new(super::orm::Native::Generator(
                std::cell::RefCell::new((v, 0)),
            )))
        } else {
            Value::list(v)
        }
    }
}

/// What a call expression calls: a value, or a method of `Model.query` (the model's name).
enum Callee<'e> {
    Value(Value),
    ModelQuery(Rc<str>, &'e str),
}

/// True for an int, str or `None` literal (or a signed int): a constant CPython's compiler
/// folds, and keys its frozenset constants by itself (`_PyCode_ConstantKey`). (Floats and
/// bools are keyed with their type, whose hash is its address, tuples with their items'
/// keys: those keep the items' order.)
fn is_constant(e: &Expr) -> bool {
    match &e.kind {
        ExprKind::Int(_) | ExprKind::Str(_) | ExprKind::None => true,
        ExprKind::UnaryOp { op, operand } => {
            matches!(
                op,
                crate::core::lang::ast::UnaryOp::USub | crate::core::lang::ast::UnaryOp::UAdd
            ) && matches!(operand.kind, ExprKind::Int(_))
        }
        _ => false,
    }
}

/// The `__hash__` instance `i`'s class has, found along its MRO: `None` (Python's, unhashable)
/// when the first class defining `__eq__` or `__hash__` defines `__eq__` alone (Python
/// sets `__hash__ = None` there), `Some(function)` for a class's own, `None` (Rust's)
/// when no class defines either (`object`'s identity hash).
pub fn own_hash(i: &super::value::Instance) -> Option<Value> {
    class_hash(&i.class)
}

/// [`own_hash`] of class `c`'s instances.
pub fn class_hash(c: &super::value::Class) -> Option<Value> {
    c.mro
        .borrow()
        .iter()
        .find_map(|c| match (c.own("__eq__"), c.own("__hash__")) {
            (_, Some(h)) => Some(h),
            (Some(_), None) => Some(Value::None),
            (None, None) => None,
        })
}

/// Whether key `k` holds a class's own hash (itself, or an item of a tuple).
fn has_user_hash(k: &super::value::HKey) -> bool {
    use super::value::HKey;
    match k {
        HKey::User(..) => true,
        HKey::Tuple(items) => items.iter().any(has_user_hash),
        _ => false,
    }
}

/// Whether keys `a` and `b` are alike but for the identities of objects with their own
/// hash (the same hashes where those are: the keys whose objects may be equal).
fn same_but_identity(a: &super::value::HKey, b: &super::value::HKey) -> bool {
    use super::value::HKey;
    match (a, b) {
        (HKey::User(x, _), HKey::User(y, _)) => x == y,
        // (An object equal to a value of another type with its hash: `W(5) in {5}`.)
        (HKey::User(x, _), other) | (other, HKey::User(x, _)) => {
            super::set_order::python_hash(other) == Some(*x)
        }
        (HKey::Tuple(xs), HKey::Tuple(ys)) => {
            xs.len() == ys.len() && xs.iter().zip(ys).all(|(x, y)| same_but_identity(x, y))
        }
        _ => a == b,
    }
}

/// The other keys of `d` (with their key objects) that may be equal to key `k`: alike but
/// for the identities of objects with their own hash.
fn same_hash_keys(d: &Dict, k: &super::value::HKey) -> Vec<(super::value::HKey, Value)> {
    (d.index.iter())
        .filter(|(key, _)| *key != k && same_but_identity(key, k))
        .filter_map(|(key, &at)| (d.entries.get(at)?.as_ref()).map(|e| (key.clone(), e.0.clone())))
        .collect()
}
