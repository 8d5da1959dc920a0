//! Runtime values of the interpreter: Python objects as a Rust enum.

use std::cell::RefCell;
use std::rc::Rc;

use crate::core::lang::ast::{Expr, Parameters, Stmt};
use crate::core::py::Int;
use crate::core::py::datetime::{Date, DateTime};
use crate::core::py::decimal::Decimal;
use crate::core::py::timedelta::TimeDelta;

use super::orm::Native;

/// A Python value.
#[derive(Clone)]
pub enum Value {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// `int`.
    Int(Int),
    /// `float`.
    Float(f64),
    /// `str`.
    Str(Rc<str>),
    /// `list`.
    List(Rc<RefCell<Vec<Value>>>),
    /// `tuple`.
    Tuple(Rc<Vec<Value>>),
    /// `dict`.
    Dict(Rc<RefCell<Dict>>),
    /// `set` (insertion ordered; keys map to `None`).
    Set(Rc<RefCell<Dict>>),
    /// `decimal.Decimal`.
    Decimal(Rc<Decimal>),
    /// `datetime.date`.
    Date(Date),
    /// `datetime.datetime` (shared, as `timedelta`: a value stays three words).
    DateTime(Rc<DateTime>),
    /// `datetime.timedelta`.
    TimeDelta(Rc<TimeDelta>),
    /// `datetime.time`.
    Time(crate::core::py::time_of_day::Time),
    /// A user function or lambda.
    Func(Rc<Function>),
    /// A builtin function by name (`len`, `print`, `datetime.utcnow`...).
    Builtin(Rc<str>),
    /// A method of a builtin value, bound to its receiver.
    BuiltinMethod(Rc<(Value, Rc<str>)>),
    /// A user method bound to an instance (or a class for classmethods).
    Method(Rc<(Value, Value)>),
    /// A class (user, model or exception).
    Class(Rc<Class>),
    /// An instance of a user class.
    Instance(Rc<Instance>),
    /// `property(fget)`.
    Property(Rc<Value>),
    /// `classmethod(f)`.
    ClassMethod(Rc<Value>),
    /// `staticmethod(f)`.
    StaticMethod(Rc<Value>),
    /// `super()` bound to a class and an object.
    Super(Rc<(Rc<Class>, Value)>),
    /// ORM and library objects.
    Native(Rc<Native>),
}

pub use crate::core::fxhash::{FxHasher, FxMap, FxSet};

/// A hashable key view of a value.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum HKey {
    /// None.
    None,
    /// Ints, bools and integral floats.
    Int(Int),
    /// Non-integral floats (bits).
    Float(u64),
    /// Strings.
    Str(Rc<str>),
    /// Tuples.
    Tuple(Vec<HKey>),
    /// Objects by identity.
    Ptr(usize),
    /// An object of a class with its own `__hash__`: that hash, and the object's identity
    /// (see `Interp::key_in`, which finds an equal object's key).
    User(i64, usize),
    /// Dates and others by their repr.
    Repr(String),
}

/// An insertion-ordered dict.
#[derive(Clone, Default)]
pub struct Dict {
    /// Entries (`None` = deleted).
    pub entries: Vec<Option<(Value, Value)>>,
    /// Key → index into entries.
    pub index: FxMap<HKey, usize>,
    /// For a set made by merging others (a union, a constant display): the size
    /// CPython's `set_merge` presized its table for (`set_order.rs` starts its model
    /// of the table there); 0 for one grown an add at a time.
    pub presize: usize,
}

impl Dict {
    /// Empty dict.
    pub fn new() -> Self {
        Dict::default()
    }
    /// Number of live entries.
    pub fn len(&self) -> usize {
        self.index.len()
    }
    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }
    /// Lookup.
    pub fn get(&self, k: &HKey) -> Option<&Value> {
        self.index
            .get(k)
            .and_then(|&i| self.entries[i].as_ref().map(|e| &e.1))
    }
    /// Insert or replace (keeps position).
    pub fn insert(&mut self, hk: HKey, k: Value, v: Value) {
        if let Some(&i) = self.index.get(&hk) {
            if let Some(e) = self.entries[i].as_mut() {
                e.1 = v;
            }
        } else {
            self.index.insert(hk, self.entries.len());
            self.entries.push(Some((k, v)));
        }
    }
    /// Remove.
    pub fn remove(&mut self, hk: &HKey) -> Option<(Value, Value)> {
        let i = self.index.remove(hk)?;
        self.entries[i].take()
    }
    /// Live entries in order.
    pub fn iter(&self) -> impl Iterator<Item = &(Value, Value)> {
        self.entries.iter().flatten()
    }
    /// Keys in order.
    pub fn keys(&self) -> Vec<Value> {
        self.iter().map(|e| e.0.clone()).collect()
    }
}

