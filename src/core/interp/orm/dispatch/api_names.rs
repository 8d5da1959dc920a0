//! The public attribute names of the library objects whose methods are dispatched by
//! name when called (a legacy `Query`, a 2.0 `Select`, a DML statement, a
//! `CursorResult`, a dynamic relationship's `AppenderQuery`, a `TextClause`): looking up
//! any other name raises AttributeError at once, as Python does (so `hasattr()` is
//! False and a misspelt method is reported where it is written). The lists are
//! SQLAlchemy 2.0's and Flask-SQLAlchemy 3.1's `dir()` of each class, without the
//! private names.

/// Space-separated names in byte order (a test checks it), with where each one starts:
/// one string per class rather than a table of slices, smaller in wasm, and searched by
/// bisection (a method is looked up on every call: a scan of the text cost `Query.get`
/// ~2,000–4,800 instructions a call).
struct Names {
    /// The names, each followed by a space.
    text: &'static str,
    /// The offset of each name in `text`.
    starts: &'static [u16],
}

/// A [`Names`] of a constant text, its offsets computed at compile time.
macro_rules! names {
    ($text:expr) => {{
        const TEXT: &str = $text;
        const STARTS: [u16; word_count(TEXT)] = word_starts(TEXT);
        Names {
            text: TEXT,
            starts: &STARTS,
        }
    }};
}

/// The number of space-separated words of `text`.
const fn word_count(text: &str) -> usize {
    let (b, mut i, mut n) = (text.as_bytes(), 0, 0);
    while i < b.len() {
        if b[i] != b' ' && (i == 0 || b[i - 1] == b' ') {
            n += 1;
        }
        i += 1;
    }
    n
}

/// Where each of the `N` words of `text` starts.
const fn word_starts<const N: usize>(text: &str) -> [u16; N] {
    let (b, mut i, mut n) = (text.as_bytes(), 0, 0);
    let mut out = [0u16; N];
    while i < b.len() {
        if b[i] != b' ' && (i == 0 || b[i - 1] == b' ') {
            out[n] = i as u16;
            n += 1;
        }
        i += 1;
    }
    out
}

/// True when `name` is one of `list`'s names.
fn listed(list: &Names, name: &str) -> bool {
    let (b, name) = (list.text.as_bytes(), name.as_bytes());
    let (mut lo, mut hi) = (0, list.starts.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        // The word at `mid` against `name`, byte by byte (the word ends at a space).
        let (mut i, at) = (0, list.starts[mid] as usize);
        let order = loop {
            let w = b.get(at + i).copied().filter(|&c| c != b' ');
            match (w, name.get(i)) {
                (Some(w), Some(&n)) if w == n => i += 1,
                (Some(w), Some(&n)) => break w.cmp(&n),
                (Some(_), None) => break std::cmp::Ordering::Greater,
                (None, Some(_)) => break std::cmp::Ordering::Less,
                (None, None) => return true,
            }
        };
        match order {
            std::cmp::Ordering::Less => lo = mid + 1,
            _ => hi = mid,
        }
    }
    false
}

/// Names both `Query` and `Select` have.
const QUERY_AND_SELECT: Names = names!(concat!(
    " add_columns allows_lambda as_scalar column_descriptions correlate cte distinct except_ ",
    " except_all execution_options exists filter filter_by from_statement get_children ",
    " get_execution_options get_label_style group_by having intersect intersect_all ",
    " is_delete is_dml is_from_statement is_insert is_select is_text is_update join label ",
    " limit offset options order_by outerjoin params prefix_with scalar_subquery select_from ",
    " selectable set_label_style slice subquery suffix_with supports_execution union ",
    " union_all uses_inspection where whereclause with_for_update with_hint ",
    " with_statement_hint "
));

/// Names only the legacy `Query` (Flask-SQLAlchemy's subclass) has.
const QUERY_ONLY: Names = names!(concat!(
    " add_column add_entity all apply_labels autoflush count delete enable_assertions ",
    " enable_eagerloads first first_or_404 get get_or_404 instances is_single_entity ",
    " lazy_loaded_from load_options merge_result one one_or_404 one_or_none ",
    " only_return_tuples paginate populate_existing reset_joinpoint scalar session statement ",
    " tuples update value values with_entities with_labels with_parent with_session ",
    " with_transformation yield_per "
));

/// Names only the 2.0 `Select` has.
const SELECT_ONLY: Names = names!(concat!(
    " add_cte alias c column columns columns_clause_froms compare compile correlate_except ",
    " corresponding_column description entity_namespace exported_columns fetch froms ",
    " get_final_froms inherit_cache inner_columns is_clause_element is_derived_from ",
    " is_selectable join_from lateral outerjoin_from reduce_columns replace_selectable ",
    " select selected_columns self_group unique_params with_only_columns "
));

