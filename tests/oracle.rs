//! Scripts of `tests/oracle/` (expected output produced by the real Flask-SQLAlchemy) run
//! through the interpreter: stdout must match byte for byte, and where a `.echo` file
//! holds SQLAlchemy's echo log of the script (`tools/echo_log.py`), so must the SQL log.

#![cfg(not(target_arch = "wasm32"))]

use ormlab::core::interp::{RunOptions, Source, run};
use ormlab::db::Database;

fn check(name: &str) {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/oracle/");
    let script = std::fs::read_to_string(format!("{dir}{name}.py")).expect("script");
    let expected = std::fs::read_to_string(format!("{dir}{name}.out")).expect("expected output");
    let db = Database::open_in_memory().expect("db");
    // As the CLI and the page run scripts: foreign keys unenforced, like pysqlite.
    db.execute_batch("PRAGMA foreign_keys = OFF")
        .expect("pragma");
    let out = run(
        &[Source::new(&format!("{name}.py"), &script)],
        &mut db.script_backend(),
        RunOptions::default(),
    );
    assert_eq!(
        out.stdout, expected,
        "{name}: stdout differs from the real library's"
    );
    if let Ok(echo) = std::fs::read_to_string(format!("{dir}{name}.echo")) {
        let mut log = String::new();
        for s in &out.sql_log {
            log.push_str(&s.sql);
            log.push('\n');
            if !s.params.is_empty() {
                log.push_str(&s.params);
                log.push('\n');
            }
        }
        let (want, got): (Vec<&str>, Vec<&str>) = (echo.lines().collect(), log.lines().collect());
        for (i, (w, g)) in want.iter().zip(&got).enumerate() {
            assert_eq!(
                g,
                w,
                "{name}: SQL log line {} differs from SQLAlchemy's echo",
                i + 1
            );
        }
        assert_eq!(
            got.len(),
            want.len(),
            "{name}: SQL log length differs from SQLAlchemy's echo"
        );
    }
}

#[test]
fn str_of_select_uses_the_default_dialect() {
    check("str_of_constructs");
    check("str_select");
}

#[test]
fn failing_grouped_inserts_report_like_sqlalchemy() {
    check("integrity_params");
}

#[test]
fn none_lets_defaults_apply_and_json_none_is_null() {
    check("none_defaults_json");
}

#[test]
fn plain_strings_in_execute_are_refused_like_sqlalchemy() {
    check("text_coercion");
}

#[test]
fn joined_eager_loads_like_sqlalchemy() {
    check("eager_joined");
}

#[test]
fn selectin_and_subquery_loads_like_sqlalchemy() {
    check("eager_selectin_subquery");
}

#[test]
fn noload_raiseload_and_option_errors_like_sqlalchemy() {
    check("eager_noload_raise");
}

#[test]
fn generator_expressions_are_one_pass_generators() {
    check("generators");
}

#[test]
fn sets_iterate_in_cpython_table_order() {
    check("set_order");
}

#[test]
fn order_by_strings_name_classes_declared_later() {
    check("order_by_string_later_class");
}

#[test]
fn a_table_in_a_query_selects_its_columns() {
    check("query_of_a_table");
}

#[test]
fn has_and_any_of_a_self_referential_relationship_alias_the_target() {
    check("self_referential_has_any");
}

#[test]
fn backref_uselist_cascade_and_order_by_apply_to_the_reverse_side() {
    check("backref_options_one_to_one");
}

#[test]
fn backref_cascade_and_order_by_strings() {
    check("backref_cascade_order_by");
}

#[test]
fn a_tutorial_app_with_routes_and_os_paths_runs_as_pasted() {
    check("tutorial_app_boilerplate");
}

#[test]
fn followers_self_referential_many_to_many_with_explicit_joins() {
    check("followers_self_many_to_many");
}

#[test]
fn explicit_join_conditions_keep_their_written_order() {
    check("explicit_join_conditions");
}

#[test]
fn query_union_selects_from_the_compound() {
    check("query_union");
}

#[test]
fn table_constraints_and_passive_deletes() {
    check("constraints_passive_deletes");
}

#[test]
fn python_classes_datetimes_and_builtins() {
    check("python_classes_datetime");
}

#[test]
fn property_setters_and_property_with_two_functions() {
    check("property_setters");
}

#[test]
fn sql_expression_insert_defaults_are_inlined_and_returned() {
    check("sql_expression_defaults");
}

#[test]
fn sql_expression_onupdate_goes_into_the_update() {
    check("sql_expression_onupdate");
}

#[test]
fn subqueries_joins_and_aggregates() {
    check("subqueries_and_aggregates");
}

/// A printed list of objects is a table placed at the `print`, not at the `__repr__`
/// that ran while printing it.
#[test]
fn printed_tables_sit_at_their_print() {
    let models = "class User(db.Model):\n    id = db.Column(db.Integer, primary_key=True)\n\n    def __repr__(self):\n        return f'<U {self.id}>'\n";
    let script = "db.create_all()\ndb.session.add(User())\n\nprint(User.query.all())\n";
    let db = Database::open_in_memory().expect("db");
    let out = run(
        &[
            Source::new("models.py", models),
            Source::new("script.py", script),
        ],
        &mut db.script_backend(),
        RunOptions::default(),
    );
    assert_eq!(out.stdout, "[<U 1>]\n");
    assert_eq!(out.tables.len(), 1);
    assert_eq!(out.tables[0].line, 4);
}

#[test]
fn session_merge_finds_or_copies_the_identity() {
    check("session_merge");
}

#[test]
fn association_objects_refresh_expunge_and_merge() {
    check("association_object");
}

#[test]
fn many_to_one_comparisons_and_nulls_ordering() {
    check("many_to_one_comparisons");
}

#[test]
fn float_columns_are_written_as_floats_and_compared_as_given() {
    check("float_parameters");
}

#[test]
fn integer_times_numeric_is_numeric() {
    check("numeric_expressions");
}

#[test]
fn subqueries_correlate_to_the_enclosing_select() {
    check("correlated_subqueries");
}

#[test]
fn write_only_relationships_add_remove_and_select() {
    check("write_only_collections");
}

#[test]
fn utc_aware_datetimes() {
    check("utc_datetimes");
}

#[test]
fn case_cast_literal_exists_and_aliased_classes() {
    check("case_cast_exists_aliased");
}

#[test]
fn hybrid_properties_validators_and_mapper_events() {
    check("hybrid_validates_events");
    check("hybrid_validates_paginate");
}

#[test]
fn hashlib_werkzeug_passwords_and_bytes() {
    check("hashlib_werkzeug_bytes");
}

#[test]
fn the_flask_mega_tutorial_2024_models_run_as_written() {
    check("mega_tutorial_2024_models");
}

#[test]
fn like_escape_autoescape_and_type_reprs() {
    check("like_escape_type_reprs");
    check("column_types_filters");
}

#[test]
fn row_keys_of_unlabeled_expressions() {
    check("row_keys_legacy_and_select");
    check("dynamic_books_rows");
}

#[test]
fn inspect_states_mappers_and_the_engine_inspector() {
    check("inspect_mapper_state");
    check("inspector_reflection");
    check("self_referential_tree_states");
}

