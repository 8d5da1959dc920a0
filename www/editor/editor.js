// ormlab's editor: CodeMirror 6 configured for the SQL console and the Python editors.
// Bundled by www/build.mjs into www/gen/editor/ (ES modules: editor.js defines
// `window.ormlabEditor`; lazy-sql.js and lazy-search.js are loaded when first needed),
// which Trunk copies into dist/editor/. The Rust UI drives it through the small handle
// returned by `create` (see src/web/editor.rs).
import { EditorState, Compartment, StateEffect, StateField, RangeSet } from '@codemirror/state';
import {
  EditorView, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  Decoration, gutter, GutterMarker, ViewPlugin,
} from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import {
  bracketMatching, indentOnInput, syntaxHighlighting, HighlightStyle,
  LanguageSupport,
} from '@codemirror/language';
// (The Python grammar without lang-python's own completion sources, whose snippets would
// bring @codemirror/autocomplete into the first load: ormlab's completion is below.)
import { pythonLanguage } from '@codemirror/lang-python';
import { tags as t } from '@lezer/highlight';

const highlight = HighlightStyle.define([
  { tag: t.keyword, color: 'var(--syn-keyword)', fontWeight: '600' },
  { tag: [t.string, t.special(t.string)], color: 'var(--syn-string)' },
  { tag: [t.number, t.bool, t.null], color: 'var(--syn-number)' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: 'var(--syn-comment)', fontStyle: 'italic' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: 'var(--syn-function)' },
  { tag: [t.typeName, t.className], color: 'var(--syn-type)' },
  { tag: [t.operator, t.punctuation], color: 'var(--syn-operator)' },
  { tag: t.definition(t.variableName), color: 'var(--syn-definition)' },
  { tag: t.propertyName, color: 'var(--syn-property)' },
]);

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '14px', backgroundColor: 'var(--editor-bg)', color: 'var(--fg)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-content': { caretColor: 'var(--accent)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--accent)' },
  '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, .cm-content ::selection': {
    backgroundColor: 'var(--selection) !important',
  },
  '.cm-gutters': { backgroundColor: 'var(--gutter-bg)', color: 'var(--muted)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'var(--active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--active-line)' },
  '.cm-specialChar': { backgroundColor: 'rgba(220, 50, 50, 0.3)' },
  '.cm-zeroWidth::before': { content: '"\\2022"', color: '#d33' },
  '.cm-matchingBracket': { backgroundColor: 'var(--bracket)', outline: '1px solid var(--muted)' },
  '.cm-tooltip': { backgroundColor: 'var(--panel)', color: 'var(--fg)', border: '1px solid var(--border)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--accent)', color: 'var(--accent-fg)' },
  '.cm-panels': { backgroundColor: 'var(--panel)', color: 'var(--fg)' },
  '.cm-searchMatch': { backgroundColor: 'var(--search-match)' },
  '.cm-selectionMatch': { backgroundColor: 'var(--bracket)' },
  '.cm-lintRange': { textDecoration: 'underline wavy var(--danger)', textUnderlineOffset: '3px' },
  '.cm-lintRange-warning': { textDecorationColor: 'var(--warn)' },
  '.cm-lint-marker': { color: 'var(--danger)', padding: '0 3px', fontSize: '10px', cursor: 'default' },
  '.cm-lint-marker-warning': { color: 'var(--warn)' },
});