/// Names of an `insert()` / `update()` / `delete()` statement.
const DML: Names = names!(concat!(
    " add_cte compile cte entity_description execution_options exported_columns filter ",
    " filter_by get_children get_execution_options inline is_delete is_dml is_insert ",
    " is_select is_update options ordered_values params prefix_with return_defaults ",
    " returning returning_column_descriptions select selectable self_group table values ",
    " where whereclause with_dialect_options with_hint "
));

/// Names of a `CursorResult`.
const RESULT: Names = names!(concat!(
    " all close closed columns connection context cursor dialect fetchall fetchmany fetchone ",
    " first freeze inserted_primary_key inserted_primary_key_rows is_insert keys ",
    " lastrow_has_defaults lastrowid mappings merge one one_or_none partitions ",
    " returned_defaults returned_defaults_rows returns_rows rowcount scalar scalar_one ",
    " scalar_one_or_none scalars splice_horizontally splice_vertically ",
    " supports_sane_multi_rowcount supports_sane_rowcount t tuples unique yield_per "
));

/// Names an `AppenderQuery` (a dynamic relationship) adds to the `Query`'s.
const APPENDER: Names = names!(" add add_all append extend query_class remove session ");

/// Names of a write-only relationship's `WriteOnlyCollection`.
const WRITE_ONLY: Names = names!(" add add_all attr delete insert instance remove select update ");

/// Names of a `text()` construct.
const TEXT: Names = names!(concat!(
    " bindparams columns compare compile execution_options get_children ",
    " get_execution_options is_delete is_dml is_insert is_select is_text is_update key label ",
    " options params self_group subquery text type unique_params "
));

/// Whether a legacy `Query` has attribute `name`.
pub(crate) fn query_has(name: &str) -> bool {
    listed(&QUERY_AND_SELECT, name) || listed(&QUERY_ONLY, name)
}

/// Whether a 2.0 `Select` has attribute `name`.
pub(crate) fn select_has(name: &str) -> bool {
    listed(&QUERY_AND_SELECT, name) || listed(&SELECT_ONLY, name)
}

/// Whether an `insert()` / `update()` / `delete()` statement has attribute `name`.
pub(crate) fn dml_has(name: &str) -> bool {
    listed(&DML, name)
}

/// Whether a `CursorResult` has attribute `name`.
pub(crate) fn result_has(name: &str) -> bool {
    listed(&RESULT, name)
}

/// Whether a dynamic relationship's `AppenderQuery` (or, `write_only`, a write-only
/// one's `WriteOnlyCollection`) has attribute `name`.
pub(crate) fn appender_has(name: &str, write_only: bool) -> bool {
    match write_only {
        true => listed(&WRITE_ONLY, name),
        false => query_has(name) || listed(&APPENDER, name),
    }
}

/// Whether a `text()` construct has attribute `name`.
pub(crate) fn text_has(name: &str) -> bool {
    listed(&TEXT, name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_listed_whole() {
        const ADD_ALL: Names = names!(" add  all ");
        assert!(listed(&ADD_ALL, "all") && listed(&ADD_ALL, "add"));
        assert!(!listed(&ADD_ALL, "al") && !listed(&ADD_ALL, "") && !listed(&ADD_ALL, "alls"));
        assert!(query_has("filter_by") && query_has("first_or_404") && !query_has("join_from"));
        assert!(select_has("join_from") && !select_has("first"));
        assert!(appender_has("append", false) && !appender_has("filter", true));
        assert!(result_has("scalars") && dml_has("returning") && text_has("bindparams"));
    }

    #[test]
    fn every_list_is_in_byte_order_and_every_name_is_found() {
        let lists = [
            QUERY_AND_SELECT,
            QUERY_ONLY,
            SELECT_ONLY,
            DML,
            RESULT,
            APPENDER,
            WRITE_ONLY,
            TEXT,
        ];
        for list in &lists {
            let words: Vec<&str> = list.text.split_whitespace().collect();
            assert!(
                words.windows(2).all(|w| w[0] < w[1]),
                "not in order: {}",
                list.text
            );
            for w in &words {
                assert!(listed(list, w), "{w} not found");
                // Names between and around the listed ones are not found.
                for other in [format!("{w}_"), w[..w.len() - 1].to_owned()] {
                    assert_eq!(listed(list, &other), words.contains(&other.as_str()));
                }
            }
            assert!(!listed(list, "a") && !listed(list, "zzz") && !listed(list, " "));
        }
    }
}