#[test]
fn json_elements_and_the_json_module() {
    check("json_index_paths");
    check("to_dict_json_module");
}

#[test]
fn session_blocks_savepoints_and_autoflush() {
    check("savepoints_and_begin");
    check("text_without_autoflush");
    check("session_lifecycle");
    check("bulk_delete_sync");
}

#[test]
fn aggregates_with_floor_division() {
    check("aggregates_floordiv");
    check("division_types");
}

#[test]
fn insert_constructs_and_bulk_inserts() {
    check("insert_statements");
    check("tutorial_tags_comments");
}

#[test]
fn builtins_unbound_methods_and_mapping_formatting() {
    check("python_builtins_formatting");
}

#[test]
fn one_to_one_orphans_and_to_many_none_comparisons() {
    check("one_to_one_back_populates");
}

#[test]
fn config_from_object_and_route_functions() {
    check("config_from_object_routes");
}

#[test]
fn dates_extract_and_intervals() {
    check("dates_extract_interval");
}

#[test]
fn query_api_slices_params_and_results() {
    check("query_api_tour");
}

#[test]
fn model_classes_mixins_and_metadata() {
    check("model_classes_mixins");
}

#[test]
fn pagination_edges_next_prev_and_count_false() {
    check("paginate_details");
}

#[test]
fn ddl_options_autoincrement_and_column_checks() {
    check("ddl_options");
}

#[test]
fn relationships_choose_their_foreign_keys() {
    check("multiple_foreign_keys");
}

#[test]
fn raw_sql_from_statement_and_engine_connections() {
    check("raw_sql_from_statement");
    check("engine_connections");
}

#[test]
fn window_functions_and_report_queries() {
    check("window_functions_reports");
}

#[test]
fn boolean_columns_as_conditions_render_like_sqlite() {
    check("boolean_conditions");
}

#[test]
fn relationship_list_methods_keep_backrefs_in_sync() {
    check("relationship_list_methods");
}

#[test]
fn flush_batches_updates_and_deletes_like_sqlalchemy() {
    check("flush_batches");
}

#[test]
fn bulk_update_delete_synchronize_the_session_like_sqlalchemy() {
    check("bulk_synchronize_session");
    check("todo_app_bulk");
}

#[test]
fn closures_with_nonlocal_and_decimal_rounding_modes() {
    check("python_closures_classes");
    check("decimal_rounding");
}

#[test]
fn compiled_statements_and_a_library_app() {
    check("statement_compile");
    check("library_loans_app");
}

#[test]
fn join_with_a_relationship_as_the_on_clause() {
    check("join_relationship_onclause");
}

#[test]
fn deferred_columns_load_on_access() {
    check("deferred_columns");
}

#[test]
fn binary_and_sized_column_types() {
    check("column_types_binary");
}

#[test]
fn python_enums_and_enum_columns() {
    check("python_enums");
    check("enum_columns");
}

#[test]
fn rows_have_sqlalchemy_2_attributes_only() {
    check("row_attributes");
}

#[test]
fn rows_compare_as_tuples_and_db_has_sqlalchemy_names() {
    check("rows_results_db_names");
}

#[test]
fn synchronize_session_as_an_execution_option() {
    check("sync_execution_options");
}

#[test]
fn query_guards_bulk_onupdate_and_result_keys() {
    check("query_guards_bulk_onupdate");
}

#[test]
fn sql_expressions_in_defaults_and_indexes() {
    check("ddl_expressions");
}

#[test]
fn classes_with_an_explicit_object_base() {
    check("object_base");
}

#[test]
fn bind_processors_check_types_at_flush() {
    check("bind_type_checks");
}

#[test]
fn sum_total_avg_as_sqlite_3_40() {
    check("sqlite_sum_avg");
}

#[test]
fn relationship_events_backref_and_cascade_at_once() {
    check("relationship_events");
}

#[test]
fn rollback_restores_deleted_objects() {
    check("rollback_deletes");
}

#[test]
fn flush_syncs_foreign_keys_only_where_relationships_changed() {
    check("fk_sync_history");
}

#[test]
fn expression_types_follow_sqlalchemy() {
    check("expression_types");
}

#[test]
fn subquery_columns_select_from_the_subquery() {
    check("subquery_columns_from");
}

#[test]
fn filter_by_applies_to_the_first_entity_or_the_last_join() {
    check("filter_by_targets");
}

#[test]
fn one_to_many_contains() {
    check("one_to_many_contains");
}

#[test]
fn class_of_any_value_and_result_classes() {
    check("class_of_values");
}

#[test]
fn text_parameters_bind_as_pysqlite_adapts_them() {
    check("text_parameters_untyped");
}

#[test]
fn time_values_isoformat_and_timedelta_arithmetic() {
    check("time_values");
}

#[test]
fn text_defaults_and_context_callables() {
    check("sql_text_defaults");
}

#[test]
fn uppercase_types_and_type_options() {
    check("uppercase_types");
}

#[test]
fn column_keys_and_json_none_as_null() {
    check("column_keys_json_null");
}

#[test]
fn decimal_exception_classes() {
    check("decimal_exceptions");
}

#[test]
fn flush_updates_a_table_before_inserting_into_it() {
    check("update_before_insert");
}

#[test]
fn expire_named_attributes_only() {
    check("expire_attributes");
}

#[test]
fn dynamic_collections_index_backref_and_delete() {
    check("dynamic_collections");
}

#[test]
fn relationship_order_by_list_strings_and_callables() {
    check("order_by_forms");
}

#[test]
fn session_options_and_begin_nested_flush() {
    check("session_options");
}

#[test]
fn session_and_identity_map_iteration() {
    check("session_iteration");
}

#[test]
fn order_by_strings_resolve_like_sqlalchemy() {
    check("order_by_strings");
}

#[test]
fn query_str_shows_postcompile_in() {
    check("query_str_postcompile");
}

#[test]
fn case_insensitive_like_ops_and_bind_names() {
    check("like_ops_bind_names");
}

#[test]
fn query_index_and_slice() {
    check("query_index_slice");
}

#[test]
fn aliased_class_over_a_subquery() {
    check("aliased_subquery");
}

#[test]
fn compound_selects_and_named_aliases() {
    check("union_aliased_name");
}

#[test]
fn datetime_arithmetic_combine_and_formats() {
    check("datetime_arith_formats");
}

#[test]
fn library_object_types_and_subquery_str() {
    check("library_types");
}

#[test]
fn database_errors_and_the_exception_hierarchy() {
    check("db_errors_hierarchy");
}

#[test]
fn engine_config_clock_and_legacy_calls() {
    check("engine_config_misc");
}

#[test]
fn unit_of_work_insert_order() {
    check("flush_order_graph");
}

#[test]
fn primaryjoin_with_extra_conditions_and_strings() {
    check("primaryjoin_extra");
}

#[test]
fn setting_a_column_of_an_expired_object() {
    check("set_expired_column");
}

#[test]
fn session_dirty_is_the_modified_flag() {
    check("session_dirty_flag");
}

#[test]
fn dynamic_collection_delete_orphan() {
    check("dynamic_delete_orphan");
}

#[test]
fn detached_relationship_lazy_load_error() {
    check("detached_lazy_load");
}

