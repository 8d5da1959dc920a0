//! The Flask-SQLAlchemy runtime: `db`, models, session, queries and results as Python objects
//! over [`crate::core::orm`] (schema, query compilation) and [`crate::core::sql`] (rendering).

pub mod attributes;
mod column_default;
mod column_property;
pub mod configure;
pub mod dbapi;
pub mod declare;
pub mod dispatch;
pub mod flask_web;
mod history;
mod hooks;
pub mod identity;
mod indexes;
pub mod insert;
pub mod insert_stmt;
pub mod inspect;
mod inspector;
pub mod model;
pub mod param_repr;
pub mod protocol;
pub mod query;
pub mod relationship;
pub mod result;
pub mod session;
pub mod session_api;
pub mod signatures;
pub mod sqla_names;
pub mod sqlexpr;
mod table_schema;
mod upsert;

use std::cell::RefCell;
use std::rc::Rc;

use crate::core::orm::mapper::Registry;
use crate::core::orm::schema::Column;
use crate::core::sql::{Expr, SqlType, TableRef};

use super::value::{Class, Instance, Value};

/// Library objects visible to scripts.
pub enum Native {
    /// An imported module (`flask`, `sqlalchemy`...).
    Module(Rc<str>),
    /// A named library callable or namespace (`or_`, `select`, `Flask`, `func`...).
    SqlaFn(Rc<str>),
    /// `typing.Annotated[T, extra, ...]`: `T`, then the extras (a reusable
    /// `Mapped[...]` type: `intpk = Annotated[int, mapped_column(primary_key=True)]`).
    Annotated(Rc<[Value]>),
    /// `func.name` (a SQL function constructor).
    FuncRef(Rc<str>),
    /// The Flask app: its config (made at first use) and its `import_name`.
    App(RefCell<Value>, Rc<str>),
    /// `app.app_context()`; `app.test_request_context()` with its request.
    AppContext(Option<Rc<flask_web::RequestData>>),
    /// Flask-Migrate's `Migrate(app, db)`: its `db` (None before `init_app`) and
    /// `directory`.
    Migrate(RefCell<(Value, Rc<str>)>),
    /// `db`.
    Db,
    /// `db.session` (`false`: the `scoped_session`) or the `Session` it stands for (`true`:
    /// `db.session()`, an object's session).
    Session(bool),
    /// `db.metadata`.
    Metadata,
    /// `db.metadata.tables`.
    TablesDict,
    /// A relationship's `CascadeOptions`: the cascade names in effect, sorted.
    Cascade(Rc<[Rc<str>]>),
    /// A column collection of SQL expressions by key (`Select.selected_columns`).
    ColumnList(Rc<[(Rc<str>, Value)]>),
    /// `db.session.identity_map`.
    IdentityMap,
    /// `db.session.new` / `dirty` / `deleted`.
    SessionSet(u8),
    /// `Model.__table__` / `db.Table(...)`.
    Table(Rc<str>),
    /// `Table.columns` / `.c`; some of them (by index): a constraint's `.columns`.
    TableColumns(Rc<str>, Option<Rc<[usize]>>),
    /// `inspect(Model).relationships` / `.column_attrs` / `.attrs`: the model's mapped
    /// attributes of one kind, by key.
    MapperProps(Rc<Class>, PropKind),
    /// The mapped property behind an attribute (`Model.attr.property`, the members of
    /// `inspect(Model).attrs`): `ColumnProperty` or `_RelationshipDeclared`.
    Property(Instrumented),
    /// One `Column` of a table.
    ColumnObj(Rc<str>, usize),
    /// A column's `default` (0), `onupdate` (1) or `server_default` (2) object, and its
    /// class name.
    ColumnDefault(Rc<str>, usize, u8, &'static str),
    /// A type (`type(x)` of a library object).
    TypeObj(Rc<str>),
    /// A slice object.
    Slice(Value, Value, Value),
    /// `bindparam(name, value=..., expanding=...)`: its name, value (if given) and whether
    /// it expands to a list (`IN :names` in `text()`).
    BindParam(Rc<str>, Option<Value>, bool),
    /// A compiled regular expression (`re.compile(...)`).
    RePattern(Rc<crate::core::interp::builtins::re_module::RePattern>),
    /// Flask's request handling objects (`flask_web.rs`).
    Flask(Rc<flask_web::FlaskObj>),
    /// A regular expression match.
    ReMatch(Rc<crate::core::interp::builtins::re_module::ReMatch>),
    /// `iter(x)`: the items and how many were taken.
    Iter(RefCell<(Vec<Value>, usize)>),
    /// `enumerate(x)`.
    Enumerate(RefCell<crate::core::interp::builtins::enumerate::Enumerate>),
    /// A generator expression: its items (computed when it is created) and how many
    /// were taken; like Python's, it is used up by one pass.
    Generator(RefCell<(Vec<Value>, usize)>),
    /// `db.Integer`, `db.String(80)`.
    ColumnType(SqlType),
    /// The execution context a column default callable taking one argument gets: its
    /// `get_current_parameters()` / `current_parameters` (a dict).
    ExecContext(Value),
    /// `db.Column(...)` before it is mapped.
    ColumnSpec(Box<RefCell<ColumnSpec>>),
    /// `text(...).columns(name=Type, ...)` (SQLAlchemy's `TextualSelect`): the `text()`
    /// construct, and the result types of the columns it names.
    TextTyped(Rc<Native>, Rc<[(Rc<str>, SqlType)]>),
    /// `db.ForeignKey(...)`, with the table and column index of the column it is on once
    /// read off a table (`Table.foreign_keys`: its `parent`).
    ForeignKeySpec(
        Box<crate::core::orm::schema::ForeignKey>,
        Option<(Rc<str>, usize)>,
    ),
    /// `db.relationship(...)`.
    RelSpec(RefCell<RelSpec>),
    /// `db.backref(name, **kw)`.
    BackrefSpec(Rc<str>, Vec<(Rc<str>, Value)>),
    /// A mapped attribute on a model class.
    Instrumented(Instrumented),
    /// A SQL expression (column, comparison, function...).
    Sql(SqlObj),
    /// `text('...')`.
    Text(Rc<str>, Vec<(Rc<str>, Value)>),
    /// `stmt.compile(...)`: its SQL, and whether SQLite's dialect compiled it (else the
    /// default one: `StrSQLCompiler`), and its named parameters (`Compiled.params`).
    Compiled(Rc<str>, bool, Rc<[(Rc<str>, Value)]>),
    /// A legacy `Query` or a 2.0 `Select`.
    Query(Box<query::QueryObj>),
    /// A `Result` / `ScalarResult` / mappings result.
    Result(RefCell<result::ResultObj>),
    /// A `Row`.
    Row(result::RowObj),
    /// A named tuple of the standard library (`Decimal.as_tuple()`'s `DecimalTuple`,
    /// `date.isocalendar()`'s `IsoCalendarDate`): its type name, its fields as the keys.
    Named(Rc<str>, result::RowObj),
    /// A `RowMapping`.
    Mapping(result::RowObj),
    /// A Flask-SQLAlchemy `Pagination`.
    Pagination(Box<query::Pagination>),
    /// A `bytes` value (what `str.encode()` gives).
    Bytes(Rc<[u8]>),
    /// The DBAPI (`sqlite3`) connection an engine `connect` listener is given (`false`),
    /// or a cursor of it (`true`).
    Dbapi(bool),
    /// `hashlib.md5(...)` / `hashlib.sha256(...)`: the algorithm and the bytes fed so far.
    Hasher(&'static str, RefCell<Vec<u8>>),
    /// `column_property(expr)` before it is mapped.
    ColumnProperty(SqlObj),
    /// `hybrid_property`: (getter, setter, class-level expression), `None` when not given.
    Hybrid(Rc<[Value; 3]>),
    /// `hybrid_method`: (the method, its class-level expression or `None`).
    HybridMethod(Rc<[Value; 2]>),
    /// `event.listens_for(Model, 'before_insert')`: the decorator, holding class and event.
    Listens(Rc<str>, Rc<str>),
    /// `validates('a', 'b')`: the decorator, holding the attribute keys.
    Validates(Rc<[Rc<str>]>, u8),
    /// `@declared_attr` on a function of a mixin or abstract base: called with each mapped
    /// class that inherits it, its result (a column, a relationship, a table name...)
    /// being that class's attribute.
    DeclaredAttr(Value),
    /// `aliased(Model)`: the class's columns and relationships through an anonymous alias.
    Aliased(Rc<str>, TableRef),
    /// A `lazy='dynamic'` relationship of an instance (`AppenderQuery`), or with `true` a
    /// `lazy='write_only'` one (`WriteOnlyCollection`).
    Dynamic(Rc<Instance>, Rc<str>, bool),
    /// `app.config`.
    Config,
    /// A table-level constraint (`db.UniqueConstraint(...)`), with its table once it is
    /// one of a table's (`Table.constraints`).
    ConstraintSpec(Box<crate::core::orm::schema::Constraint>, Option<Rc<str>>),
    /// `result.keys()` (`RMKeyView`).
    KeyView(Vec<Value>),
    /// A dict's (or with a `RowMapping`, SQLAlchemy's) keys, values or items view
    /// (`dict_view::KEYS`...) of the value it holds.
    DictView(u8, Value),
    /// `db.Index(...)`.
    /// Once it is a table's (`Table.indexes`), with that table's name.
    IndexSpec(Box<crate::core::orm::schema::Index>, Option<Rc<str>>),
    /// A loader option (`joinedload(User.posts)`...): SQLAlchemy's `Load`.
    Loader(query::LoadOpt),
    /// `query.subquery()`: a named SELECT to join to and take columns from.
    Subquery(Rc<SubqueryObj>),
    /// `subquery.c`: its columns by key.
    SubqueryColumns(Rc<SubqueryObj>),
    /// What `inspect()` returns: an instance's state, a mapper, the engine's inspector.
    Inspected(inspect::Inspected),
    /// A column type reflected from the database: its repr (`VARCHAR(length=50)`) and
    /// DDL (`VARCHAR(50)`).
    ReflectedType(Rc<str>, Rc<str>),
    /// `db.engine.connect()` / `db.engine.begin()` (`true`: commits when its `with` block
    /// ends): `Some(true)` while its own transaction is open (its first statement logged
    /// `BEGIN (implicit)`; `commit()` commits the database connection it shares with the
    /// session, `rollback()`, `close()` or leaving the block rolls it back, the session
    /// unaware, as with SQLAlchemy's one pooled connection of `sqlite://`), `None` when
    /// not; `Some(false)`: the connection a mapper event gets, the flush's own.
    Connection(std::cell::Cell<Option<bool>>, bool),
    /// `insert(Model)` / `insert(table)`.
    Insert(Rc<insert_stmt::InsertObj>),
    /// A condition whose negation is not the condition negated (`~expr`, `not_(expr)`
    /// give the second): a many-to-many `contains()`, negated as SQLAlchemy negates it,
    /// `NOT (EXISTS (...))`.
    Negatable(Rc<(SqlObj, Expr)>),
    /// `stmt.excluded` of a SQLite upsert: the columns of the row proposed (a table's name).
    Excluded(Rc<str>),
    /// A `with` block of the session (`no_autoflush`, `begin()`, `begin_nested()`).
    SessionScope(session::scopes::SessionScope),
}

/// `query.subquery()` / `select(...).subquery()`: the statement, its alias (`anon_1`
/// unless named) and its columns' keys and types.
#[derive(Debug)]
pub struct SubqueryObj {
    /// The inner SELECT.
    pub select: crate::core::sql::Select,
    /// Its alias.
    pub alias: crate::core::sql::TableRef,
    /// Column keys (`user_id`, `cnt`, `count` for an unlabeled `func.count()`) with their
    /// SQL types when known.
    pub columns: Vec<(Rc<str>, Option<crate::core::sql::SqlType>)>,
    /// Each column's name in the subquery's SQL (`count_1` for an unlabeled `count()`).
    pub names: Vec<Rc<str>>,
    /// `Some(recursive)`: a CTE (`select(...).cte()`).
    pub cte: Option<bool>,
}

impl SubqueryObj {
    /// The FROM item that selects from it.
    pub fn from_item(&self) -> crate::core::sql::FromItem {
        crate::core::sql::FromItem::Subquery {
            select: Box::new(self.select.clone()),
            alias: self.alias.clone(),
            cte: self.cte,
        }
    }
    /// Its `i`th column (`sub.c.name`).
    pub fn column(&self, i: usize) -> Option<SqlObj> {
        let (k, ty) = self.columns.get(i)?;
        let sql_name = self.names.get(i).unwrap_or(k);
        Some(SqlObj {
            expr: Expr::col_of(&self.alias, sql_name.to_string()),
            ty: ty.clone(),
            key: Some(k.clone()),
            class: None,
        })
    }
}

/// A column declaration collected from a class body.
#[derive(Clone)]
pub struct ColumnSpec {
    /// Schema column (name filled in when mapped).
    pub column: Column,
    /// Python default value or callable.
    pub default: Option<Value>,
    /// Python onupdate value or callable.
    pub onupdate: Option<Value>,
    /// The `server_default=` value (a str or a SQL expression), for `Column.server_default`.
    pub server_default: Option<Value>,
    /// `info=` and `doc=` (`Column.info`, `Column.doc`).
    pub info_doc: [Option<Value>; 2],
    /// Explicit name given as first argument.
    pub explicit_name: bool,
    /// Created by `mapped_column()` (nullability then follows the `Mapped[...]` annotation).
    pub mapped: bool,
    /// `nullable=` was given.
    pub nullable_explicit: bool,
    /// Creation order (for abstract-base ordering).
    pub order: u64,
    /// `deferred(Column(...))` / `mapped_column(deferred=True)`: left out of the class's
    /// loads, loaded when first read.
    pub deferred: bool,
    /// `mapped_column(sort_order=)`: the table's columns are stably sorted by it.
    pub sort_order: i64,
}

/// `@validates(..., include_removes=True)`: called for removals too, with `is_remove`.
pub const VALIDATES_REMOVES: u8 = 1;
/// `@validates(..., include_backrefs=False)`: not called for a backref's changes.
pub const VALIDATES_NO_BACKREFS: u8 = 2;

/// A relationship declaration.
#[derive(Clone, Default)]
pub struct RelSpec {
    /// Target class name.
    pub target: String,
    /// Keyword arguments.
    pub kwargs: Vec<(Rc<str>, Value)>,
}

/// Which of a mapper's properties a [`Native::MapperProps`] collection holds.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum PropKind {
    /// `relationships`.
    Relationships,
    /// `column_attrs`.
    Columns,
    /// `Mapper.columns` of a model whose attribute keys are not its columns' names: the
    /// `Column` objects by attribute key.
    MapperColumns,
    /// `attrs`: the class's own relationships, its columns, then backrefs' relationships
    /// (the order SQLAlchemy's mapper configures them in).
    All,
}

/// A mapped attribute of a model class.
#[derive(Clone)]
pub struct Instrumented {
    /// Model class name.
    pub class: Rc<str>,
    /// Attribute key.
    pub key: Rc<str>,
    /// Column index in the table, or `None` for relationships.
    pub column: Option<usize>,
    /// Reached through `aliased(...)` / `of_type(...)` (`None` for the class's own attribute).
    pub via: Option<Rc<AliasVia>>,
}

/// The aliases an attribute is reached through: `Author.name` (`Author = aliased(User)`)
/// has `parent`; `Post.author.of_type(Author)` has `target`.
#[derive(Clone, Default)]
pub struct AliasVia {
    /// The alias of the attribute's own class.
    pub parent: Option<TableRef>,
    /// A relationship's target alias.
    pub target: Option<TableRef>,
    /// `Parent.rel.and_(...)`: more criteria for the relationship's join.
    pub criteria: Option<crate::core::sql::Expr>,
}

/// A SQL expression value with its type (for result and bind processing).
#[derive(Clone)]
pub struct SqlObj {
    /// The expression.
    pub expr: Expr,
    /// Its SQL type when known.
    pub ty: Option<SqlType>,
    /// Column key when this is a plain mapped column (for row keys).
    pub key: Option<Rc<str>>,
    /// Entity class when it is a mapped column, or a function or label of one (a
    /// single-table subclass's discriminator criterion goes with it into a SELECT).
    pub class: Option<Rc<str>>,
}

/// A relationship collection's owner and relationship key, and the list (weakly).
#[derive(Clone)]
pub struct CollectionEntry {
    /// The instance whose attribute it is.
    pub owner: std::rc::Weak<Instance>,
    /// The relationship's key.
    pub key: Rc<str>,
    /// The list itself (keeps its address from being reused).
    pub list: std::rc::Weak<std::cell::RefCell<Vec<super::value::Value>>>,
}

/// An `append` (`true`) or `remove` on a dynamic many-to-many relationship:
/// (parent, relationship, target, added).
pub type DynamicLink = (Rc<Instance>, Rc<str>, Rc<Instance>, bool);

/// ORM runtime state of the interpreter.
#[derive(Default)]
pub struct OrmState {
    /// Mapped classes and tables.
    pub reg: Registry,
    /// Model classes by name.
    pub classes: super::value::FxMap<String, Rc<Class>>,
    /// Python defaults per (table, column): `default=`, `onupdate=`, `server_default=`.
    pub defaults: super::value::FxMap<(String, String), [Option<Value>; 5]>,
    /// The tables made with `db.Table(..., bind_key=...)`, and that key.
    pub table_binds: Vec<(Rc<str>, Rc<str>)>,
    /// Identity map.
    pub identity: super::value::FxMap<model::IdentityKey, Rc<Instance>>,
    /// Identity insertion order (for iteration).
    pub identity_order: Vec<Rc<Instance>>,
    /// Relationship direction overrides (class, relationship, kind) from `remote_side=` on backrefs.
    pub rel_direction: Vec<(String, String, crate::core::orm::mapper::RelKind)>,
    /// `order_by=lambda: ...` callables naming a class not defined when their relationship
    /// was: (class, relationship, index of their placeholder in its `order_by`, callable),
    /// called again when the mappers are configured.
    pub order_by_calls: Vec<(String, String, usize, Value)>,
    /// `primaryjoin=lambda: ...` / `secondaryjoin=` callables naming a class not defined
    /// when their relationship was: (class, relationship, primary, callable), called
    /// again as the join strings are (each time a class is mapped).
    pub join_calls: Vec<(String, String, bool, Value)>,
    /// Objects whose primary key a flush of this transaction changed, with their key before
    /// (a rollback gives it back, as SQLAlchemy's `_key_switches`).
    pub key_switches: Vec<(Rc<Instance>, identity::Ident)>,
    /// SQLAlchemy's `RelationshipDirection` enum, made when first asked for.
    pub direction_enum: Option<Rc<Class>>,
    /// Persistent instances changed since the last flush.
    pub modified: Vec<Rc<Instance>>,
    /// Addresses of `modified`.
    pub modified_set: super::value::FxSet<usize>,
    /// Pending (added, not flushed).
    pub new: Vec<Rc<Instance>>,
    /// `append`/`remove` on `lazy='dynamic'` many-to-many relationships since the last
    /// flush: (parent, relationship, target, added); their association rows are
    /// written at the next flush.
    pub dynamic_links: Vec<DynamicLink>,
    /// The association rows this flush deleted (their row keys): a row both sides of a
    /// two-way many-to-many take out, as when both its ends are deleted, goes once
    /// (SQLAlchemy's processed pairs).
    pub assoc_deleted: super::value::FxSet<String>,
    /// Objects a backref appended to a persistent parent's collection that was not loaded
    /// (`Issue(project=proj)`), since the last flush: (parent, collection key, object).
    /// The flush copies the parent's key into one left out of the session, as
    /// SQLAlchemy's pending collection history does (and warns that it is not saved).
    pub unloaded_appends: Vec<(Rc<Instance>, Rc<str>, Rc<Instance>)>,
    /// One-to-one references set on an expired object before their old value was loaded:
    /// SQLAlchemy's deferred history, loaded by the next flush (which then leaves the old
    /// object, as setting a loaded reference does at once).
    pub deferred_references: Vec<(Rc<Instance>, Instrumented)>,
    /// `@validates(...)` functions: (class, attribute key, function, [`VALIDATES_REMOVES`]
    /// | [`VALIDATES_NO_BACKREFS`]), called with `(self, key, value)` when the attribute
    /// is set; the result is what is stored.
    pub validators: Vec<(Rc<str>, Rc<str>, Value, u8)>,
    /// Mapper event listeners (`@event.listens_for(Model, 'before_insert')`):
    /// (class, event name, function), called with `(mapper, connection, target)`.
    pub listeners: Vec<(Rc<str>, Rc<str>, Value)>,
    /// The engine has made its connection (its `connect` listeners have run).
    pub engine_connected: bool,
    /// Every `@validates` function made: (attribute key, function, flags); a class
    /// being mapped takes those its MRO holds (its own, its bases' and its mixins').
    pub validator_fns: Vec<(Rc<str>, Value, u8)>,
    /// Marked for deletion.
    pub deleted: Vec<Rc<Instance>>,
    /// Objects inserted in the current transaction.
    pub inserted_in_tx: Vec<Rc<Instance>>,
    /// `session_options={'expire_on_commit': False}`: a commit leaves loaded state alone.
    pub keep_on_commit: bool,
    /// Attributes a script set on the session (`session._changes = {...}`, as the
    /// Mega-Tutorial's search mixin does): whether set on the `Session` (or on the
    /// scoped session, which does not pass them on), the name, the value.
    pub session_attrs: Vec<(bool, Rc<str>, Value)>,
    /// `session_options={'autoflush': False}`: queries do not flush first.
    pub autoflush_off: bool,
    /// Objects whose rows the current transaction deleted (a rollback restores them).
    pub deleted_in_tx: Vec<Rc<Instance>>,
    /// Objects whose deletion a commit with `expire_on_commit=False` ended: they stay
    /// `deleted` (SQLAlchemy detaches them only with the expiry) until the session closes.
    pub deleted_kept: Vec<Rc<Instance>>,
    /// A transaction is open.
    pub in_tx: bool,
    /// The session's transaction began without a statement yet (`add()`, `delete()`):
    /// `in_transaction()` is true, though no BEGIN was sent.
    pub autobegun: bool,
    /// A value SQLite cannot bind becomes a [`SqlValue::Refused`] parameter, refused when
    /// its statement runs (set while an expression's binds are made, see `to_bind`).
    pub defer_refused: bool,
    /// A statement of an engine connection (`db.engine.connect()`) runs: on the
    /// session's database connection (one for `sqlite://`, as SQLAlchemy's pool gives
    /// it), but outside the session's own transaction (no autobegin, no autoflush).
    pub engine_conn: bool,
    /// A flush is running (autoflush is off meanwhile, as SQLAlchemy's `no_autoflush`).
    pub flushing: bool,
    /// The running flush is an autoflush (its warnings say so).
    pub autoflushing: bool,
    /// `session.refresh()` is loading (its SELECT leaves columns unlabeled).
    pub plain_refresh: bool,
    /// Open `begin_nested()` SAVEPOINTs, innermost last.
    pub savepoints: Vec<session::scopes::Savepoint>,
    /// The last SAVEPOINT number in this transaction (`sa_savepoint_N`).
    pub savepoint_seq: u32,
    /// SQLite itself is inside BEGIN (opened lazily before the first DML, like pysqlite).
    pub sqlite_tx: bool,
    /// The last flush failed: rollback required.
    pub failed: Option<String>,
    /// The app.
    pub app: Option<Value>,
    /// Exceptions being handled (for bare `raise`).
    pub handling: Vec<Value>,
    /// (class, self) of running methods (for `super()`).
    pub method_stack: Vec<(Rc<Class>, Value)>,
    /// Column creation counter.
    pub col_counter: u64,
    /// Mapped `db.Column` objects by creation order: (table, column name). A column used
    /// in an expression inside its class body (`primaryjoin=(followers.c.x == id)`) is a
    /// placeholder until then (see [`spec_placeholder`]).
    pub spec_columns: super::value::FxMap<u64, (Rc<str>, Rc<str>)>,
    /// Classes that are model (or abstract model) classes.
    pub model_classes: Vec<Rc<Class>>,
    /// `SQLAlchemy(model_class=Base)`: the class `db.Model` is made from, whose methods,
    /// properties and attributes every model inherits.
    pub model_class: Option<Rc<Class>>,
    /// `SQLAlchemy(query_class=...)`: the class of `Model.query` and `session.query()`.
    pub query_class: Option<Rc<Class>>,
    /// Some class derives from `db.Query`, or `query_class=` was given: `Model.query`'s
    /// shortcuts look for a query class then.
    pub query_classes: bool,
    /// The classes that name `db.Model` among their bases (for `__bases__` / `__mro__`).
    pub model_roots: Vec<std::rc::Weak<Class>>,
    /// Tables created in the database.
    pub created: Vec<String>,
    /// Warnings already shown: (message address, source, line), as Python shows each once per place.
    pub warned: super::value::FxSet<(usize, usize, u32)>,
    /// The last warning's message address, source and span start (the same call in a
    /// loop is known without finding its line).
    pub warned_last: (usize, usize, usize),
    /// `get()`'s rendered SELECT per class (keyed by the class's model info, so a
    /// redefined class compiles anew), as SQLAlchemy caches compiled statements.
    pub get_sql: super::value::FxMap<usize, (Rc<model::ModelInfo>, Rc<str>)>,
    /// How the last model constructor call set its keywords (see `model::InitPlan`).
    pub init_plan: Option<model::InitPlan>,
    /// The mappers were checked since a class was last mapped (`configure::configure_mappers`).
    pub configured: bool,
    /// A `primaryjoin=`/`order_by=` string is being evaluated (a model class's missing
    /// attribute raises SQLAlchemy's "does not have a mapped column").
    pub in_join_string: bool,
    /// The columns `foreign(...)` annotated since a join condition was last taken
    /// (table, column): the foreign side of a primaryjoin without a ForeignKey.
    pub join_foreign: Vec<(String, String)>,
    /// Relationships made by a `backref=` since the mappers were last configured, by class
    /// and name: SQLAlchemy adds them to their class only then (`hasattr(Pet, 'owner')` is
    /// false until a model is first used).
    pub unconfigured_backrefs: Vec<(Rc<str>, Rc<str>)>,
    /// Why they failed to configure (every later use raises it again).
    pub config_error: Option<configure::ConfigError>,
    /// An empty row buffer kept from the last primary-key lookup, for the next one's rows.
    pub flat_spare: Vec<crate::core::sql::SqlValue>,
    /// The last SQL text checked for the renderer's refusal marker (a cached statement,
    /// run again, is not scanned again: the same shared text).
    pub marker_checked: Option<Rc<str>>,
    /// app context depth.
    pub contexts: usize,
    /// `@app.teardown_appcontext` functions, in registration order.
    pub teardown_fns: Vec<Value>,
    /// The `Migrate` object given an app (`Migrate(app, db)`, `migrate.init_app(app)`):
    /// `app.extensions['migrate']`.
    pub migrate: Option<Value>,
    /// An attribute event (`listens_for(Model.attr, 'set')`) is listened to: attribute
    /// sets, the constructor's included, go through `model_set`.
    pub attr_listeners: bool,
    /// The sessions of the enclosing app contexts, innermost last (see
    /// `session/contexts.rs`).
    pub outer_sessions: Vec<session::contexts::SessionFrame>,
    /// The relationship collections (`InstrumentedList`s) by address: each one's owner
    /// (instance, relationship key). Each entry holds a weak reference to its list, so
    /// that no other list can take the address of a dropped one while the entry lasts.
    pub collection_owner: super::value::FxMap<usize, CollectionEntry>,
    /// The number of collections after the last pruning of dropped ones.
    pub collections_pruned: usize,
    /// Per-instance loader strategies set by loader options (`raiseload()`).
    pub eager: relationship::EagerState,
    /// A load with `populate_existing` runs: its rows overwrite the objects already in the
    /// identity map (their pending changes included), not only expired ones.
    pub populate_existing: bool,
    /// The app's views (`@app.route`), in registration order.
    pub routes: Vec<flask_web::Route>,
    /// The app has dispatched a request (a test client's): its setup methods refuse now.
    pub got_first_request: bool,
    /// `@app.errorhandler(...)` functions: by HTTP code (an HTTP exception class counts as
    /// its code), or by exception class (code 0).
    pub error_handlers: Vec<(i64, Option<Rc<super::value::Class>>, Value)>,
    /// The requests a test client is dispatching, innermost last.
    pub requests: Vec<Rc<flask_web::RequestData>>,
    /// Objects let go from the identity map (see `Interp::identity_get`) still listed in
    /// `identity_order`, removed from it in batches.
    pub zombies: usize,
}

impl OrmState {
    /// Records `c` as a declarative class.
    pub fn mark_model_class(&mut self, c: &Rc<Class>) {
        self.configured = false;
        self.config_error = None;
        self.model_classes.push(c.clone());
    }
    /// True when `c` is a declarative class.
    pub fn is_model_class(&self, c: &Rc<Class>) -> bool {
        self.model_classes.iter().any(|m| Rc::ptr_eq(m, c))
    }
}

impl Native {
    /// `type(x).__name__`.
    pub fn type_name(&self) -> &str {
        match self {
            // (`db.engine.url`, SQLAlchemy's URL object, goes by its module-like name.)
            Native::Module(m) if &**m == "engine.url" => "URL",
            Native::Module(m) if &**m == "engine" => "Engine",
            Native::Module(m) if &**m == "engine.dialect" => "SQLiteDialect_pysqlite",
            Native::Module(_) => "module",
            Native::SqlaFn(f) if &**f == "event" => "module",
            Native::SqlaFn(f) if &**f == "db.Model" => "DefaultMeta",
            Native::SqlaFn(f) if &**f == "flask_sqlalchemy.Model" => "type",
            Native::SqlaFn(_) | Native::FuncRef(_) => "function",
            Native::Annotated(_) => "_AnnotatedAlias",
            Native::App(..) => "Flask",
            Native::AppContext(_) => "AppContext",
            Native::Migrate(_) => "Migrate",
            Native::Db => "SQLAlchemy",
            Native::Session(false) => "scoped_session",
            Native::Session(true) => "Session",
            Native::Metadata => "MetaData",
            Native::TablesDict => "FacadeDict",
            Native::Cascade(_) => "CascadeOptions",
            Native::ColumnList(_) => "ReadOnlyColumnCollection",
            Native::IdentityMap => "WeakInstanceDict",
            Native::SessionSet(_) => "IdentitySet",
            Native::Table(_) => "Table",
            Native::TableColumns(..) => "ReadOnlyColumnCollection",
            Native::MapperProps(..) => "ReadOnlyProperties",
            Native::ColumnObj(..) => "Column",
            Native::ColumnDefault(.., class) => class,
            Native::TypeObj(n) => n,
            Native::Slice(..) => "slice",
            Native::ExecContext(_) => "DefaultExecutionContext",
            Native::Iter(_) => "list_iterator",
            Native::Enumerate(_) => "enumerate",
            Native::RePattern(_) => "Pattern",
            Native::Flask(o) => o.type_name(),
            Native::BindParam(..) => "BindParameter",
            Native::ReMatch(_) => "Match",
            Native::Generator(_) => "generator",
            Native::ColumnType(t) => t.class_name(),
            Native::ColumnSpec(_) => "Column",
            Native::ForeignKeySpec(..) => "ForeignKey",
            Native::RelSpec(_) => "_RelationshipDeclared",
            Native::BackrefSpec(..) => "tuple",
            Native::Instrumented(_) => "InstrumentedAttribute",
            Native::Property(a) if a.column.is_some() => "ColumnProperty",
            Native::Property(_) => "_RelationshipDeclared",
            Native::Sql(s) => s.expr.class_name(),
            Native::Text(..) => "TextClause",
            Native::TextTyped(..) => "TextualSelect",
            Native::Compiled(_, true, _) => "SQLiteCompiler",
            Native::Compiled(_, false, _) => "StrSQLCompiler",
            Native::Query(q) => match &q.dml {
                Some(Some(_)) => "Update",
                Some(None) => "Delete",
                None if q.legacy => "Query",
                None if q.q.exists => "Exists",
                None => "Select",
            },
            Native::Result(r) => r.borrow().type_name(),
            Native::Row(_) => "Row",
            Native::Named(name, _) => name,
            Native::Mapping(_) => "RowMapping",
            Native::Pagination(p) if p.select => "SelectPagination",
            Native::Pagination(_) => "QueryPagination",
            Native::Aliased(..) => "AliasedClass",
            Native::Hybrid(_) => "hybrid_property",
            Native::HybridMethod(_) => "hybrid_method",
            Native::ColumnProperty(_) => "ColumnProperty",
            Native::Bytes(_) => "bytes",
            Native::Dbapi(false) => "Connection",
            Native::Dbapi(true) => "Cursor",
            Native::Hasher(..) => "HASH",
            Native::Validates(..) | Native::Listens(..) => "function",
            Native::DeclaredAttr(_) => "declared_attr",
            Native::Dynamic(_, _, false) => "AppenderQuery",
            Native::Dynamic(_, _, true) => "WriteOnlyCollection",
            Native::Config => "Config",
            Native::KeyView(_) => "RMKeyView",
            Native::DictView(k, src) => crate::core::interp::dict_view::view_type_name(*k, src),
            Native::ConstraintSpec(c, _) => c.class_name(),
            Native::IndexSpec(..) => "Index",
            Native::Loader(_) => "Load",
            Native::Subquery(sq) if sq.cte.is_some() => "CTE",
            Native::Subquery(_) => "Subquery",
            Native::SubqueryColumns(_) => "ReadOnlyColumnCollection",
            Native::Inspected(inspect::Inspected::State(_)) => "InstanceState",
            Native::Inspected(inspect::Inspected::Mapper(_)) => "Mapper",
            Native::Inspected(inspect::Inspected::Inspector) => "SQLiteInspector",
            Native::Inspected(inspect::Inspected::Attrs(_)) => "ReadOnlyProperties",
            Native::Inspected(inspect::Inspected::Attr(..)) => "AttributeState",
            Native::Inspected(inspect::Inspected::History(_)) => "History",
            Native::SessionScope(session::scopes::SessionScope::NoAutoflush(_)) => {
                "_GeneratorContextManager"
            }
            Native::SessionScope(session::scopes::SessionScope::Begin) => "SessionTransaction",
            Native::SessionScope(session::scopes::SessionScope::Nested(_)) => "SessionTransaction",
            Native::Insert(_) => "Insert",
            Native::Excluded(_) => "ReadOnlyColumnCollection",
            Native::Negatable(_) => "BinaryExpression",
            Native::Connection(..) => "Connection",
            Native::ReflectedType(r, _) => r.split('(').next().unwrap_or("TypeEngine"),
        }
    }

