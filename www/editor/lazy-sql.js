// The SQL language (highlighting, completion of keywords and of the live schema's tables
// and columns), loaded when a SQL editor is first shown: see loadSql in editor.js.
export { sql, SQLite } from '@codemirror/lang-sql';