#[test]
fn failed_flush_rolls_the_session_back() {
    check("failed_flush_state");
}

#[test]
fn one_to_one_set_does_not_autoflush() {
    check("set_reference_no_autoflush");
}

#[test]
fn text_types_keep_their_length() {
    check("text_length_types");
}

#[test]
fn column_default_objects() {
    check("column_default_objects");
}

#[test]
fn collate_and_custom_operators() {
    check("collate_custom_op");
}

#[test]
fn select_join_from() {
    check("select_join_from");
}

#[test]
fn notfound_description_and_decimal_integral() {
    check("notfound_decimal_integral");
}

#[test]
fn session_call_direction_engines() {
    check("session_call_direction_engines");
}

#[test]
fn common_table_expressions() {
    check("cte");
}

#[test]
fn column_properties() {
    check("column_property");
}

#[test]
fn table_constraints_indexes_and_ddl() {
    check("table_introspection");
}

#[test]
fn naming_convention_constraint_names() {
    check("naming_convention_constraints");
}

#[test]
fn join_left_side_from_on_clause_and_ambiguous_foreign_keys() {
    check("join_left_side");
}

#[test]
fn bulk_update_delete_refuse_joined_or_ordered_queries() {
    check("bulk_query_state");
}

#[test]
fn dict_views_and_model_dict_order() {
    check("dict_views");
}

#[test]
fn database_error_messages_and_autoflush_detail() {
    check("db_error_messages");
}

#[test]
fn ellipsis_datetime_bounds_str_json_and_select_misuse() {
    check("python_odds_select_misuse");
}

#[test]
fn result_scalars_by_column_and_closed_results() {
    check("result_scalars_closed");
}

#[test]
fn legacy_bulk_methods_run_like_sqlalchemy() {
    check("bulk_legacy_methods");
}

#[test]
fn mapper_relationships_like_sqlalchemy() {
    check("mapper_relationships");
}

#[test]
fn make_transient_merge_and_refresh_like_sqlalchemy() {
    check("make_transient_merge_refresh");
}

#[test]
fn mapper_configuration_errors_like_sqlalchemy() {
    check("mapper_unknown_target");
    check("mapper_no_foreign_keys");
}

#[test]
fn dml_constructs_return_rows_like_sqlalchemy() {
    check("dml_returning");
}

#[test]
fn populate_existing_and_statement_parameters_like_sqlalchemy() {
    check("populate_existing_params");
}

#[test]
fn results_share_one_cursor_and_iterators_resume_like_python() {
    check("result_cursor");
}

/// Every case in `tests/oracle/` is checked by one of the tests above.
#[test]
fn every_case_has_a_test() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/oracle/");
    let tests = include_str!("oracle.rs");
    for entry in std::fs::read_dir(dir).expect("tests/oracle") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "py") {
            let name = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default();
            assert!(
                tests.contains(&format!("check(\"{name}\")")),
                "tests/oracle/{name}.py has no test in tests/oracle.rs"
            );
        }
    }
}

#[test]
fn session_flags_state_checks_enums_and_decimal_keys_like_sqlalchemy() {
    check("session_flags_enums_decimal_keys");
}

#[test]
fn bulk_update_by_primary_key_like_sqlalchemy() {
    check("bulk_update_by_pk");
}

#[test]
fn dynamic_collections_of_a_transient_parent_like_sqlalchemy() {
    check("dynamic_transient_parent");
}

#[test]
fn abort_and_werkzeug_http_errors_like_flask() {
    check("http_errors_abort");
}

#[test]
fn filter_by_and_filter_on_plain_properties_like_sqlalchemy() {
    check("property_filter_mistakes");
}

#[test]
fn engine_url_and_statement_errors_like_sqlalchemy() {
    check("engine_url_statement_error");
}

#[test]
fn collection_items_set_and_deleted_keep_backrefs_like_sqlalchemy() {
    check("collection_index_backrefs");
}

#[test]
fn list_slices_are_assigned_and_deleted_like_python() {
    check("list_slice_assignment");
}

#[test]
fn relationship_values_are_checked_like_sqlalchemy() {
    check("relationship_value_checks");
}

#[test]
fn mega_tutorial_setup_lines_run_like_flask() {
    check("migrate_appcontext_time");
}

#[test]
fn relationship_cascade_details_like_sqlalchemy() {
    check("relationship_cascade_details");
}

#[test]
fn exists_labels_window_froms_and_floor_like_sqlalchemy() {
    check("exists_label_window_floor");
}

#[test]
fn event_module_write_only_dml_and_default_dialect_division_like_sqlalchemy() {
    check("event_module_writeonly_dml");
}

#[test]
fn float_typed_integers_stay_ints_like_sqlalchemy() {
    check("float_results_unprocessed");
}

#[test]
fn delete_cascades_at_delete_like_sqlalchemy() {
    check("cascade_trigger_log");
    check("cascade_variants");
}

#[test]
fn followers_with_dynamic_relationships_in_union_like_the_mega_tutorial() {
    check("followers_dynamic_union");
}

#[test]
fn ambiguous_foreign_keys_are_mapper_errors_like_sqlalchemy() {
    check("mapper_ambiguous_fks");
    check("multiple_fk_backrefs");
}

#[test]
fn session_events_like_the_mega_tutorials_search_index() {
    check("session_events");
}

#[test]
fn many_to_many_cascade_order_and_duplicate_rows_like_sqlalchemy() {
    check("m2m_dynamic_cascade_counts");
    check("m2m_duplicate_appends");
}

#[test]
fn window_frames_and_distinct_from_like_sqlalchemy() {
    check("window_frames");
    check("in_between_distinct_from");
}

#[test]
fn functools_decorators_and_http_status_codes_like_python() {
    check("functools_http");
}

#[test]
fn search_bounds_set_inclusion_rich_comparisons_and_flask_config_like_python() {
    check("python_methods_compare");
}

#[test]
fn mapped_one_to_one_base_metadata_and_begin_rollback_like_sqlalchemy() {
    check("mapped_one_to_one_constraints");
}

#[test]
fn reflected_operator_binds_insert_str_and_session_corners_like_sqlalchemy() {
    check("statements_session_misc");
}

#[test]
fn enums_mixing_in_str_and_int_like_python() {
    check("enum_mixins");
}

#[test]
fn expired_parent_in_identity_map_is_loaded_like_sqlalchemy() {
    check("delete_parent_nulls_children");
}

#[test]
fn session_states_and_the_expunge_cascade_like_sqlalchemy() {
    check("session_states_expunge_cascade");
}

#[test]
fn math_functions_and_abs_of_timedelta_like_python() {
    check("math_module");
}

#[test]
fn moving_children_between_parents_updates_both_collections_like_sqlalchemy() {
    check("backref_moves_children");
}

#[test]
fn one_to_one_replacement_clears_the_displaced_side_like_sqlalchemy() {
    check("one_to_one_replace");
}

#[test]
fn aggregate_filter_renders_filter_where_like_sqlalchemy() {
    check("aggregate_filter");
}

#[test]
fn relationship_comparators_refuse_column_operators_like_sqlalchemy() {
    check("relationship_column_operators");
}

#[test]
fn deleting_a_parent_never_blanks_out_a_childs_primary_key() {
    check("blank_out_primary_key");
}

