//! Bindings to the CodeMirror bundle (`www/editor/editor.js` → `window.ormlabEditor`).

use crate::json::{ObjectWriter, ToJson};
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A live editor created by `ormlabEditor.create`.
    #[derive(Clone)]
    pub type EditorHandle;

    #[wasm_bindgen(js_namespace = ormlabEditor, js_name = create, catch)]
    fn js_create(parent: &web_sys::Element, opts: &js_sys::Object)
    -> Result<EditorHandle, JsValue>;

    /// The whole text.
    #[wasm_bindgen(method, js_name = getText)]
    pub fn get_text(this: &EditorHandle) -> String;
    #[wasm_bindgen(method, js_name = setText)]
    fn js_set_text(this: &EditorHandle, text: &str);
    #[wasm_bindgen(method, js_name = getSelection)]
    fn js_get_selection(this: &EditorHandle) -> JsValue;
    /// Focuses the editor.
    #[wasm_bindgen(method)]
    pub fn focus(this: &EditorHandle);
    #[wasm_bindgen(method, js_name = setDiagnostics)]
    fn js_set_diagnostics(this: &EditorHandle, diags: &JsValue);
    /// Moves the cursor to a 1-based line and column.
    #[wasm_bindgen(method, js_name = goTo)]
    pub fn go_to(this: &EditorHandle, line: u32, col: u32);
    /// Re-measures the editor after it was hidden.
    #[wasm_bindgen(method)]
    pub fn refresh(this: &EditorHandle);
    #[wasm_bindgen(method, js_name = setSchema)]
    fn js_set_schema(this: &EditorHandle, schema: &JsValue);
}

/// A diagnostic to mark in the editor (1-based, columns in characters).
#[derive(Debug, Clone)]
pub struct Mark {
    /// Start line.
    pub line: u32,
    /// Start column.
    pub col: u32,
    /// End line.
    pub end_line: u32,
    /// End column.
    pub end_col: u32,
    /// Message shown on hover.
    pub message: String,
    /// `error` or `warning`.
    pub severity: &'static str,
}

impl ToJson for Mark {
    fn to_json(&self, out: &mut String) {
        crate::json::write_fields!(out, {
            line = &self.line,
            col = &self.col,
            end_line: "endLine" = &self.end_line,
            end_col: "endCol" = &self.end_col,
            message = &self.message,
            severity = self.severity,
        });
    }
}

/// What the editor reports back.
pub struct Callbacks {
    /// Ctrl/Cmd+Enter.
    pub on_run: Box<dyn Fn()>,
    /// Shift+Enter.
    pub on_run_at_cursor: Box<dyn Fn()>,
}

/// Creates an editor for `language` (`sql` or `python`) inside `parent`.
pub fn create(
    parent: &web_sys::Element,
    language: &str,
    doc: &str,
    label: &str,
    cb: Callbacks,
) -> Option<EditorHandle> {
    let opts = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(&opts, &k.into(), v);
    };
    set("language", &language.into());
    set("doc", &doc.into());
    set("label", &label.into());
    let run = Closure::<dyn Fn()>::new(cb.on_run);
    let run_at = Closure::<dyn Fn()>::new(cb.on_run_at_cursor);
    set("onRun", run.as_ref());
    set("onRunAtCursor", run_at.as_ref());
    run.forget();
    run_at.forget();
    js_create(parent, &opts).ok()
}

impl EditorHandle {
    /// The main selection as UTF-16 offsets `(from, to, head)`.
    pub fn selection(&self) -> (usize, usize, usize) {
        let s = self.js_get_selection();
        let get = |k: &str| {
            js_sys::Reflect::get(&s, &k.into())
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0) as usize
        };
        (get("from"), get("to"), get("head"))
    }

    /// Replaces the marked diagnostics.
    pub fn set_marks(&self, marks: &[Mark]) {
        if let Ok(v) = js_sys::JSON::parse(&crate::json::to_string(marks)) {
            self.js_set_diagnostics(&v);
        }
    }

    /// Sets the tables and columns offered by completion.
    pub fn set_schema(&self, tables: &[crate::db::TableInfo]) {
        // {table: [column, ...]} (`tables` come sorted by name).
        let mut json = String::new();
        let mut o = ObjectWriter::new(&mut json);
        for t in tables {
            let columns: Vec<&str> = t.columns.iter().map(|c| c.name.as_str()).collect();
            o.key(&t.name, &columns);
        }
        o.end();
        if let Ok(v) = js_sys::JSON::parse(&json) {
            self.js_set_schema(&v);
        }
    }
}

/// Replaces the editor's whole text (e.g. restored from the workspace store).
pub fn set_text(handle: &EditorHandle, text: &str) {
    handle.js_set_text(text);
}
