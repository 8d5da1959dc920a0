//! The Python signatures of the legacy `Query`'s, `db.session`'s (`scoped_session`) and
//! `db`'s (`SQLAlchemy`) methods, as SQLAlchemy 2.0 and Flask-SQLAlchemy 3.1 declare them,
//! for [`Sig`]'s argument checks. A method not listed here is not checked.

use super::super::native_sig::Sig;

/// A legacy `Query` method's signature.
pub fn query_sig(name: &str) -> Option<Sig> {
    const NONE: &[&str] = &[];
    Some(match name {
        "all" | "first" | "one" | "one_or_none" | "count" | "scalar" | "exists"
        | "populate_existing" | "reset_joinpoint" | "as_scalar" | "scalar_subquery" => {
            Sig::fixed(NONE, 0)
        }
        "get" => Sig::fixed(&["ident"], 1),
        "get_or_404" => Sig::fixed(&["ident", "description"], 1),
        "first_or_404" | "one_or_404" => Sig::fixed(&["description"], 0),
        "paginate" => Sig::with_kwonly(
            NONE,
            0,
            &["page", "per_page", "max_per_page", "error_out", "count"],
        ),
        "limit" => Sig::fixed(&["limit"], 1),
        "offset" => Sig::fixed(&["offset"], 1),
        "slice" => Sig::fixed(&["start", "stop"], 2),
        "join" => Sig::with_kwonly(&["target", "onclause"], 1, &["isouter", "full"]),
        "outerjoin" => Sig::with_kwonly(&["target", "onclause"], 1, &["full"]),
        "update" => Sig::fixed(&["values", "synchronize_session", "update_args"], 1),
        "delete" => Sig::fixed(&["synchronize_session", "delete_args"], 0),
        "value" => Sig::fixed(&["column"], 1),
        "filter_by" | "execution_options" => Sig::with_kwargs(NONE, 0),
        "add_entity" => Sig::fixed(&["entity", "alias"], 1),
        "subquery" => Sig::fixed(&["name", "with_labels", "reduce_columns"], 0),
        "cte" => Sig::fixed(&["name", "recursive", "nesting"], 0),
        "label" => Sig::fixed(&["name"], 1),
        "from_statement" => Sig::fixed(&["statement"], 1),
        "with_parent" => Sig::fixed(&["instance", "property", "from_entity"], 1),
        "yield_per" => Sig::fixed(&["count"], 1),
        "enable_eagerloads" => Sig::fixed(&["value"], 1),
        "autoflush" => Sig::fixed(&["setting"], 1),
        _ => return None,
    })
}

/// A `db.session` (`scoped_session`) method's signature.
pub fn session_sig(name: &str) -> Option<Sig> {
    const NONE: &[&str] = &[];
    const EXEC: &[&str] = &["execution_options", "bind_arguments"];
    const GET: &[&str] = &[
        "options",
        "populate_existing",
        "with_for_update",
        "identity_token",
        "execution_options",
        "bind_arguments",
    ];
    Some(match name {
        "add" => Sig::fixed(&["instance", "_warn"], 1),
        "add_all" => Sig::fixed(&["instances"], 1),
        "delete" | "expunge" => Sig::fixed(&["instance"], 1),
        "commit" | "rollback" | "close" | "remove" | "expire_all" | "expunge_all"
        | "begin_nested" => Sig::fixed(NONE, 0),
        "flush" => Sig::fixed(&["objects"], 0),
        "expire" => Sig::fixed(&["instance", "attribute_names"], 1),
        "refresh" => Sig::fixed(&["instance", "attribute_names", "with_for_update"], 1),
        "merge" => Sig::with_kwonly(&["instance"], 1, &["load", "options"]),
        "get" | "get_one" => Sig::with_kwonly(&["entity", "ident"], 2, GET),
        "scalars" | "scalar" => Sig::with_kwargs(&["statement", "params"], 1),
        "execute" => Sig::with_kwonly(&["statement", "params"], 1, EXEC),
        "begin" => Sig::fixed(&["nested"], 0),
        "is_modified" => Sig::fixed(&["instance", "include_collections"], 1),
        _ => return None,
    })
}

/// A `db` (`SQLAlchemy`) method's signature.
pub fn db_sig(name: &str) -> Option<Sig> {
    Some(match name {
        "get_or_404" => Sig {
            params: &["entity", "ident"],
            required: 2,
            varargs: false,
            kwonly: None,
        },
        "first_or_404" | "one_or_404" => Sig::with_kwonly(&["statement"], 1, &["description"]),
        "paginate" => Sig::with_kwonly(
            &["select"],
            1,
            &["page", "per_page", "max_per_page", "error_out", "count"],
        ),
        "create_all" | "drop_all" | "reflect" => Sig::fixed(&["bind_key"], 0),
        _ => return None,
    })
}