#[test]
fn column_types_are_instances_of_their_sqlalchemy_base_classes() {
    check("column_type_isinstance");
}

#[test]
fn a_savepoint_outside_a_transaction_commits_on_release_like_pysqlite() {
    check("savepoint_outside_transaction");
}

#[test]
fn full_outer_joins_render_and_run_like_sqlalchemy() {
    check("full_outer_join");
}

#[test]
fn session_get_one_raises_when_nothing_is_found() {
    check("session_get_one");
}

#[test]
fn the_identity_map_holds_objects_weakly_like_sqlalchemy() {
    check("weak_identity_map");
}

#[test]
fn sqlite_functions_and_driver_counts_like_the_reference() {
    check("sqlite_340_fidelity");
}

#[test]
fn double_types_spell_double_in_ddl() {
    check("double_types");
}

#[test]
fn dynamic_sessionless() {
    check("dynamic_sessionless");
}

#[test]
fn deleted_then_detached() {
    check("deleted_then_detached");
}

#[test]
fn app_context_sessions() {
    check("app_context_sessions");
}

#[test]
fn detached_reattach() {
    check("detached_reattach");
}

#[test]
fn api_messages() {
    check("api_messages");
}

#[test]
fn move_child_unloaded() {
    check("move_child_unloaded");
}

#[test]
fn savepoint_expiry() {
    check("savepoint_expiry");
}

#[test]
fn merge_cascade() {
    check("merge_cascade");
}

#[test]
fn string_collation() {
    check("string_collation");
}

#[test]
fn table_update_delete() {
    check("table_update_delete");
}

#[test]
fn attribute_history() {
    check("attribute_history");
}

#[test]
fn attribute_set_events() {
    check("attribute_set_events");
}

#[test]
fn schema_object_reprs() {
    check("schema_object_reprs");
}

#[test]
fn tutorial_python_bits() {
    check("tutorial_python_bits");
}

#[test]
fn cast_key_for_update() {
    check("cast_key_for_update");
}

#[test]
fn scalar_subquery_types() {
    check("scalar_subquery_types");
}

#[test]
fn mapper_event_connection() {
    check("mapper_event_connection");
}

#[test]
fn foreign_keys_two_ways() {
    check("foreign_keys_two_ways");
}

#[test]
fn subquery_columns() {
    check("subquery_columns");
}

#[test]
fn subquery_named_columns() {
    check("subquery_named_columns");
}

#[test]
fn viewonly_no_cascade() {
    check("viewonly_no_cascade");
}

#[test]
fn app_context_outer_changes() {
    check("app_context_outer_changes");
}

#[test]
fn sql_expression_assign() {
    check("sql_expression_assign");
}

#[test]
fn with_parent_aliased_subquery() {
    check("with_parent_aliased_subquery");
}

#[test]
fn backref_transient_parent() {
    check("backref_transient_parent");
}

#[test]
fn is_modified_backref() {
    check("is_modified_backref");
}

#[test]
fn get_with_defer() {
    check("get_with_defer");
}

#[test]
fn expire_attrs_together() {
    check("expire_attrs_together");
}

#[test]
fn label_compare_bind() {
    check("label_compare_bind");
}

#[test]
fn collection_address_reuse() {
    check("collection_address_reuse");
}

#[test]
fn category_tree_cascade() {
    check("category_tree_cascade");
}

#[test]
fn bool_column_bulk_sync() {
    check("bool_column_bulk_sync");
}

#[test]
fn relationship_compare_errors() {
    check("relationship_compare_errors");
}

#[test]
fn has_any_wrong_kind() {
    check("has_any_wrong_kind");
}

#[test]
fn limit_string_arg() {
    check("limit_string_arg");
}

#[test]
fn in_scalar_error() {
    check("in_scalar_error");
}

#[test]
fn filter_none() {
    check("filter_none");
}

#[test]
fn paginate_select_unique() {
    check("paginate_select_unique");
}

#[test]
fn flask_app_api() {
    check("flask_app_api");
}

#[test]
fn strftime_no_pad() {
    check("strftime_no_pad");
}

#[test]
fn time_format_spec() {
    check("time_format_spec");
}

#[test]
fn json_parse_float() {
    check("json_parse_float");
}

#[test]
fn query_populate_existing_get() {
    check("query_populate_existing_get");
}

#[test]
fn secondary_defaults() {
    check("secondary_defaults");
}

#[test]
fn float_bind_strings() {
    check("float_bind_strings");
}

#[test]
fn m2m_duplicate_append() {
    check("m2m_duplicate_append");
}

#[test]
fn set_order_cpython() {
    check("set_order_cpython");
}

#[test]
fn flask_app_name() {
    check("flask_app_name");
}

#[test]
fn engines_binds() {
    check("engines_binds");
}

#[test]
fn table_metadata_info() {
    check("table_metadata_info");
}

#[test]
fn db_error_args() {
    check("db_error_args");
}

#[test]
fn mapper_attrs() {
    check("mapper_attrs");
}

#[test]
fn relationship_property() {
    check("relationship_property");
}

#[test]
fn m2m_transient_backref() {
    check("m2m_transient_backref");
}

#[test]
fn m2m_transient_autoflush() {
    check("m2m_transient_autoflush");
}

#[test]
fn schema_classes_in_isinstance() {
    check("schema_isinstance");
}

#[test]
fn flask_classes_in_isinstance_and_extensions() {
    check("flask_isinstance_extensions");
}

#[test]
fn composite_foreign_key_constraint() {
    check("fk_constraint_composite");
}

#[test]
fn select_union_method_is_a_compound() {
    check("select_union_method");
}

#[test]
fn enum_create_constraint_check() {
    check("enum_create_constraint");
}

#[test]
fn relationship_order_by_class_body_exprs() {
    check("relationship_order_by_class_body");
}

#[test]
fn load_only_with_eager_loads() {
    check("load_only_with_eager");
}

#[test]
fn contains_eager_options() {
    check("contains_eager");
}

#[test]
fn load_only_with_eager_many_to_one() {
    check("load_only_eager_fk");
}

#[test]
fn stdlib_named_tuples_and_json_errors() {
    check("named_tuples_json_errors");
}

#[test]
fn function_attributes_and_wraps() {
    check("function_attributes_wraps");
}

#[test]
fn sql_functions_of_an_expression() {
    check("sql_function_forms");
}

#[test]
fn schema_comments_index_columns_references() {
    check("schema_metadata_details");
}

#[test]
fn dicts_in_order_clause_truth_timestamps_current_app() {
    check("misc_session18");
}

#[test]
fn qualified_names_in_reprs_and_errors() {
    check("qualified_names");
}

#[test]
fn insert_multi_row_values_and_prefix_with() {
    check("insert_multi_values_prefix");
}

#[test]
fn single_table_inheritance() {
    check("single_table_inheritance");
}

#[test]
fn sti_relationships() {
    check("sti_relationships");
}

#[test]
fn sti_select_2x() {
    check("sti_select_2x");
}

#[test]
fn sti_three_levels() {
    check("sti_three_levels");
}

#[test]
fn re_module() {
    check("re_module");
}

#[test]
fn regexp_match() {
    check("regexp_match");
}

#[test]
fn compile_params() {
    check("compile_params");
}