// ---- Error marks: the engine's positioned errors, underlined in the text (the message
// as the range's tooltip) and flagged in a gutter. (@codemirror/lint's panel, linter
// sources and tooltips would be 6 KB gzip of the download for what ormlab never uses:
// its diagnostics come from running, listed with line:col in the errors panel.)
const setMarks = StateEffect.define();
class ErrorMarker extends GutterMarker {
  constructor(message, severity) { super(); this.message = message; this.severity = severity; }
  eq(other) { return other.message === this.message && other.severity === this.severity; }
  toDOM() {
    const el = document.createElement('div');
    el.className = 'cm-lint-marker cm-lint-marker-' + this.severity;
    el.title = this.message;
    el.textContent = '●';
    return el;
  }
}
// {ranges: DecorationSet, lines: RangeSet<ErrorMarker>}, mapped through edits.
const marks = StateField.define({
  create: () => ({ ranges: Decoration.none, lines: RangeSet.empty }),
  update(value, tr) {
    for (const e of tr.effects) if (e.is(setMarks)) return e.value;
    return tr.docChanged ? { ranges: value.ranges.map(tr.changes), lines: value.lines.map(tr.changes) } : value;
  },
  provide: (f) => EditorView.decorations.from(f, (v) => v.ranges),
});
const errorGutter = gutter({ class: 'cm-gutter-lint', markers: (view) => view.state.field(marks).lines });
function marksOf(state, list) {
  const ranges = [];
  const lines = new Map();
  for (const d of list) {
    const deco = Decoration.mark({ class: 'cm-lintRange cm-lintRange-' + d.severity, attributes: { title: d.message } });
    if (d.to > d.from) ranges.push(deco.range(d.from, d.to));
    const at = state.doc.lineAt(d.from).from;
    const seen = lines.get(at);
    lines.set(at, seen
      ? { message: seen.message + '\n' + d.message, severity: seen.severity === 'error' ? 'error' : d.severity }
      : { message: d.message, severity: d.severity });
  }
  return {
    ranges: Decoration.set(ranges, true),
    lines: RangeSet.of([...lines].map(([at, m]) => new ErrorMarker(m.message, m.severity).range(at)), true),
  };
}

// ---- Loaded when first needed (their own chunks, not part of the page's first load):
// the SQL language when a SQL editor is first shown, the search panel and its commands
// when a search key is first pressed.
let sqlModule = null;
let sqlLoading = null;
const loadSql = () => (sqlLoading ??= import('./lazy-sql.js').then((m) => (sqlModule = m)));
let searchModule = null;
let searchLoading = null;
const loadSearch = () => (searchLoading ??= import('./lazy-search.js').then((m) => (searchModule = m)));
// Bracket closing and the completion popup, when an editor is first focused.
let editingLoading = null;
const loadEditing = () => (editingLoading ??= import('./lazy-edit.js'));
const editingOf = (m) => (pythonSource = m.pythonCompletions, [
  m.closeBrackets(), m.autocompletion(),
  keymap.of([...m.closeBracketsKeymap, ...m.completionKeymap]),
]);

// A command of the search module: run at once when it is loaded, else once it is. (The
// command sets the focus itself: the search panel's field for Mod-f.)
function searchCommand(name) {
  return (view) => {
    loadSearch().then((m) => { if (view.dom.isConnected) m[name](view); });
    return true;
  };
}
// The keys of @codemirror/search's searchKeymap, each loading the module first.
const searchKeys = keymap.of([
  { key: 'Mod-f', run: searchCommand('openSearchPanel'), scope: 'editor search-panel' },
  { key: 'F3', run: searchCommand('findNext'), shift: searchCommand('findPrevious'), scope: 'editor search-panel', preventDefault: true },
  { key: 'Mod-g', run: searchCommand('findNext'), shift: searchCommand('findPrevious'), scope: 'editor search-panel', preventDefault: true },
  // (No panel is open before the module is loaded: Escape is then left to others.)
  { key: 'Escape', run: (view) => searchModule?.closeSearchPanel(view) ?? false, scope: 'editor search-panel' },
  { key: 'Mod-Shift-l', run: searchCommand('selectSelectionMatches') },
  { key: 'Mod-Alt-g', run: searchCommand('gotoLine') },
  { key: 'Mod-d', run: searchCommand('selectNextOccurrence'), preventDefault: true },
]);

