//! `enumerate()`: a lazy iterator, as Python's — a list is read by index as the loop
//! goes (what the body changes further on is seen), a Result or generator one row at a
//! time (what a `break` leaves is still there).

use std::cell::RefCell;
use std::rc::Rc;

use crate::core::interp::orm::Native;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};

/// Where an `enumerate` object's items come from.
pub enum EnumSource {
    /// A list, by index.
    List(Rc<RefCell<Vec<Value>>>, usize),
    /// A library iterator (`iter()`, a generator, a Result, another enumerate).
    Native(Rc<Native>),
    /// A user iterator (an instance with `__next__`).
    User(Value),
    /// Items collected when it was made.
    Items(std::vec::IntoIter<Value>),
}

/// An `enumerate` object: its source and the next count.
pub struct Enumerate {
    /// The items.
    pub source: EnumSource,
    /// The count the next item gets.
    pub count: i64,
}

/// True for the library values that are their own iterators (read one item at a time).
pub fn is_iterator(n: &Native) -> bool {
    matches!(
        n,
        Native::Iter(_) | Native::Generator(_) | Native::Result(_) | Native::Enumerate(_)
    )
}

impl Interp<'_> {
    /// `enumerate(iterable, start)`.
    pub(super) fn make_enumerate(&mut self, v: &Value, start: Value) -> R<Value> {
        let count = match &start {
            Value::Int(i) if let Some(n) = i.to_i64() => n,
            Value::Bool(b) => *b as i64,
            other => {
                let t = self.type_name(other);
                return self.raise(
                    "TypeError",
                    format!("'{t}' object cannot be interpreted as an integer"),
                );
            }
        };
        let source = match v {
            Value::List(l) => EnumSource::List(l.clone(), 0),
            Value::Native(n) if is_iterator(n) => EnumSource::Native(n.clone()),
            Value::Instance(i) if i.class.lookup("__iter__").is_some() => {
                match self.user_iter(v)? {
                    inner @ Value::Instance(_) => EnumSource::User(inner),
                    other => EnumSource::Items(self.iterate(&other)?.into_iter()),
                }
            }
            other => EnumSource::Items(self.iterate(other)?.into_iter()),
        };
        Ok(Value::Native(Rc::new(Native::Enumerate(RefCell::new(
            Enumerate { source, count },
        )))))
    }

    /// The next `(count, item)` of an enumerate object.
    pub fn enumerate_next(&mut self, e: &RefCell<Enumerate>) -> R<Option<Value>> {
        // (The source is read without holding the borrow: a Result's or user
        // iterator's next item runs code.)
        let next = {
            let mut st = e.borrow_mut();
            match &mut st.source {
                EnumSource::List(l, i) => {
                    let v = l.borrow().get(*i).cloned();
                    *i += 1;
                    Some(v)
                }
                EnumSource::Items(items) => Some(items.next()),
                EnumSource::Native(_) | EnumSource::User(_) => None,
            }
        };
        let item = match next {
            Some(v) => v,
            None => {
                let src = match &e.borrow().source {
                    EnumSource::Native(n) => Value::Native(n.clone()),
                    EnumSource::User(u) => u.clone(),
                    _ => Value::None,
                };
                match &src {
                    Value::Native(n) => self.next_of(n)?,
                    _ => self.user_next(&src)?,
                }
            }
        };
        let Some(item) = item else {
            return Ok(None);
        };
        let mut st = e.borrow_mut();
        let n = st.count;
        st.count += 1;
        Ok(Some(Value::tuple(vec![Value::int(n), item])))
    }
}