#[test]
fn walrus() {
    check("walrus");
}

#[test]
fn tuple_in() {
    check("tuple_in");
}

#[test]
fn type_coerce() {
    check("type_coerce");
}

#[test]
fn bindparam() {
    check("bindparam");
}

#[test]
fn datetime_timezone() {
    check("datetime_timezone");
}

#[test]
fn lazy_immediate() {
    check("lazy_immediate");
}

#[test]
fn coerce_cast_labels() {
    check("coerce_cast_labels");
}

#[test]
fn flask_test_client() {
    check("flask_test_client");
}

#[test]
fn flask_api_errors() {
    check("flask_api_errors");
}

#[test]
fn fk_targets_hybrid_filter_by() {
    check("fk_targets_hybrid_filter_by");
}

#[test]
fn backref_clash() {
    check("backref_clash");
}

#[test]
fn back_populates_missing() {
    check("back_populates_missing");
}

#[test]
fn fk_target_column() {
    check("fk_target_column");
}

#[test]
fn validates_collection() {
    check("validates_collection");
}

#[test]
fn cascade_all_other_sides() {
    check("cascade_all_other_sides");
}

#[test]
fn collection_compare_index() {
    check("collection_compare_index");
}

#[test]
fn declared_attr() {
    check("declared_attr");
}

#[test]
fn engine_connection_tx() {
    check("engine_connection_tx");
}

#[test]
fn session_api_misc() {
    check("session_api_misc");
}

#[test]
fn bytes_enum_attrs() {
    check("bytes_enum_attrs");
}

#[test]
fn load_only_many_to_one() {
    check("load_only_many_to_one");
}

#[test]
fn one_or_404_errors() {
    check("one_or_404_errors");
}

#[test]
fn inspect_unloaded() {
    check("inspect_unloaded");
}

#[test]
fn driver_error_codes() {
    check("driver_error_codes");
}

#[test]
fn immediate_deferred_fk() {
    check("immediate_deferred_fk");
}

#[test]
fn schema_introspection_misc() {
    check("schema_introspection_misc");
}

#[test]
fn misc_session_sql() {
    check("misc_session_sql");
}

#[test]
fn text_columns_typed() {
    check("text_columns_typed");
}

#[test]
fn column_property_correlated() {
    check("column_property_correlated");
}

#[test]
fn orphan_from_child_side() {
    check("orphan_from_child_side");
}

#[test]
fn query_method_signatures() {
    check("query_method_signatures");
}

#[test]
fn query_value_values() {
    check("query_value_values");
}

#[test]
fn select_of_nothing() {
    check("select_of_nothing");
}

#[test]
fn subquery_below_m2m_selectin() {
    check("subquery_below_m2m_selectin");
}

#[test]
fn validates_backref() {
    check("validates_backref");
}

#[test]
fn model_without_pk_table() {
    check("model_without_pk_table");
}

#[test]
fn orphan_many_to_one() {
    check("orphan_many_to_one");
}

#[test]
fn order_by_number() {
    check("order_by_number");
}

#[test]
fn core_executemany_first_set() {
    check("core_executemany_first_set");
}

#[test]
fn bytes_iteration() {
    check("bytes_iteration");
}

#[test]
fn null_identity_key() {
    check("null_identity_key");
}

#[test]
fn sti_subclass_aggregates() {
    check("sti_subclass_aggregates");
}

#[test]
fn relationship_attr_no_name() {
    check("relationship_attr_no_name");
}

#[test]
fn m2m_history_rows() {
    check("m2m_history_rows");
}

#[test]
fn json_encoder_cls() {
    check("json_encoder_cls");
}

#[test]
fn engine_connect_event() {
    check("engine_connect_event");
}

#[test]
fn results_slices_fetch() {
    check("results_slices_fetch");
}

#[test]
fn relationship_innerjoin_passive_all() {
    check("relationship_innerjoin_passive_all");
}

#[test]
fn func_now_str() {
    check("func_now_str");
}

#[test]
fn select_exists_columns() {
    check("select_exists_columns");
}

#[test]
fn pending_orphan_moved() {
    check("pending_orphan_moved");
}

#[test]
fn binding_errors_params() {
    check("binding_errors_params");
}

#[test]
fn deleted_object_lazy_load() {
    check("deleted_object_lazy_load");
}

#[test]
fn pending_many_to_one_unset() {
    check("pending_many_to_one_unset");
}

#[test]
fn freed_parent_collection() {
    check("freed_parent_collection");
}

#[test]
fn float_text_15_digits() {
    check("float_text_15_digits");
}

#[test]
fn except_name_unbound() {
    check("except_name_unbound");
}

#[test]
fn one_closes_result() {
    check("one_closes_result");
}

#[test]
fn enum_mixin_lookup() {
    check("enum_mixin_lookup");
}

#[test]
fn json_bind_error() {
    check("json_bind_error");
}

#[test]
fn relationship_order_by_expressions() {
    check("relationship_order_by_expressions");
}

#[test]
fn outerjoin_from() {
    check("outerjoin_from");
}

#[test]
fn reserved_metadata_date_compare() {
    check("reserved_metadata_date_compare");
}

#[test]
fn enum_values_callable() {
    check("enum_values_callable");
}

#[test]
fn relationship_lazy_flag() {
    check("relationship_lazy_flag");
}

#[test]
fn delete_parent_and_child() {
    check("delete_parent_and_child");
}

#[test]
fn json_null_sentinel() {
    check("json_null_sentinel");
}

#[test]
fn date_timetuple() {
    check("date_timetuple");
}

#[test]
fn backref_appears_at_configure() {
    check("backref_appears_at_configure");
}

#[test]
fn joinedload_innerjoin_option() {
    check("joinedload_innerjoin_option");
}

#[test]
fn exception_context() {
    check("exception_context");
}

#[test]
fn flag_modified() {
    check("flag_modified");
}

#[test]
fn state_modified() {
    check("state_modified");
}

#[test]
fn get_column_property_param() {
    check("get_column_property_param");
}

#[test]
fn union_function_columns() {
    check("union_function_columns");
}

#[test]
fn paginate_request_args() {
    check("paginate_request_args");
}

#[test]
fn returning_real_affinity() {
    check("returning_real_affinity");
}

#[test]
fn refresh_attribute_names() {
    check("refresh_attribute_names");
}

#[test]
fn between_untyped() {
    check("between_untyped");
}

#[test]
fn annotated_aliases() {
    check("annotated_aliases");
}

#[test]
fn hybrid_method() {
    check("hybrid_method");
}

#[test]
fn mapper_event_propagate() {
    check("mapper_event_propagate");
}

#[test]
fn failed_insert_defaults() {
    check("failed_insert_defaults");
}

#[test]
fn expired_attributes() {
    check("expired_attributes");
}

#[test]
fn load_event() {
    check("load_event");
}

#[test]
fn subquery_duplicate_keys() {
    check("subquery_duplicate_keys");
}

#[test]
fn aliased_row_keys() {
    check("aliased_row_keys");
}

#[test]
fn relationship_and_criteria() {
    check("relationship_and_criteria");
}

#[test]
fn update_event_history() {
    check("update_event_history");
}

#[test]
fn review_fixes() {
    check("review_fixes");
}