// Other occurrences of the selected text (one line, not blank) in the visible part of the
// document are marked, as @codemirror/search's highlightSelectionMatches marks them.
const selectionMatch = Decoration.mark({ class: 'cm-selectionMatch' });
function selectionMatches(view) {
  const sel = view.state.selection;
  const range = sel.main;
  if (sel.ranges.length > 1 || range.empty) return Decoration.none;
  const line = view.state.doc.lineAt(range.from);
  if (range.to > line.to) return Decoration.none;
  const text = view.state.sliceDoc(range.from, range.to);
  if (!text.trim() || text.length > 200) return Decoration.none;
  const found = [];
  for (const { from, to } of view.visibleRanges) {
    const visible = view.state.sliceDoc(from, to);
    for (let i = visible.indexOf(text); i >= 0; i = visible.indexOf(text, i + text.length)) {
      const at = from + i;
      if (at !== range.from) found.push(selectionMatch.range(at, at + text.length));
      if (found.length > 100) return Decoration.set(found);
    }
  }
  return Decoration.set(found);
}
const highlightSelections = ViewPlugin.fromClass(class {
  constructor(view) { this.decorations = selectionMatches(view); }
  update(u) { if (u.selectionSet || u.docChanged || u.viewportChanged) this.decorations = selectionMatches(u.view); }
}, { decorations: (v) => v.decorations });

// Characters that look like a space or like nothing (a non-breaking space pasted from a
// web page, zero-width and direction marks, control characters) are marked, so that an
// error at one can be seen: a small stand-in for @codemirror/view's highlightSpecialChars,
// whose table of character names costs 1.8 KB gzip on a first visit.
const SPECIAL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00a0\u00ad\u061c\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2066\ufeff\ufff9-\ufffc]/g;
function specialMarks(view) {
  const found = [];
  for (const { from, to } of view.visibleRanges) {
    const text = view.state.doc.sliceString(from, to);
    for (const m of text.matchAll(SPECIAL)) {
      const c = m[0];
      found.push(Decoration.mark({
        class: c === '\u00a0' ? 'cm-specialChar' : 'cm-specialChar cm-zeroWidth',
        attributes: { title: `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` },
      }).range(from + m.index, from + m.index + 1));
    }
  }
  return Decoration.set(found);
}
const specialChars = ViewPlugin.fromClass(class {
  constructor(view) { this.decorations = specialMarks(view); }
  update(u) { if (u.docChanged || u.viewportChanged) this.decorations = specialMarks(u.view); }
}, { decorations: (v) => v.decorations });

// ---- Python completion (models, columns, relationships, Query/session/db members): the
// source is in lazy-edit.js, with the completion popup; it reads every Python editor's text.
const pythonTexts = new Set(); // getters of every Python editor's text (models + script)
let pythonSource = null; // set once lazy-edit.js is loaded
const pythonCompletions = (context) => (pythonSource ? pythonSource(context, pythonTexts) : null);

function language(kind, schema) {
  if (kind === 'python') {
    return new LanguageSupport(pythonLanguage, pythonLanguage.data.of({ autocomplete: pythonCompletions }));
  }
  // (Until the SQL language is loaded, a SQL editor is plain text.)
  if (!sqlModule) return [];
  return sqlModule.sql({ dialect: sqlModule.SQLite, schema: schema || {}, upperCaseKeywords: false });
}

// Converts a 1-based line and a 1-based column counted in Unicode code points to a doc offset.
function posOf(doc, line, col) {
  const l = doc.line(Math.min(Math.max(line, 1), doc.lines));
  let offset = 0;
  let seen = 1;
  const text = l.text;
  while (seen < col && offset < text.length) {
    const code = text.codePointAt(offset);
    offset += code > 0xffff ? 2 : 1;
    seen++;
  }
  return l.from + offset;
}

/**
 * Creates an editor in `parent`. Options: {language: 'sql'|'python', doc, onChange(text),
 * onRun(), onRunAtCursor()}. Returns a handle used by the Rust UI.
 */
