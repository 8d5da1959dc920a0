//! The public names of `sqlalchemy` and `sqlalchemy.orm` (SQLAlchemy 2.0): what
//! `from sqlalchemy import X` may import, and what `db.X` gives (Flask-SQLAlchemy's
//! `SQLAlchemy.__getattr__` looks a name up in both modules).

/// The name is public in `sqlalchemy`.
pub const IN_SQLALCHEMY: u8 = 1;
/// The name is public in `sqlalchemy.orm`.
pub const IN_ORM: u8 = 2;

/// Each name once, in order, after the digit of the modules (`IN_SQLALCHEMY` |
/// `IN_ORM` bits) that have it, separated by spaces (one string: small in the page's
/// download).
const NAMES: &str = "1ARRAY 1AdaptedConnection 1Alias 2AliasOption 1AliasedReturnsRows 3Any 2AppenderQuery \
     1AssertionPool 1AsyncAdaptedQueuePool 2AttributeEventToken 2AttributeEvents \
     2AttributeState 1BIGINT 1BINARY 1BLANK_SCHEMA 1BLOB 1BOOLEAN 1BaseDDLElement 1BaseRow \
     1BigInteger 1BinaryExpression 1BindParameter 1BindTyping 1Boolean 1BooleanClauseList \
     2Bundle 1CHAR 1CLOB 1CTE 1CacheKey 2CascadeOptions 1Case 1Cast 1CheckConstraint \
     1ChunkedIteratorResult 2ClassManager 1ClauseElement 1ClauseList 1CollectionAggregate \
     1Column 1ColumnClause 1ColumnCollection 1ColumnDefault 1ColumnElement \
     1ColumnExpressionArgument 1ColumnOperators 2ColumnProperty 1Compiled 2Composite \
     2CompositeProperty 1CompoundSelect 1Computed 1Connection 1Constraint 1CreateEnginePlugin \
     1CursorResult 1DATE 1DATETIME 1DDL 1DDLElement 1DECIMAL 1DOUBLE 1DOUBLE_PRECISION 1Date \
     1DateTime 2DeclarativeBase 2DeclarativeBaseNoMeta 2DeclarativeMeta 1DefaultClause \
     1Delete 1Dialect 1Double 2DynamicMapped 2EXT_CONTINUE 2EXT_SKIP 2EXT_STOP 1Engine 1Enum \
     1ExceptionContext 1Executable 1ExecutableDDLElement 1ExecutionContext 1Exists 1Extract \
     1FLOAT 1FallbackAsyncAdaptedQueuePool 1False_ 1FetchedValue 1Float 1ForeignKey \
     1ForeignKeyConstraint 1FromClause 1FromGrouping 2FromStatement 1FrozenResult 1Function \
     1FunctionElement 1FunctionFilter 1GenerativeSelect 1Grouping 1HasCTE 1HasPrefixes \
     1HasSuffixes 1INT 1INTEGER 1Identity 2IdentityMap 1Index 1Insert 2InspectionAttr \
     2InspectionAttrExtensionType 2InspectionAttrInfo 1Inspector 2InstanceEvents \
     2InstanceState 2InstrumentationEvents 2InstrumentedAttribute 1Integer 1Interval \
     1IteratorResult 1JSON 1Join 2KeyFuncDict 1LABEL_STYLE_DEFAULT \
     1LABEL_STYLE_DISAMBIGUATE_ONLY 1LABEL_STYLE_NONE 1LABEL_STYLE_TABLENAME_PLUS_COL 1Label \
     1LambdaElement 1LargeBinary 1Lateral 2Load 2LoaderCallableStatus 2LoaderCriteriaOption \
     2MANYTOMANY 2MANYTOONE 2Mapped 2MappedAsDataclass 2MappedClassProtocol 2MappedCollection \
     2MappedColumn 2MappedSQLExpression 2Mapper 2MapperEvents 2MapperProperty 1MappingResult \
     1MergedResult 1MetaData 1NCHAR 2NO_KEY 2NO_VALUE 1NUMERIC 1NVARCHAR 1NestedTransaction \
     2NotExtension 1NotNullable 1Null 1NullPool 1Nullable 1Numeric 2ONETOMANY 2ORMDescriptor \
     2ORMExecuteState 1Operators 1Over 2PassiveFlag 1PickleType 1Pool 1PoolProxiedConnection \
     1PoolResetState 1PrimaryKeyConstraint 2PropComparator 2Query 2QueryContext 2QueryEvents \
     2QueryPropertyDescriptor 2QueryableAttribute 1QueuePool 1REAL 2Relationship \
     2RelationshipDirection 2RelationshipProperty 1ReleaseSavepointClause 1Result \
     1ResultProxy 1ReturnsRows 1RollbackToSavepointClause 1RootTransaction 1Row 1RowMapping \
     1SMALLINT 1SQLColumnExpression 2SQLORMExpression 1SavepointClause 1ScalarResult \
     1ScalarSelect 1Select 1SelectBase 1SelectLabelStyle 1Selectable 1Sequence 2Session \
     2SessionEvents 2SessionTransaction 2SessionTransactionOrigin 1SingletonThreadPool \
     1SmallInteger 1StatementLambdaElement 1StaticPool 1String 1Subquery 2Synonym \
     2SynonymProperty 1TEXT 1TIME 1TIMESTAMP 1Table 1TableClause 1TableSample \
     1TableValuedAlias 1Text 1TextAsFrom 1TextClause 1TextualSelect 1Time 1Transaction 1True_ \
     1TryCast 1Tuple 1TupleType 1TwoPhaseTransaction 1TypeClause 1TypeCoerce 1TypeCompiler \
     1TypeDecorator 2UOWTransaction 1URL 1UUID 1UnaryExpression 1Unicode 1UnicodeText \
     1UniqueConstraint 1Update 1UpdateBase 2UserDefinedOption 1Uuid 1VARBINARY 1VARCHAR \
     1Values 1ValuesBase 1Visitable 1WithinGroup 2WriteOnlyCollection 2WriteOnlyMapped \
     2add_mapped_attribute 1alias 2aliased 1all_ 1and_ 3annotations 1any_ 2as_declarative \
     1asc 2attribute_keyed_dict 2attribute_mapped_collection 2attributes 2backref 2base \
     1between 1bindparam 1bitwise_not 2bulk_persistence 1case 1cast 2class_mapper \
     2clear_mappers 2close_all_sessions 2clsregistry 1collate 2collections 1column \
     2column_keyed_dict 2column_mapped_collection 2column_property 2composite \
     2configure_mappers 2contains_alias 2contains_eager 2context 1create_engine \
     1create_mock_engine 1create_pool_from_url 2create_session 1cte 1custom_op 1cyextension \
     2decl_api 2decl_base 2declarative_base 2declarative_mixin 2declared_attr 2defaultload \
     2defer 2deferred 1delete 2dependency 1desc 2descriptor_props 1dialects 1distinct \
     2dynamic 2dynamic_loader 1engine 1engine_from_config 2evaluator 1event 2events 3exc \
     1except_ 1except_all 1exists 1extract 1false 2foreign 1func 1funcfilter 1future \
     2has_inherited_table 2identity 2immediateload 1insert 1insert_sentinel 1inspect \
     1inspection 2instrumentation 2interfaces 1intersect 1intersect_all 3join 2joinedload \
     2keyfunc_mapping 1label 1lambda_stmt 1lateral 2lazyload 1literal 1literal_column \
     2load_only 2loading 1log 2make_transient 2make_transient_to_detached 1make_url \
     2mapped_as_dataclass 2mapped_collection 2mapped_column 2mapper 2mapperlib \
     2merge_frozen_result 2merge_result 1modifier 2noload 1not_ 1null 1nulls_first \
     1nulls_last 1nullsfirst 1nullslast 2object_mapper 2object_session 1or_ 1orm \
     2orm_insert_sentinel 3outerjoin 1outparam 1over 2path_registry 2persistence \
     2polymorphic_union 1pool 2properties 2query 2query_expression 1quoted_name 2raiseload \
     2reconstructor 2registry 2relationship 2relationships 2remote 1result_tuple 1schema \
     2scoped_session 2scoping 1select 2selectin_polymorphic 2selectinload 2session \
     2sessionmaker 1sql 2state 2state_changes 2strategies 2strategy_options 2subqueryload \
     2sync 2synonym 2synonym_for 1table 1tablesample 1text 1true 1try_cast 1tuple_ \
     1type_coerce 1types 2undefer 2undefer_group 1union 1union_all 2unitofwork 1update 3util \
     2validates 1values 2was_deleted 2with_expression 2with_loader_criteria 2with_parent \
     2with_polymorphic 1within_group 2writeonly";

/// The modules (`IN_SQLALCHEMY` | `IN_ORM` bits) where `name` is public; 0 when none.
pub fn modules_of(name: &str) -> u8 {
    NAMES
        .split(' ')
        .find(|e| e.get(1..) == Some(name))
        .and_then(|e| e.bytes().next())
        .map_or(0, |d| d.wrapping_sub(b'0'))
}

/// True when `name` is public in one of the `modules` (bits).
pub fn has(name: &str, modules: u8) -> bool {
    modules_of(name) & modules != 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_sorted_and_found() {
        assert_eq!(NAMES.split(' ').count(), 432);
        assert_eq!(modules_of("select"), IN_SQLALCHEMY);
        assert_eq!(modules_of("event"), IN_SQLALCHEMY);
        assert_eq!(modules_of("relationship"), IN_ORM);
        assert_eq!(modules_of("Integer"), IN_SQLALCHEMY);
        assert_eq!(modules_of("nope"), 0);
    }
}