#[test]
fn sqlite_upsert_counter() {
    check("sqlite_upsert_counter");
}

#[test]
fn sqlite_upsert_settings() {
    check("sqlite_upsert_settings");
}

#[test]
fn super_object_methods() {
    check("super_object_methods");
}

#[test]
fn m2m_contains_negated() {
    check("m2m_contains_negated");
}

#[test]
fn any_exists_str() {
    check("any_exists_str");
}

#[test]
fn builtin_keywords_keyerror() {
    check("builtin_keywords_keyerror");
}

#[test]
fn has_any_joined_target() {
    check("has_any_joined_target");
}

#[test]
fn upsert_signature_errors() {
    check("upsert_signature_errors");
}

#[test]
fn exception_args_assign() {
    check("exception_args_assign");
}

#[test]
fn super_enum_hash_clinic_args() {
    check("super_enum_hash_clinic_args");
}

#[test]
fn upsert_rowcount_params() {
    check("upsert_rowcount_params");
}

#[test]
fn executemany_rowcount() {
    check("executemany_rowcount");
}

#[test]
fn primary_key_change_rekeys() {
    check("primary_key_change_rekeys");
}

#[test]
fn attr_error_c_type_names_json_allow_nan() {
    check("attr_error_c_type_names_json_allow_nan");
}

#[test]
fn relationship_lambda_order_by() {
    check("relationship_lambda_order_by");
}

#[test]
fn user_dunders_hash_slice_iadd() {
    check("user_dunders_hash_slice_iadd");
}

#[test]
fn self_ref_nested_has_viewonly() {
    check("self_ref_nested_has_viewonly");
}

#[test]
fn literal_row_keys_str_configures() {
    check("literal_row_keys_str_configures");
}

#[test]
fn user_mapping_protocol() {
    check("user_mapping_protocol");
}

#[test]
fn inspect_attrs_mapping_get_deleted_row() {
    check("inspect_attrs_mapping_get_deleted_row");
}

#[test]
fn date_constructors_session_contains() {
    check("date_constructors_session_contains");
}

#[test]
fn extract_exists_str_class_hash() {
    check("extract_exists_str_class_hash");
}

#[test]
fn review_hash_rekey_label() {
    check("review_hash_rekey_label");
}

#[test]
fn session_identity_map_object_session() {
    check("session_identity_map_object_session");
}

#[test]
fn str_maketrans_translate() {
    check("str_maketrans_translate");
}

#[test]
fn decimal_copy_compare() {
    check("decimal_copy_compare");
}

#[test]
fn property_deleter() {
    check("property_deleter");
}

#[test]
fn user_hash_set_ops_pop() {
    check("user_hash_set_ops_pop");
}

#[test]
fn nested_is_active_order_by_lambda_error() {
    check("nested_is_active_order_by_lambda_error");
}

#[test]
fn rekey_rollback_savepoint() {
    check("rekey_rollback_savepoint");
}

#[test]
fn make_transient_to_detached() {
    check("make_transient_to_detached");
}

#[test]
fn row_mapping_missing_key() {
    check("row_mapping_missing_key");
}

#[test]
fn delete_deleted_detached() {
    check("delete_deleted_detached");
}

#[test]
fn state_unmodified_cascade() {
    check("state_unmodified_cascade");
}

#[test]
fn collection_assign_types() {
    check("collection_assign_types");
}

#[test]
fn criteria_after_limit() {
    check("criteria_after_limit");
}

#[test]
fn bulk_update_evaluate_arith() {
    check("bulk_update_evaluate_arith");
}

#[test]
fn query_slice_bounds() {
    check("query_slice_bounds");
}

#[test]
fn session_autobegin_misc() {
    check("session_autobegin_misc");
}

#[test]
fn append_deleted_object() {
    check("append_deleted_object");
}

#[test]
fn db_model_mro() {
    check("db_model_mro");
}

#[test]
fn backref_innerjoin() {
    check("backref_innerjoin");
}

#[test]
fn join_string_target() {
    check("join_string_target");
}

#[test]
fn paginate_limit_no_count() {
    check("paginate_limit_no_count");
}

#[test]
fn paginate_assertions_off() {
    check("paginate_assertions_off");
}

#[test]
fn bulk_update_numeric_div() {
    check("bulk_update_numeric_div");
}

#[test]
fn bulk_update_int_div_where() {
    check("bulk_update_int_div_where");
}

#[test]
fn literal_update_values() {
    check("literal_update_values");
}

#[test]
fn dynamic_assign_tuple() {
    check("dynamic_assign_tuple");
}

#[test]
fn bulk_update_nested_floordiv() {
    check("bulk_update_nested_floordiv");
}

#[test]
fn criteria_after_limit_names() {
    check("criteria_after_limit_names");
}

#[test]
fn session_begin_after_autobegin() {
    check("session_begin_after_autobegin");
}

#[test]
fn unbindable_params_refused_at_execution() {
    check("unbindable_params_refused_at_execution");
}

#[test]
fn insert_batch_failure_assigns_no_keys() {
    check("insert_batch_failure_assigns_no_keys");
}

#[test]
fn expired_object_row_deleted_raises() {
    check("expired_object_row_deleted_raises");
}

#[test]
fn sqlite3_exception_module() {
    check("sqlite3_exception_module");
}

#[test]
fn sequence_repeat_and_inplace_ops() {
    check("sequence_repeat_and_inplace_ops");
}

#[test]
fn scalar_and_mapping_result_methods() {
    check("scalar_and_mapping_result_methods");
}

#[test]
fn circular_json_and_repr() {
    check("circular_json_and_repr");
}

#[test]
fn python_builtins_round29() {
    check("python_builtins_round29");
}

#[test]
fn unbound_columns_and_type_options() {
    check("unbound_columns_and_type_options");
}

#[test]
fn default_context_parameters() {
    check("default_context_parameters");
}

#[test]
fn failing_column_default() {
    check("failing_column_default");
}

#[test]
fn flask_config_namespace_views() {
    check("flask_config_namespace_views");
}

#[test]
fn row_mapping_keys_and_typed_text() {
    check("row_mapping_keys_and_typed_text");
}

#[test]
fn m2m_order_by_association_column() {
    check("m2m_order_by_association_column");
}

#[test]
fn lazyload_overrides_raise_noload() {
    check("lazyload_overrides_raise_noload");
}

#[test]
fn delete_orphan_many_to_one_refused() {
    check("delete_orphan_many_to_one_refused");
}

#[test]
fn delete_orphan_single_parent() {
    check("delete_orphan_single_parent");
}

#[test]
fn transactions_tuple_inserts_self_join() {
    check("transactions_tuple_inserts_self_join");
}

#[test]
fn type_options_and_nested_json() {
    check("type_options_and_nested_json");
}

#[test]
fn unloaded_collection_backref_append() {
    check("unloaded_collection_backref_append");
}

#[test]
fn python_builtins_round30() {
    check("python_builtins_round30");
}

#[test]
fn relationship_history() {
    check("relationship_history");
}

#[test]
fn cascade_options() {
    check("cascade_options");
}

#[test]
fn joined_eager_both_ways() {
    check("joined_eager_both_ways");
}