/// A user-defined function.
pub struct Function {
    /// `__name__`.
    pub name: Rc<str>,
    /// `__qualname__` as defined (`Class.method`, `outer.<locals>.inner`).
    pub qualified: Rc<str>,
    /// Parameters.
    pub params: Rc<Parameters>,
    /// Default values for `params.args` (aligned to the end) — evaluated at definition.
    pub defaults: Vec<Value>,
    /// Keyword-only defaults by name.
    pub kw_defaults: Vec<(String, Value)>,
    /// Body statements (`Lambda` bodies are a single expression).
    pub body: FuncBody,
    /// The enclosing scope.
    pub closure: Option<Scope>,
    /// Which source the function comes from.
    pub source: usize,
    /// The class whose body defined it (for zero-argument `super()`).
    pub owner: RefCell<Option<std::rc::Weak<Class>>>,
    /// Attributes set on it (`wrapper.calls = 0`, `wrapper.__name__ = f.__name__`, and
    /// what `functools.wraps` copies), in the order set.
    pub attrs: RefCell<Vec<(Rc<str>, Value)>>,
    /// The names its body binds, sorted (found when first asked: see
    /// [`Function::is_local`]).
    pub locals: std::cell::OnceCell<Box<[String]>>,
}

impl Function {
    /// True when `name` is local to the function (bound somewhere in its body, not
    /// declared `global`/`nonlocal`): reading it unbound is an `UnboundLocalError`.
    pub fn is_local(&self, name: &str) -> bool {
        let locals = self.locals.get_or_init(|| match &self.body {
            FuncBody::Block(body) => {
                crate::core::lang::locals::local_names(body).into_boxed_slice()
            }
            FuncBody::Expr(_) => Box::default(),
        });
        locals.binary_search_by(|n| n.as_str().cmp(name)).is_ok()
    }

    /// An attribute set on the function.
    pub fn attr(&self, name: &str) -> Option<Value> {
        let attrs = self.attrs.borrow();
        attrs
            .iter()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| v.clone())
    }

    /// Sets an attribute on the function.
    pub fn set_attr(&self, name: &str, v: Value) {
        let mut attrs = self.attrs.borrow_mut();
        match attrs.iter_mut().find(|(k, _)| &**k == name) {
            Some(slot) => slot.1 = v,
            None => attrs.push((Rc::from(name), v)),
        }
    }

    /// Its `__qualname__` (what `repr()` and argument errors show): set, or as defined
    /// (a model's `__init__` is SQLAlchemy's wrapper: `__init__`).
    pub fn qualname(&self) -> Rc<str> {
        match self.attr("__qualname__") {
            Some(Value::Str(s)) => s,
            _ if &*self.name == "__init__"
                && (self.owner.borrow().as_ref())
                    .and_then(|w| w.upgrade())
                    .is_some_and(|c| c.model_info().is_some()) =>
            {
                self.name.clone()
            }
            _ => self.qualified.clone(),
        }
    }
}

/// What a function runs.
pub enum FuncBody {
    /// A `def` block.
    Block(Rc<Vec<Stmt>>),
    /// A lambda expression.
    Expr(Rc<Expr>),
}

/// A variable scope (function locals), chained to its parent for closures.
#[derive(Clone)]
pub struct Scope(pub Rc<ScopeData>);

/// The data of a [`Scope`].
pub struct ScopeData {
    /// Local variables.
    pub vars: RefCell<super::var_map::VarMap>,
    /// Names declared `global`.
    pub globals: RefCell<Vec<Rc<str>>>,
    /// Names declared `nonlocal`: assignments rebind them in the enclosing function.
    pub nonlocals: RefCell<Vec<Rc<str>>>,
    /// The enclosing function scope.
    pub parent: Option<Scope>,
    /// True for a class body (not visible from methods).
    pub is_class: bool,
    /// Definition order of names (class bodies).
    pub order: RefCell<Vec<Rc<str>>>,
    /// The names annotated in a class body, in order, and whether each annotation came
    /// without a value (`x: Mapped[int]`): `__annotations__` against `vars()`.
    pub annotated: RefCell<Vec<(Rc<str>, bool)>>,
    /// Whose body the scope is: what the `__qualname__` of a `def` in it starts with.
    pub owner: ScopeOwner,
}

