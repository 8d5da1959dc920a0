//! Text builtins: `print`, `repr`, `ascii`, `str`, `format`, `chr`, `ord`.

use crate::core::interp::call::Kw;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};

impl Interp<'_> {
    /// The text builtins (`print`, `repr`, `str`, `format`...).
    pub(super) fn call_text_builtin(&mut self, name: &str, args: Vec<Value>, kw: Kw) -> R<Value> {
        match name {
            "print" => {
                let mut sep = " ".to_string();
                let mut end = "\n".to_string();
                for (k, v) in &kw {
                    match (&**k, v) {
                        ("sep", Value::Str(s)) => sep = s.to_string(),
                        ("end", Value::Str(s)) => end = s.to_string(),
                        ("sep" | "end", Value::None) => {}
                        ("flush" | "file", _) => {}
                        _ => {
                            return self.raise(
                                "TypeError",
                                format!("'{k}' is an invalid keyword argument for print()"),
                            );
                        }
                    }
                }
                // The print's own place: a `__repr__` called below moves `cur_span`.
                let (span, source) = (self.cur_span, self.source);
                let mut parts = Vec::with_capacity(args.len());
                for a in &args {
                    match self.to_str(a) {
                        Ok(p) => parts.push(p),
                        Err(e) => {
                            // (Python writes each argument as it goes: what came before
                            // the failing one is printed, its separator too.)
                            if !parts.is_empty() {
                                self.out.push_str(&parts.join(&sep));
                                self.out.push_str(&sep);
                            }
                            return Err(e);
                        }
                    }
                }
                (self.cur_span, self.source) = (span, source);
                for a in &args {
                    self.record_table(a)?;
                }
                self.out.push_str(&parts.join(&sep));
                self.out.push_str(&end);
                Ok(Value::None)
            }
            "repr" => Ok(Value::str(&self.repr(&args[0])?)),
            "ascii" => {
                let r = self.repr(&args[0])?;
                Ok(Value::str(&crate::core::py::percent::ascii_escape(&r)))
            }
            "str" => match args.first() {
                None => Ok(Value::str("")),
                Some(v) => Ok(Value::str(&self.to_str(v)?)),
            },
            "format" => {
                let spec = match args.get(1) {
                    Some(Value::Str(s)) => s.to_string(),
                    _ => String::new(),
                };
                Ok(Value::str(&self.format_value(&args[0], &spec)?))
            }
            "chr" => {
                let i = self.as_index(&args[0])?;
                match char::from_u32(i as u32) {
                    Some(c) => Ok(Value::str(c.encode_utf8(&mut [0; 4]))),
                    None => self.raise("ValueError", "chr() arg not in range(0x110000)"),
                }
            }
            "ord" => match &args[0] {
                Value::Str(s) if s.chars().count() == 1 => {
                    Ok(Value::int(s.chars().next().map(|c| c as i64).unwrap_or(0)))
                }
                _ => self.raise("TypeError", "ord() expected a character"),
            },
            _ => self.not_callable(name),
        }
    }
}