#[test]
fn select_introspection() {
    check("select_introspection");
}

#[test]
fn exists_constructs() {
    check("exists_constructs");
}

#[test]
fn row_mapping_same_names() {
    check("row_mapping_same_names");
}

#[test]
fn flask_error_handler_classes() {
    check("flask_error_handler_classes");
}

#[test]
fn validates_collection_before_join() {
    check("validates_collection_before_join");
}

#[test]
fn http_status_phrases() {
    check("http_status_phrases");
}

#[test]
fn flask_register_error_handler() {
    check("flask_register_error_handler");
}

#[test]
fn flask_view_tuple_headers() {
    check("flask_view_tuple_headers");
}

#[test]
fn session_dirty_collection_moves() {
    check("session_dirty_collection_moves");
}

#[test]
fn naming_convention_order_fk_constraints() {
    check("naming_convention_order_fk_constraints");
}

#[test]
fn many_to_one_set_passive_old_value() {
    check("many_to_one_set_passive_old_value");
}

#[test]
fn many_to_many_remove_dirty_dynamic() {
    check("many_to_many_remove_dirty_dynamic");
}

#[test]
fn many_to_many_remove_dirty_unloaded() {
    check("many_to_many_remove_dirty_unloaded");
}

#[test]
fn legacy_query_add_column_entity() {
    check("legacy_query_add_column_entity");
}

#[test]
fn learner_mistakes_sql_building() {
    check("learner_mistakes_sql_building");
}

#[test]
fn type_errors_qualified_names() {
    check("type_errors_qualified_names");
}

#[test]
fn savepoint_undoes_pending_deletes() {
    check("savepoint_undoes_pending_deletes");
}

#[test]
fn set_order_with_none() {
    check("set_order_with_none");
}

#[test]
fn self_repr_default() {
    check("self_repr_default");
}

#[test]
fn mapper_identity_key_from_instance() {
    check("mapper_identity_key_from_instance");
}

#[test]
fn version_id_col_counter() {
    check("version_id_col_counter");
}

#[test]
fn version_id_col_batches() {
    check("version_id_col_batches");
}

#[test]
fn delete_cascade_autoflushed_member() {
    check("delete_cascade_autoflushed_member");
}

#[test]
fn delete_cascade_skips_pending() {
    check("delete_cascade_skips_pending");
}

#[test]
fn version_id_col_set_by_hand() {
    check("version_id_col_set_by_hand");
}

#[test]
fn library_object_attribute_names() {
    check("library_object_attribute_names");
}

#[test]
fn iteration_protocol() {
    check("iteration_protocol");
}

#[test]
fn recursion_through_properties() {
    check("recursion_through_properties");
}

#[test]
fn result_partial_iteration() {
    check("result_partial_iteration");
}

#[test]
fn python_semantics_round32() {
    check("python_semantics_round32");
}

#[test]
fn model_and_query_mistakes_round32() {
    check("model_and_query_mistakes_round32");
}

#[test]
fn review_round32_recursion_views_kwargs() {
    check("review_round32_recursion_views_kwargs");
}

#[test]
fn foreign_key_column_typo_at_configure() {
    check("foreign_key_column_typo_at_configure");
}

#[test]
fn order_by_string_typo() {
    check("order_by_string_typo");
}

#[test]
fn primaryjoin_string_typos() {
    check("primaryjoin_string_typos");
}

#[test]
fn lazy_strategy_typo() {
    check("lazy_strategy_typo");
}

#[test]
fn learner_mistakes_round33() {
    check("learner_mistakes_round33");
}

#[test]
fn none_in_collection() {
    check("none_in_collection");
}

#[test]
fn union_with_eager_loads() {
    check("union_with_eager_loads");
}

#[test]
fn unmapped_arguments_to_session() {
    check("unmapped_arguments_to_session");
}

#[test]
fn configure_check_order() {
    check("configure_check_order");
}

#[test]
fn order_by_unknown_class() {
    check("order_by_unknown_class");
}

#[test]
fn secondary_foreign_key_typo() {
    check("secondary_foreign_key_typo");
}

#[test]
fn m2o_clear_at_flush() {
    check("m2o_clear_at_flush");
}

#[test]
fn o2o_clear_at_flush() {
    check("o2o_clear_at_flush");
}

#[test]
fn m2o_clear_ctx() {
    check("m2o_clear_ctx");
}

#[test]
fn redelete_after_commit() {
    check("redelete_after_commit");
}

#[test]
fn stale_update() {
    check("stale_update");
}

#[test]
fn m2o_expired_old_parent() {
    check("m2o_expired_old_parent");
}

#[test]
fn m2o_reassign_bulk_deleted_parent() {
    check("m2o_reassign_bulk_deleted_parent");
}

#[test]
fn flask_view_content_type() {
    check("flask_view_content_type");
}

#[test]
fn engine_class_connect_event() {
    check("engine_class_connect_event");
}

#[test]
fn bind_reuse() {
    check("bind_reuse");
}

#[test]
fn augassign_errors() {
    check("augassign_errors");
}

#[test]
fn mapped_enum_annotation() {
    check("mapped_enum_annotation");
}

#[test]
fn enum_class_name() {
    check("enum_class_name");
}

#[test]
fn bulk_update_stale() {
    check("bulk_update_stale");
}

#[test]
fn before_insert_sets_values() {
    check("before_insert_sets_values");
}

#[test]
fn column_property_flush() {
    check("column_property_flush");
}

#[test]
fn union_nested_join() {
    check("union_nested_join");
}

#[test]
fn mapped_annotation_order() {
    check("mapped_annotation_order");
}

#[test]
fn engine_type_names() {
    check("engine_type_names");
}

#[test]
fn numeric_big_int() {
    check("numeric_big_int");
}

#[test]
fn redelete_rollback_expunge() {
    check("redelete_rollback_expunge");
}

#[test]
fn redelete_make_transient() {
    check("redelete_make_transient");
}

#[test]
fn select_dedupe_labels() {
    check("select_dedupe_labels");
}

#[test]
fn expression_big_int() {
    check("expression_big_int");
}

#[test]
fn operator_missing_operands() {
    check("operator_missing_operands");
}

#[test]
fn bind_key_ddl() {
    check("bind_key_ddl");
}

#[test]
fn backref_lambda_order_by() {
    check("backref_lambda_order_by");
}

#[test]
fn with_parent_string_is_insert() {
    check("with_parent_string_is_insert");
}

#[test]
fn table_dml_returning() {
    check("table_dml_returning");
}

#[test]
fn bind_key_tables() {
    check("bind_key_tables");
}

#[test]
fn operands_by_name() {
    check("operands_by_name");
}

#[test]
fn bulk_sync_given() {
    check("bulk_sync_given");
}

#[test]
fn deferred_column() {
    check("deferred_column");
}

#[test]
fn autocorrelate_all() {
    check("autocorrelate_all");
}

#[test]
fn relationship_type_checks() {
    check("relationship_type_checks");
}

#[test]
fn aliased_relationship_ops() {
    check("aliased_relationship_ops");
}

#[test]
fn aliased_self_m2m_any() {
    check("aliased_self_m2m_any");
}

#[test]
fn dict_views_abstract_query() {
    check("dict_views_abstract_query");
}