function create(parent, opts) {
  const lang = new Compartment();
  let completionSchema = {};
  const runKeys = keymap.of([
    { key: 'Mod-Enter', preventDefault: true, run: () => { opts.onRun && opts.onRun(); return true; } },
    { key: 'Shift-Enter', preventDefault: true, run: () => { opts.onRunAtCursor && opts.onRunAtCursor(); return true; } },
  ]);
  let view;
  // Bracket closing and completion join the editor once their module is loaded (at its
  // first focus), ahead of the default keymap as @codemirror/basic-setup orders them.
  const editing = new Compartment();
  const withEditing = () => loadEditing().then((m) => {
    if (view && view.dom.isConnected) view.dispatch({ effects: editing.reconfigure(editingOf(m)) });
  });
  if (opts.language === 'python') pythonTexts.add(() => (view ? view.state.doc.toString() : ''));
  view = new EditorView({
    parent,
    state: EditorState.create({
      doc: opts.doc || '',
      extensions: [
        runKeys,
        lineNumbers(), highlightActiveLineGutter(), specialChars, history(),
        // (The browser's own selection and caret, styled by the theme: CodeMirror's
        // drawn selection, which only multiple cursors need, is 2.2 KB gzip.)
        indentOnInput(),
        syntaxHighlighting(highlight), bracketMatching(), editing.of([]),
        highlightActiveLine(), highlightSelections,
        marks, errorGutter,
        searchKeys,
        keymap.of([
          ...defaultKeymap, ...historyKeymap, indentWithTab,
        ]),
        lang.of(language(opts.language, completionSchema)),
        theme,
        EditorView.updateListener.of((u) => {
          if (u.docChanged && opts.onChange) opts.onChange(u.state.doc.toString());
        }),
        EditorView.contentAttributes.of({ 'aria-label': opts.label || 'editor', spellcheck: 'false' }),
        EditorView.domEventHandlers({ focus: () => { withEditing(); } }),
      ],
    }),
  });
  // A SQL editor gets its language once it is first shown (the SQL console is a tab).
  if (opts.language !== 'python') {
    const seen = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      seen.disconnect();
      loadSql().then(() => view.dispatch({ effects: lang.reconfigure(language(opts.language, completionSchema)) }));
    });
    seen.observe(view.dom);
  }
  return {
    view,
    getText: () => view.state.doc.toString(),
    setText: (text) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }),
    /** {from, to, head} as UTF-16 offsets of the main selection. */
    getSelection: () => {
      const r = view.state.selection.main;
      return { from: r.from, to: r.to, head: r.head };
    },
    focus: () => view.focus(),
    /** diags: [{line, col, endLine, endCol, message, severity}] with 1-based code-point columns. */
    setDiagnostics: (diags) => {
      const doc = view.state.doc;
      const list = (diags || []).map((d) => {
        const from = posOf(doc, d.line, d.col);
        let to = d.endLine ? posOf(doc, d.endLine, d.endCol) : from;
        if (to <= from) to = Math.min(from + 1, doc.length);
        return { from: Math.min(from, doc.length), to, severity: d.severity || 'error', message: d.message };
      });
      view.dispatch({ effects: setMarks.of(marksOf(view.state, list)) });
    },
    /** Moves the cursor to a 1-based line/column and focuses the editor. */
    goTo: (line, col) => {
      const pos = posOf(view.state.doc, line, col);
      view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
      view.focus();
    },
    /** Re-measures after the editor was hidden (tabs). */
    refresh: () => view.requestMeasure(),
    /** schema: {table: [column, ...]} for completion. */
    setSchema: (schema) => {
      completionSchema = schema || {};
      view.dispatch({ effects: lang.reconfigure(language(opts.language, completionSchema)) });
    },
  };
}

self.ormlabEditor = { create };
