//! The public attribute names of the library objects whose methods are dispatched by
//! name when called (a legacy `Query`, a 2.0 `Select`, a DML statement, a
//! `CursorResult`, a dynamic relationship's `AppenderQuery`, a `TextClause`): looking up
//! any other name raises AttributeError at once, as Python does (so `hasattr()` is
//! False and a misspelt method is reported where it is written). The lists are
//! SQLAlchemy 2.0's and Flask-SQLAlchemy 3.1's `dir()` of each class, without the
//! private names.

/// Names both `Query` and `Select` have.
const QUERY_AND_SELECT: &str = concat!(
    " add_columns allows_lambda as_scalar column_descriptions correlate cte distinct except_ ",
    " except_all execution_options exists filter filter_by from_statement get_children ",
    " get_execution_options get_label_style group_by having intersect intersect_all ",
    " is_delete is_dml is_from_statement is_insert is_select is_text is_update join label ",
    " limit offset options order_by outerjoin params prefix_with scalar_subquery select_from ",
    " selectable set_label_style slice subquery suffix_with supports_execution union ",
    " union_all uses_inspection where whereclause with_for_update with_hint ",
    " with_statement_hint "
);

/// Names only the legacy `Query` (Flask-SQLAlchemy's subclass) has.
const QUERY_ONLY: &str = concat!(
    " add_column add_entity all apply_labels autoflush count delete enable_assertions ",
    " enable_eagerloads first first_or_404 get get_or_404 instances is_single_entity ",
    " lazy_loaded_from load_options merge_result one one_or_404 one_or_none ",
    " only_return_tuples paginate populate_existing reset_joinpoint scalar session statement ",
    " tuples update value values with_entities with_labels with_parent with_session ",
    " with_transformation yield_per "
);

/// Names only the 2.0 `Select` has.
const SELECT_ONLY: &str = concat!(
    " add_cte alias c column columns columns_clause_froms compare compile correlate_except ",
    " corresponding_column description entity_namespace exported_columns fetch froms ",
    " get_final_froms inherit_cache inner_columns is_clause_element is_derived_from ",
    " is_selectable join_from lateral outerjoin_from reduce_columns replace_selectable ",
    " select selected_columns self_group unique_params with_only_columns "
);

/// Names of an `insert()` / `update()` / `delete()` statement.
const DML: &str = concat!(
    " add_cte compile cte entity_description execution_options exported_columns filter ",
    " filter_by get_children get_execution_options inline is_delete is_dml is_insert ",
    " is_select is_update options ordered_values params prefix_with return_defaults ",
    " returning returning_column_descriptions select selectable self_group table values ",
    " where whereclause with_dialect_options with_hint "
);

/// Names of a `CursorResult`.
const RESULT: &str = concat!(
    " all close closed columns connection context cursor dialect fetchall fetchmany fetchone ",
    " first freeze inserted_primary_key inserted_primary_key_rows is_insert keys ",
    " lastrow_has_defaults lastrowid mappings merge one one_or_none partitions ",
    " returned_defaults returned_defaults_rows returns_rows rowcount scalar scalar_one ",
    " scalar_one_or_none scalars splice_horizontally splice_vertically ",
    " supports_sane_multi_rowcount supports_sane_rowcount t tuples unique yield_per "
);

/// Names an `AppenderQuery` (a dynamic relationship) adds to the `Query`'s.
const APPENDER: &str = " add add_all append extend query_class remove session ";

/// Names of a write-only relationship's `WriteOnlyCollection`.
const WRITE_ONLY: &str = " add add_all attr delete insert instance remove select update ";

/// Names of a `text()` construct.
const TEXT: &str = concat!(
    " bindparams columns compare compile execution_options get_children ",
    " get_execution_options is_delete is_dml is_insert is_select is_text is_update key label ",
    " options params self_group subquery text type unique_params "
);

/// True when `name` is one of the space-separated names of `list` (which starts and ends
/// with a space): one string per class rather than a table of slices, smaller in wasm.
fn listed(list: &str, name: &str) -> bool {
    let bytes = list.as_bytes();
    !name.is_empty()
        && list.match_indices(name).any(|(i, _)| {
            bytes.get(i.wrapping_sub(1)) == Some(&b' ') && bytes.get(i + name.len()) == Some(&b' ')
        })
}

/// Whether a legacy `Query` has attribute `name`.
pub(crate) fn query_has(name: &str) -> bool {
    listed(QUERY_AND_SELECT, name) || listed(QUERY_ONLY, name)
}

/// Whether a 2.0 `Select` has attribute `name`.
pub(crate) fn select_has(name: &str) -> bool {
    listed(QUERY_AND_SELECT, name) || listed(SELECT_ONLY, name)
}

/// Whether an `insert()` / `update()` / `delete()` statement has attribute `name`.
pub(crate) fn dml_has(name: &str) -> bool {
    listed(DML, name)
}

/// Whether a `CursorResult` has attribute `name`.
pub(crate) fn result_has(name: &str) -> bool {
    listed(RESULT, name)
}

/// Whether a dynamic relationship's `AppenderQuery` (or, `write_only`, a write-only
/// one's `WriteOnlyCollection`) has attribute `name`.
pub(crate) fn appender_has(name: &str, write_only: bool) -> bool {
    match write_only {
        true => listed(WRITE_ONLY, name),
        false => query_has(name) || listed(APPENDER, name),
    }
}

/// Whether a `text()` construct has attribute `name`.
pub(crate) fn text_has(name: &str) -> bool {
    listed(TEXT, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_listed_whole() {
        assert!(listed(" add all ", "all"));
        assert!(!listed(" add all ", "al"));
        assert!(!listed(" add all ", ""));
        assert!(query_has("filter_by") && query_has("first_or_404") && !query_has("join_from"));
        assert!(select_has("join_from") && !select_has("first"));
        assert!(appender_has("append", false) && !appender_has("filter", true));
        assert!(result_has("scalars") && dml_has("returning") && text_has("bindparams"));
    }
}