/// Whose body a scope is (see [`ScopeData::owner`]).
#[derive(Default)]
pub enum ScopeOwner {
    /// The module, or a comprehension.
    #[default]
    Module,
    /// A call of this function: its `def`s are `f.<locals>.name`.
    Func(Rc<Function>),
    /// A class body, by the class's qualified name: its `def`s are `Class.name`.
    Class(Rc<str>),
}

impl ScopeOwner {
    /// The `__qualname__` of something named `name` defined in the scope.
    pub fn qualify(&self, name: &str) -> Rc<str> {
        match self {
            ScopeOwner::Module => Rc::from(name),
            ScopeOwner::Func(f) => Rc::from(format!("{}.<locals>.{name}", f.qualname()).as_str()),
            ScopeOwner::Class(c) => Rc::from(format!("{c}.{name}").as_str()),
        }
    }
}

impl Scope {
    /// A new scope.
    pub fn new(parent: Option<Scope>) -> Self {
        Self::owned(parent, false, ScopeOwner::Module)
    }
    /// The scope of a call of `f`.
    pub fn for_call(f: &Rc<Function>) -> Self {
        Self::owned(f.closure.clone(), false, ScopeOwner::Func(f.clone()))
    }
    /// The scope of the body of the class whose `__qualname__` is `qualname`.
    pub fn class_body(parent: Option<Scope>, qualname: Rc<str>) -> Self {
        Self::owned(parent, true, ScopeOwner::Class(qualname))
    }
    fn owned(parent: Option<Scope>, is_class: bool, owner: ScopeOwner) -> Self {
        Scope(Rc::new(ScopeData {
            vars: RefCell::new(Default::default()),
            globals: RefCell::new(Vec::new()),
            nonlocals: RefCell::new(Vec::new()),
            parent,
            is_class,
            order: RefCell::new(Vec::new()),
            annotated: RefCell::new(Vec::new()),
            owner,
        }))
    }
}

/// A class.
pub struct Class {
    /// `__name__`.
    pub name: Rc<str>,
    /// Base classes.
    pub bases: Vec<Rc<Class>>,
    /// Method resolution order (self first).
    pub mro: RefCell<Vec<Rc<Class>>>,
    /// Class attributes in definition order.
    pub dict: RefCell<Vec<(Rc<str>, Value)>>,
    /// For `db.Model` subclasses: the mapping.
    pub model: RefCell<Option<Rc<super::orm::model::ModelInfo>>>,
    /// Builtin exception marker (name used for matching builtins).
    pub is_exception: bool,
    /// [`class_epoch`] + 1 when this class was last found to construct objects without
    /// a Python `__init__` (a plain model class: the common case, not looked up per
    /// object); 0 when unknown.
    pub plain_init: std::cell::Cell<u64>,
    /// [`class_epoch`] + 1 when no class along the MRO was last found to define `query`
    /// (so `Model.query` is Flask-SQLAlchemy's); 0 when unknown.
    pub no_query_attr: std::cell::Cell<u64>,
}

thread_local! {
    /// Bumped whenever a class attribute is set after the class was made: what was
    /// found by looking attributes up along an MRO may have changed.
    static CLASS_EPOCH: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// The current class epoch (see `CLASS_EPOCH`): caches of class lookups are valid while it
/// stays the same.
pub fn class_epoch() -> u64 {
    CLASS_EPOCH.with(std::cell::Cell::get)
}

impl Class {
    /// Look an attribute up along the MRO.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        if let Some(v) = self.own(name) {
            return Some(v);
        }
        for c in self.mro.borrow().iter().skip(1) {
            if let Some(v) = c.own(name) {
                return Some(v);
            }
        }
        None
    }
    /// Own attribute.
    pub fn own(&self, name: &str) -> Option<Value> {
        self.dict
            .borrow()
            .iter()
            .rev()
            .find(|(k, _)| &**k == name)
            .map(|(_, v)| v.clone())
    }
    /// Set an own attribute.
    pub fn set(&self, name: &str, v: Value) {
        CLASS_EPOCH.with(|e| e.set(e.get() + 1));
        let mut d = self.dict.borrow_mut();
        if let Some(e) = d.iter_mut().find(|(k, _)| &**k == name) {
            e.1 = v;
        } else {
            d.push((name.into(), v));
        }
    }
    /// True when `self` is `other` or derives from it.
    pub fn is_subclass(&self, other: &Class) -> bool {
        std::ptr::eq(self, other) || self.mro.borrow().iter().any(|c| std::ptr::eq(&**c, other))
    }
    /// The model info of this class or its nearest mapped base.
    pub fn model_info(&self) -> Option<Rc<super::orm::model::ModelInfo>> {
        self.model.borrow().clone()
    }
}

