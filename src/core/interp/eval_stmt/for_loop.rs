//! What a `for` loop reads its items from, one at a time, as CPython's iterators do: a
//! list by index (items appended in the body are reached, a removal shifts what comes
//! next), a dict or set with a check that the body did not change its size, a user
//! iterator through `__next__`, a library iterator (a Result, a generator) by its own
//! next item; anything else is iterated first.

use std::rc::Rc;

use crate::core::interp::orm::Native;
use crate::core::interp::value::{Dict, Value};
use crate::core::interp::{Interp, R};

/// The items a `for` loop goes through.
pub(super) enum LoopSource {
    /// A list, read by index.
    List(Rc<std::cell::RefCell<Vec<Value>>>, usize),
    /// A dict's keys or a set's members as they were, the container, its size then
    /// and whether it is a set (for the message).
    Sized(
        std::vec::IntoIter<Value>,
        Rc<std::cell::RefCell<Dict>>,
        usize,
        bool,
    ),
    /// An instance with `__next__`.
    User(Value),
    /// A library iterator.
    Native(Rc<Native>),
    /// Items collected first.
    Items(std::vec::IntoIter<Value>),
}

impl Interp<'_> {
    /// The source of a `for` loop over `it`.
    pub(super) fn loop_source(&mut self, it: &Value) -> R<LoopSource> {
        Ok(match it {
            Value::List(l) => LoopSource::List(l.clone(), 0),
            Value::Dict(d) => {
                let keys = d.borrow().keys();
                let n = d.borrow().len();
                LoopSource::Sized(keys.into_iter(), d.clone(), n, false)
            }
            Value::Set(d) => {
                let members = crate::core::interp::set_order::ordered_members(&d.borrow());
                let n = d.borrow().len();
                LoopSource::Sized(members.into_iter(), d.clone(), n, true)
            }
            // A dict's live view (`d.items()`): its items as they are, the dict's size
            // checked as a plain dict's.
            Value::Native(n) if let Native::DictView(_, Value::Dict(d)) = &**n => {
                let items = self.iterate(it)?;
                let size = d.borrow().len();
                LoopSource::Sized(items.into_iter(), d.clone(), size, false)
            }
            Value::Native(n) if crate::core::interp::builtins::enumerate::is_iterator(n) => {
                LoopSource::Native(n.clone())
            }
            Value::Instance(i) if i.class.lookup("__iter__").is_some() => {
                let inner = self.user_iter(it)?;
                match inner {
                    Value::Instance(_) => LoopSource::User(inner),
                    other => self.loop_source(&other)?,
                }
            }
            Value::Instance(i) if i.class.lookup("__next__").is_some() => {
                let t = i.class.name.clone();
                return self.raise("TypeError", format!("'{t}' object is not iterable"));
            }
            other => LoopSource::Items(self.iterate(other)?.into_iter()),
        })
    }

    /// The loop's next item (`None` at the end).
    pub(super) fn loop_next(&mut self, source: &mut LoopSource) -> R<Option<Value>> {
        match source {
            LoopSource::List(l, i) => {
                let v = l.borrow().get(*i).cloned();
                *i += 1;
                Ok(v)
            }
            LoopSource::Sized(items, d, n, set) => {
                if d.borrow().len() != *n {
                    let what = if *set { "Set" } else { "dictionary" };
                    return self.raise(
                        "RuntimeError",
                        format!("{what} changed size during iteration"),
                    );
                }
                Ok(items.next())
            }
            LoopSource::User(it) => {
                let it = it.clone();
                self.user_next(&it)
            }
            LoopSource::Native(n) => {
                let n = n.clone();
                self.next_of(&n)
            }
            LoopSource::Items(items) => Ok(items.next()),
        }
    }
}