    /// `module.Name` of a built-in or library type named by `type_name()`
    /// (`builtins.list`, `flask_sqlalchemy.query.Query`), as SQLAlchemy's messages name it.
    pub fn type_path(name: &str) -> String {
        let module = match name {
            "datetime" | "date" | "timedelta" => "datetime",
            "Decimal" => "decimal",
            _ => Self::type_module(name).unwrap_or("builtins"),
        };
        format!("{module}.{name}")
    }

    /// The module of a type named by `type_name()`, as `<class '...'>` prints it.
    pub fn type_module(name: &str) -> Option<&'static str> {
        Some(match name {
            "Flask" => "flask.app",
            "DefaultMeta" => "flask_sqlalchemy.model",
            "AppContext" => "flask.ctx",
            "Migrate" => "flask_migrate",
            "Config" => "flask.config",
            "SQLAlchemy" => "flask_sqlalchemy.extension",
            "Query" => "flask_sqlalchemy.query",
            "QueryPagination" | "SelectPagination" => "flask_sqlalchemy.pagination",
            "scoped_session" => "sqlalchemy.orm.scoping",
            "Session" | "SessionTransaction" => "sqlalchemy.orm.session",
            "MetaData" | "Table" | "Column" | "ForeignKey" | "Index" | "Constraint" => {
                "sqlalchemy.sql.schema"
            }
            "FacadeDict" => "sqlalchemy.util._collections",
            "WeakInstanceDict" => "sqlalchemy.orm.identity",
            "IdentitySet" => "sqlalchemy.cyextension.collections",
            "ReadOnlyColumnCollection" => "sqlalchemy.sql.base",
            "DefaultExecutionContext" => "sqlalchemy.engine.default",
            "TypeEngine" => "sqlalchemy.sql.type_api",
            "InstrumentedAttribute" => "sqlalchemy.orm.attributes",
            "BinaryExpression" | "TextClause" | "BindParameter" | "BooleanClauseList"
            | "ClauseList" | "Tuple" | "UnaryExpression" | "Label" | "Grouping" | "Case"
            | "Over" | "FunctionFilter" | "Cast" | "ColumnClause" | "True_" | "False_" | "Null" => {
                "sqlalchemy.sql.elements"
            }
            "ScalarSelect" | "Exists" => "sqlalchemy.sql.selectable",
            "Function" | "count" | "sum" | "max" | "min" | "coalesce" | "concat" | "now"
            | "char_length" | "random" | "rank" | "dense_rank" | "current_date"
            | "current_time" | "current_timestamp" => "sqlalchemy.sql.functions",
            "SQLiteCompiler" | "SQLiteInspector" => "sqlalchemy.dialects.sqlite.base",
            "StrSQLCompiler" => "sqlalchemy.sql.compiler",
            "Select" | "Subquery" => "sqlalchemy.sql.selectable",
            "Insert" | "Update" | "Delete" => "sqlalchemy.sql.dml",
            "Row" | "RowMapping" | "ROMappingItemsView" | "ROMappingKeysValuesView" => {
                "sqlalchemy.engine.row"
            }
            "CursorResult" => "sqlalchemy.engine.cursor",
            "ChunkedIteratorResult" | "ScalarResult" | "MappingResult" | "RMKeyView" => {
                "sqlalchemy.engine.result"
            }
            "Connection" => "sqlalchemy.engine.base",
            "AliasedClass" => "sqlalchemy.orm.util",
            "hybrid_property" => "sqlalchemy.ext.hybrid",
            "AppenderQuery" => "sqlalchemy.orm.dynamic",
            "WriteOnlyCollection" => "sqlalchemy.orm.writeonly",
            "InstrumentedList" => "sqlalchemy.orm.collections",
            "Load" => "sqlalchemy.orm.strategy_options",
            "InstanceState" => "sqlalchemy.orm.state",
            "Mapper" => "sqlalchemy.orm.mapper",
            "Integer" | "String" | "Text" | "Boolean" | "DateTime" | "Date" | "Time" | "Float"
            | "Numeric" | "JSON" | "BigInteger" | "SmallInteger" | "LargeBinary" | "Enum"
            | "Interval" | "Unicode" | "UnicodeText" | "Double" | "Uuid" => {
                "sqlalchemy.sql.sqltypes"
            }
            _ => return None,
        })
    }