/// An instance of a user class.
pub struct Instance {
    /// Its class.
    pub class: Rc<Class>,
    /// Instance attributes, in the order they were set.
    pub dict: RefCell<super::var_map::VarMap>,
    /// ORM state for model instances.
    pub orm: RefCell<Option<super::orm::model::InstState>>,
}

impl Value {
    /// A str value.
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }
    /// A `datetime` value.
    pub fn datetime(d: DateTime) -> Value {
        Value::DateTime(Rc::new(d))
    }
    /// A `timedelta` value.
    pub fn timedelta(t: TimeDelta) -> Value {
        Value::TimeDelta(Rc::new(t))
    }
    /// An int value.
    pub fn int(i: i64) -> Value {
        Value::Int(Int::Small(i))
    }
    /// A new list.
    pub fn list(v: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(v)))
    }
    /// A new tuple.
    pub fn tuple(v: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(v))
    }
    /// A new dict from pairs of string keys.
    pub fn dict_of(pairs: Vec<(Value, Value)>) -> Value {
        let mut d = Dict::new();
        for (k, v) in pairs {
            if let Some(h) = k.hkey() {
                d.insert(h, k, v);
            }
        }
        Value::Dict(Rc::new(RefCell::new(d)))
    }
    /// Identity pointer for `is` and hashing.
    pub fn ptr(&self) -> Option<usize> {
        Some(match self {
            Value::List(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Dict(r) | Value::Set(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Func(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Class(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Instance(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Native(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Tuple(r) => Rc::as_ptr(r) as *const u8 as usize,
            _ => return None,
        })
    }
    /// The hash key, or `None` when unhashable.
    pub fn hkey(&self) -> Option<HKey> {
        Some(match self {
            Value::None => HKey::None,
            Value::Bool(b) => HKey::Int(Int::Small(*b as i64)),
            Value::Int(i) => HKey::Int(i.clone()),
            Value::Float(f) => {
                if f.fract() == 0.0 && f.abs() < 9.0e18 {
                    HKey::Int(Int::Small(*f as i64))
                } else {
                    HKey::Float(f.to_bits())
                }
            }
            Value::Str(s) => HKey::Str(s.clone()),
            Value::Tuple(t) => HKey::Tuple(t.iter().map(|v| v.hkey()).collect::<Option<_>>()?),
            Value::List(_) | Value::Dict(_) | Value::Set(_) => return None,
            Value::Date(d) => HKey::Repr(d.repr()),
            Value::DateTime(d) => HKey::Repr(d.repr()),
            Value::TimeDelta(d) => HKey::Repr(format!("timedelta:{}", d.total_micros())),
            Value::Time(t) => HKey::Repr(t.repr()),
            Value::Decimal(d) => decimal_hkey(d),
            Value::Builtin(n) => HKey::Repr(format!("builtin:{n}")),
            // A `Row` hashes as its tuple.
            Value::Native(n)
                if let super::orm::Native::Row(r) | super::orm::Native::Named(_, r) = &**n =>
            {
                HKey::Tuple(r.values.iter().map(|v| v.hkey()).collect::<Option<_>>()?)
            }
            Value::Native(n) => match n.as_sql_expr_key() {
                Some(k) => HKey::Repr(k),
                None => HKey::Ptr(self.ptr().unwrap_or(0)),
            },
            other => HKey::Ptr(other.ptr().unwrap_or(0)),
        })
    }
}

/// A Decimal's hash key: an int's or a float's when it equals one (Python's
/// `Decimal('1.0') == Decimal('1.00') == 1` and `Decimal('0.5') == 0.5` are the same set
/// member and dict key), else its normalized text.
fn decimal_hkey(d: &crate::core::py::decimal::Decimal) -> HKey {
    let Ok(n) = d.normalize() else {
        return HKey::Repr(d.to_str());
    };
    if n.is_nan() {
        return HKey::Repr(n.to_str());
    }
    if !n.is_infinite() && n.exponent() >= 0 {
        // (An integer of a reasonable size: a huge one is compared by its text.)
        if n.exponent() <= 1000
            && let Ok(i) = n.to_int()
        {
            return HKey::Int(i);
        }
    } else {
        let f = n.to_f64();
        if n.compare_f64(f) == Some(std::cmp::Ordering::Equal) {
            return HKey::Float(f.to_bits());
        }
    }
    HKey::Repr(n.to_str())
}
