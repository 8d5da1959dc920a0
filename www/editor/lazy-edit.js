// Editing aids loaded when an editor is first focused (see loadEditing in editor.js):
// bracket closing and the completion popup. A first visit that only reads (or runs the
// example) never downloads them.
export {
  autocompletion, completionKeymap, closeBrackets, closeBracketsKeymap,
} from '@codemirror/autocomplete';
