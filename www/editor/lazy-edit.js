// Editing aids loaded when an editor is first focused (see loadEditing in editor.js):
// bracket closing, the completion popup and ormlab's Python completion source. A first
// visit that only reads (or runs the example) never downloads them.
export {
  autocompletion, completionKeymap, closeBrackets, closeBracketsKeymap,
} from '@codemirror/autocomplete';

// ---- Python completion: models, columns, relationships, Query/session/db members ----

const QUERY_METHODS = ['all', 'first', 'one', 'one_or_none', 'get', 'get_or_404', 'first_or_404', 'filter',
  'filter_by', 'order_by', 'limit', 'offset', 'count', 'distinct', 'join', 'outerjoin', 'group_by', 'having',
  'with_entities', 'paginate', 'update', 'delete', 'exists', 'select_from', 'options', 'scalar'];
const SESSION_METHODS = ['add', 'add_all', 'commit', 'rollback', 'flush', 'delete', 'execute', 'scalars',
  'scalar', 'get', 'query', 'refresh', 'expire', 'expire_all', 'close', 'merge', 'no_autoflush'];
const DB_MEMBERS = ['Model', 'Column', 'Integer', 'String', 'Text', 'Boolean', 'DateTime', 'Date', 'Float',
  'Numeric', 'JSON', 'LargeBinary', 'ForeignKey', 'relationship', 'backref', 'Table', 'UniqueConstraint',
  'Index', 'CheckConstraint', 'session', 'create_all', 'drop_all', 'metadata', 'select', 'func', 'text',
  'paginate', 'get_or_404', 'first_or_404', 'one_or_404', 'joinedload', 'selectinload', 'subqueryload'];
const PRELUDE = ['db', 'app', 'datetime', 'date', 'timedelta', 'or_', 'and_', 'not_', 'func', 'desc', 'asc',
  'text', 'select', 'print', 'len', 'sorted', 'sum', 'range', 'enumerate', 'isinstance', 'repr', 'str',
  'dict', 'list', 'set', 'tuple', 'getattr', 'round', 'min', 'max', 'zip', 'type'];
const COLUMN_METHODS = ['like', 'ilike', 'in_', 'not_in', 'is_', 'is_not', 'between', 'contains', 'startswith',
  'endswith', 'desc', 'asc', 'label', 'any', 'has'];

function scanModels(pythonTexts) {
  const models = new Map();
  for (const get of pythonTexts) {
    const text = get();
    const classRe = /^class\s+([A-Za-z_]\w*)\s*\(([^)]*)\)\s*:/gm;
    let m;
    while ((m = classRe.exec(text))) {
      const name = m[1];
      const start = classRe.lastIndex;
      const next = text.slice(start).search(/^\S/m);
      const body = next < 0 ? text.slice(start) : text.slice(start, start + next);
      const attrs = [];
      const attrRe = /^\s+([A-Za-z_]\w*)\s*(?::[^=\n]*)?=\s*(?:db\.)?(Column|relationship|mapped_column|column_property)\b/gm;
      let a;
      while ((a = attrRe.exec(body))) attrs.push({ label: a[1], type: a[2] === 'relationship' ? 'property' : 'variable', detail: a[2] });
      models.set(name, attrs);
    }
  }
  return models;
}

export function pythonCompletions(context, pythonTexts) {
  const word = context.matchBefore(/[\w.]*\w*$/);
  if (!word || (word.from === word.to && !context.explicit)) return null;
  const text = word.text;
  const dot = text.lastIndexOf('.');
  const models = scanModels(pythonTexts);
  const opts = (list, type) => list.map((label) => (typeof label === 'string' ? { label, type } : label));
  if (dot < 0) {
    return {
      from: word.from,
      options: [...[...models.keys()].map((label) => ({ label, type: 'class', detail: 'model' })), ...opts(PRELUDE, 'variable')],
      validFor: /^\w*$/,
    };
  }
  const owner = text.slice(0, dot);
  const from = word.from + dot + 1;
  let options;
  if (owner === 'db') options = opts(DB_MEMBERS, 'property');
  else if (owner === 'db.session') options = opts(SESSION_METHODS, 'method');
  else if (/\.query$/.test(owner) || owner.endsWith(')')) options = opts(QUERY_METHODS, 'method');
  else if (models.has(owner)) options = [...models.get(owner), { label: 'query', type: 'property' }, { label: '__tablename__', type: 'variable' }];
  else if (models.has(owner.split('.')[0]) && owner.includes('.')) options = opts(COLUMN_METHODS, 'method');
  else return null;
  return { from, options, validFor: /^\w*$/ };
}

