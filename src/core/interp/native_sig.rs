//! Python signatures of native methods (the legacy `Query`'s, `db.session`'s, `db`'s), so
//! that a call with missing, extra or unknown arguments raises the `TypeError` Python
//! raises for it, with its words.

use super::call::Kw;
use super::value::Value;
use super::{Interp, R};

/// The signature of a native method, as `inspect.signature` shows it (without `self`).
#[derive(Clone, Copy, Debug)]
pub struct Sig {
    /// Positional-or-keyword parameters, in order.
    pub params: &'static [&'static str],
    /// How many of `params` are required (the first ones).
    pub required: usize,
    /// Takes `*args`.
    pub varargs: bool,
    /// Keyword-only parameters; `None`: any keyword (`**kwargs`).
    pub kwonly: Option<&'static [&'static str]>,
}

impl Sig {
    /// `params`, the first `required` of them required, no `*args`, no other keywords.
    pub const fn fixed(params: &'static [&'static str], required: usize) -> Sig {
        Sig {
            params,
            required,
            varargs: false,
            kwonly: Some(&[]),
        }
    }

    /// As [`Sig::fixed`], with keyword-only parameters `kwonly`.
    pub const fn with_kwonly(
        params: &'static [&'static str],
        required: usize,
        kwonly: &'static [&'static str],
    ) -> Sig {
        Sig {
            params,
            required,
            varargs: false,
            kwonly: Some(kwonly),
        }
    }

    /// As [`Sig::fixed`], also taking any keyword (`**kwargs`).
    pub const fn with_kwargs(params: &'static [&'static str], required: usize) -> Sig {
        Sig {
            params,
            required,
            varargs: false,
            kwonly: None,
        }
    }

    /// Why a call with `nargs` positional arguments and keywords `kw` does not bind, in
    /// Python's words after `Owner.method()`: an unknown or repeated keyword first, then
    /// too many positional arguments, then missing ones (CPython's order).
    pub fn mismatch(&self, nargs: usize, kw: &Kw) -> Option<String> {
        let (n, want) = (self.params.len(), self.required);
        if kw.is_empty() && nargs >= want && (self.varargs || nargs <= n) {
            return None;
        }
        for (k, _) in kw {
            match self.params.iter().position(|p| **p == **k) {
                Some(i) if i < nargs => {
                    return Some(format!("got multiple values for argument '{k}'"));
                }
                Some(_) => {}
                None if self.kwonly.is_none_or(|o| o.contains(&&**k)) => {}
                None => return Some(format!("got an unexpected keyword argument '{k}'")),
            }
        }
        if !self.varargs && nargs > n {
            let s = if n == 0 { "" } else { "s" };
            let takes = match want == n {
                true => format!("{} positional argument{s}", n + 1),
                false => format!("from {} to {} positional arguments", want + 1, n + 1),
            };
            return Some(format!("takes {takes} but {} were given", nargs + 1));
        }
        let missing: Vec<String> = (self.params.iter().take(want).skip(nargs))
            .filter(|p| !kw.iter().any(|(k, _)| **k == ***p))
            .map(|p| format!("'{p}'"))
            .collect();
        let list = match missing.as_slice() {
            [] => return None,
            [one] => one.clone(),
            [a, b] => format!("{a} and {b}"),
            [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
        };
        let s = if missing.len() == 1 { "" } else { "s" };
        Some(format!(
            "missing {} required positional argument{s}: {list}",
            missing.len()
        ))
    }
}

impl Sig {
    /// Moves the required parameters passed by keyword (`offset(offset=2)`,
    /// `session.get(T, ident=2)`) to their places among the positional arguments, which
    /// is where the methods read them; optional ones stay keywords.
    pub fn bind_required(&self, args: &mut Vec<Value>, kw: &mut Kw) {
        while args.len() < self.required
            && let Some(at) = kw.iter().position(|(k, _)| **k == *self.params[args.len()])
        {
            args.push(kw.remove(at).1);
        }
    }
}

impl Interp<'_> {
    /// Raises Python's `TypeError` when `args`/`kw` do not bind to `sig`, the method named
    /// `owner.name` in the message; then moves required parameters given by keyword to
    /// the positional arguments ([`Sig::bind_required`]).
    pub fn check_sig(
        &mut self,
        owner: &str,
        name: &str,
        sig: Sig,
        args: &mut Vec<Value>,
        kw: &mut Kw,
    ) -> R<()> {
        match sig.mismatch(args.len(), kw) {
            None => {
                sig.bind_required(args, kw);
                Ok(())
            }
            Some(why) => self.raise("TypeError", format!("{owner}.{name}() {why}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::rc::Rc;

    fn kw(names: &[&str]) -> Kw {
        names.iter().map(|n| (Rc::from(*n), Value::None)).collect()
    }

    #[test]
    fn messages_read_as_cpythons() {
        let get = Sig::fixed(&["ident"], 1);
        assert_eq!(get.mismatch(1, &kw(&[])), None);
        assert_eq!(get.mismatch(0, &kw(&["ident"])), None);
        assert_eq!(
            get.mismatch(0, &kw(&[])).as_deref(),
            Some("missing 1 required positional argument: 'ident'")
        );
        assert_eq!(
            get.mismatch(2, &kw(&[])).as_deref(),
            Some("takes 2 positional arguments but 3 were given")
        );
        let first = Sig::fixed(&[], 0);
        assert_eq!(
            first.mismatch(1, &kw(&[])).as_deref(),
            Some("takes 1 positional argument but 2 were given")
        );
        assert_eq!(
            first.mismatch(0, &kw(&["x"])).as_deref(),
            Some("got an unexpected keyword argument 'x'")
        );
        let slice = Sig::fixed(&["start", "stop"], 2);
        assert_eq!(
            slice.mismatch(0, &kw(&[])).as_deref(),
            Some("missing 2 required positional arguments: 'start' and 'stop'")
        );
        let three = Sig::fixed(&["a", "b", "c"], 3);
        assert_eq!(
            three.mismatch(0, &kw(&[])).as_deref(),
            Some("missing 3 required positional arguments: 'a', 'b', and 'c'")
        );
        assert_eq!(
            three.mismatch(1, &kw(&["a"])).as_deref(),
            Some("got multiple values for argument 'a'")
        );
        let delete = Sig::fixed(&["synchronize_session", "delete_args"], 0);
        assert_eq!(
            delete.mismatch(3, &kw(&[])).as_deref(),
            Some("takes from 1 to 3 positional arguments but 4 were given")
        );
        let paginate = Sig::with_kwonly(&[], 0, &["page", "per_page"]);
        assert_eq!(paginate.mismatch(0, &kw(&["page"])), None);
        assert_eq!(
            paginate.mismatch(1, &kw(&[])).as_deref(),
            Some("takes 1 positional argument but 2 were given")
        );
    }
}
