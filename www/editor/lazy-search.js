// The search panel and search commands, loaded when a search key is first pressed: see
// searchCommand in editor.js.
export {
  openSearchPanel, closeSearchPanel, findNext, findPrevious, selectSelectionMatches, gotoLine, selectNextOccurrence,
} from '@codemirror/search';