    /// True for instrumented model attributes.
    pub fn is_instrumented(&self) -> bool {
        matches!(self, Native::Instrumented(_))
    }

    /// `db.Model`.
    pub fn is_model_base(&self) -> bool {
        matches!(self, Native::SqlaFn(n) if &**n == "db.Model")
    }

    /// `DeclarativeBase` (imported, or `db.DeclarativeBase` through Flask-SQLAlchemy's
    /// `__getattr__`).
    pub fn is_declarative_base(&self) -> bool {
        matches!(self, Native::SqlaFn(n) if matches!(&**n, "DeclarativeBase" | "db.DeclarativeBase"))
    }

    /// A hash key for SQL-expression-ish values (none: identity).
    pub fn as_sql_expr_key(&self) -> Option<String> {
        match self {
            Native::TypeObj(n) => Some(format!("type:{n}")),
            Native::Instrumented(i) => Some(format!("attr:{}.{}", i.class, i.key)),
            _ => None,
        }
    }
}

/// The stand-in table name of a `db.Column` not mapped yet (creation order `order`).
const SPEC_PREFIX: &str = "\u{1}column#";

/// A column expression for the `db.Column` created `order`-th, before its class is
/// mapped: resolved by [`OrmState::resolve_specs`].
pub fn spec_placeholder(order: u64) -> crate::core::sql::Expr {
    crate::core::sql::Expr::col(format!("{SPEC_PREFIX}{order}"), "")
}