#[test]
fn column_descriptions() {
    check("column_descriptions");
}

#[test]
fn cast_label_dedupe() {
    check("cast_label_dedupe");
}

#[test]
fn json_loads_hooks() {
    check("json_loads_hooks");
}

#[test]
fn select_from_aliased() {
    check("select_from_aliased");
}

#[test]
fn deferred_pending_none() {
    check("deferred_pending_none");
}

#[test]
fn deferred_column_named() {
    check("deferred_column_named");
}

#[test]
fn deferred_refresh() {
    check("deferred_refresh");
}

#[test]
fn select_from_alias_filter_by() {
    check("select_from_alias_filter_by");
}

#[test]
fn relationship_type_inherited() {
    check("relationship_type_inherited");
}

#[test]
fn scalar_subquery_reused() {
    check("scalar_subquery_reused");
}

#[test]
fn enum_length_native() {
    check("enum_length_native");
}

#[test]
fn update_from_tables() {
    check("update_from_tables");
}

#[test]
fn staticmethod_default_kwonly() {
    check("staticmethod_default_kwonly");
}

#[test]
fn filter_by_attr_key() {
    check("filter_by_attr_key");
}

#[test]
fn contains_param_keyerror() {
    check("contains_param_keyerror");
}

#[test]
fn bind_unprocessed_types() {
    check("bind_unprocessed_types");
}

#[test]
fn join_alias_subquery_inferred() {
    check("join_alias_subquery_inferred");
}

#[test]
fn bind_refused_batched() {
    check("bind_refused_batched");
}

#[test]
fn join_alias_not_self() {
    check("join_alias_not_self");
}

#[test]
fn dict_after_flush_unset() {
    check("dict_after_flush_unset");
}

#[test]
fn kwarg_spellings() {
    check("kwarg_spellings");
}

#[test]
fn operator_truth() {
    check("operator_truth");
}

#[test]
fn expr_compile() {
    check("expr_compile");
}

#[test]
fn db_submodules() {
    check("db_submodules");
}

#[test]
fn request_context_reuse() {
    check("request_context_reuse");
}

#[test]
fn validates_extend_partial() {
    check("validates_extend_partial");
}

#[test]
fn with_variant() {
    check("with_variant");
}

#[test]
fn uppercase_types() {
    check("uppercase_types");
}

#[test]
fn notfound_attrs_object_session() {
    check("notfound_attrs_object_session");
}

#[test]
fn primaryjoin_lambda() {
    check("primaryjoin_lambda");
}

#[test]
fn definition_mistakes() {
    check("definition_mistakes");
}

#[test]
fn spelled_type_results() {
    check("spelled_type_results");
}

#[test]
fn one_to_one_compare() {
    check("one_to_one_compare");
}

#[test]
fn string_annotations() {
    check("string_annotations");
}

#[test]
fn failed_flush_tx_state() {
    check("failed_flush_tx_state");
}

#[test]
fn get_dict_identity() {
    check("get_dict_identity");
}

#[test]
fn delete_keeps_reference() {
    check("delete_keeps_reference");
}

#[test]
fn join_path_once() {
    check("join_path_once");
}

#[test]
fn join_mistakes() {
    check("join_mistakes");
}

#[test]
fn bulk_insert_none() {
    check("bulk_insert_none");
}

#[test]
fn dynamic_assign() {
    check("dynamic_assign");
}

#[test]
fn pagination_attrs() {
    check("pagination_attrs");
}

#[test]
fn exec_driver_sql() {
    check("exec_driver_sql");
}

#[test]
fn bulk_update_onupdate() {
    check("bulk_update_onupdate");
}

#[test]
fn update_context_onupdate() {
    check("update_context_onupdate");
}

#[test]
fn dynamic_assign_pending() {
    check("dynamic_assign_pending");
}

#[test]
fn get_tx_after_failed_flush() {
    check("get_tx_after_failed_flush");
}

#[test]
fn mapped_sort_order_insert_default() {
    check("mapped_sort_order_insert_default");
}

#[test]
fn validates_mro_flags() {
    check("validates_mro_flags");
}

#[test]
fn builtin_exceptions_more() {
    check("builtin_exceptions_more");
}

#[test]
fn sti_join_discriminator() {
    check("sti_join_discriminator");
}

#[test]
fn hybrid_select_keys() {
    check("hybrid_select_keys");
}

#[test]
fn text_refused_params() {
    check("text_refused_params");
}

#[test]
fn m2m_delete_stale() {
    check("m2m_delete_stale");
}

#[test]
fn m2m_delete_stale_many() {
    check("m2m_delete_stale_many");
}

#[test]
fn exec_driver_sql_counts() {
    check("exec_driver_sql_counts");
}

#[test]
fn string_attr_column_refs() {
    check("string_attr_column_refs");
}

#[test]
fn text_statement_count() {
    check("text_statement_count");
}

#[test]
fn delete_again_after_flush() {
    check("delete_again_after_flush");
}

#[test]
fn expire_refresh_cascade() {
    check("expire_refresh_cascade");
}

#[test]
fn py_small_semantics() {
    check("py_small_semantics");
}

#[test]
fn relationship_without_fk() {
    check("relationship_without_fk");
}

#[test]
fn flask_blueprints() {
    check("flask_blueprints");
}

#[test]
fn secret_keys() {
    check("secret_keys");
}

#[test]
fn deferred_with_column_property() {
    check("deferred_with_column_property");
}

#[test]
fn fk_kwarg_order() {
    check("fk_kwarg_order");
}

#[test]
fn m2m_both_sides() {
    check("m2m_both_sides");
}

#[test]
fn pending_relationship_compare() {
    check("pending_relationship_compare");
}

#[test]
fn enum_bind_lookup() {
    check("enum_bind_lookup");
}

#[test]
fn session_state_misc() {
    check("session_state_misc");
}

#[test]
fn bool_operands_check_text() {
    check("bool_operands_check_text");
}

#[test]
fn correlate_aliased() {
    check("correlate_aliased");
}

#[test]
fn m2m_duplicate_remove() {
    check("m2m_duplicate_remove");
}

#[test]
fn validates_duplicate_append() {
    check("validates_duplicate_append");
}

#[test]
fn enum_str_mixin() {
    check("enum_str_mixin");
}

#[test]
fn core_select_no_autoflush() {
    check("core_select_no_autoflush");
}

#[test]
fn write_only_rules() {
    check("write_only_rules");
}

#[test]
fn sorted_tables_cycle() {
    check("sorted_tables_cycle");
}

#[test]
fn model_class_base() {
    check("model_class_base");
}

#[test]
fn bool_readback_enum_repr() {
    check("bool_readback_enum_repr");
}

#[test]
fn statement_reprs_misc() {
    check("statement_reprs_misc");
}

#[test]
fn sqlite_planner_row_order() {
    check("sqlite_planner_joins");
}

#[test]
fn reconstructor_alias_misc() {
    check("reconstructor_alias_misc");
}

#[test]
fn late_relationships() {
    check("late_relationships");
}

#[test]
fn query_class_subclass() {
    check("query_class_subclass");
}

#[test]
fn query_class_of_db() {
    check("query_class_of_db");
}

#[test]
fn query_class_overrides() {
    check("query_class_overrides");
}