impl OrmState {
    /// `e` with placeholders of mapped `db.Column` objects replaced by their columns,
    /// inside nested SELECTs too (a `column_property`'s correlated scalar subquery names
    /// its class's own columns before the class is mapped).
    pub fn resolve_specs(&self, e: &crate::core::sql::Expr) -> crate::core::sql::Expr {
        use crate::core::sql::{Expr, TableRef};
        e.transform(&|x| match x {
            Expr::Column {
                table: Some(TableRef::Named(t)),
                ..
            } => {
                let order: u64 = t.strip_prefix(SPEC_PREFIX)?.parse().ok()?;
                let (table, name) = self.spec_columns.get(&order)?;
                Some(Expr::col(table.to_string(), name.to_string()))
            }
            Expr::Select(s) => {
                let all = |v: &[Expr]| v.iter().map(|e| self.resolve_specs(e)).collect();
                let mut s = (**s).clone();
                s.columns = all(&s.columns);
                s.where_ = all(&s.where_);
                s.group_by = all(&s.group_by);
                s.having = all(&s.having);
                s.order_by = all(&s.order_by);
                // (A placeholder's stand-in table in FROM becomes its column's table, which
                // the enclosing statement then correlates.)
                for f in s.from.iter_mut() {
                    if let crate::core::sql::FromItem::Table(t) = f
                        && let Some(order) = t.strip_prefix(SPEC_PREFIX)
                        && let Ok(order) = order.parse::<u64>()
                        && let Some((table, _)) = self.spec_columns.get(&order)
                    {
                        *t = table.to_string();
                    }
                }
                let mut seen = Vec::new();
                s.from.retain(|f| match f {
                    crate::core::sql::FromItem::Table(t) if seen.contains(t) => false,
                    crate::core::sql::FromItem::Table(t) => {
                        seen.push(t.clone());
                        true
                    }
                    _ => true,
                });
                Some(Expr::Select(Box::new(s)))
            }
            _ => None,
        })
    }
}

#[cfg(test)]
mod size_tests {
    /// Every native value is an `Rc<Native>` of the enum's full size: a `Row` or a column
    /// object must not cost what the largest variant does (a query, a pagination, a column
    /// spec: boxed). It was 544 bytes, which made 100,000 result rows take 124 MB.
    #[test]
    fn native_values_stay_small() {
        let size = std::mem::size_of::<super::Native>();
        assert!(
            size <= 160,
            "Native is {size} bytes: box the variant that grew"
        );
    }
}
