//! The part of `os` Flask tutorials use to build a database path and read settings:
//! `os.path.join/dirname/basename/abspath/normpath/splitext/exists/isfile/isdir`,
//! `os.getenv`, `os.getcwd` (plus `os.environ`, an empty dict, and `os.sep`, in
//! `modules.rs`). The page has no file system and no environment: nothing exists,
//! every variable is unset, and the working directory is [`CWD`]. Paths follow
//! POSIX rules (`posixpath`).

use crate::core::interp::call::Kw;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};

/// The working directory `abspath` and `getcwd` report.
pub const CWD: &str = "/ormlab";

impl Interp<'_> {
    /// `os.*` and `os.path.*` functions.
    pub(super) fn call_os(&mut self, name: &str, args: Vec<Value>, kw: Kw) -> R<Value> {
        let short = name.rsplit('.').next().unwrap_or(name);
        match name {
            "os.getenv" => {
                if args.is_empty() && !kw.iter().any(|(k, _)| &**k == "key") {
                    return self.raise(
                        "TypeError",
                        "getenv() missing 1 required positional argument: 'key'",
                    );
                }
                let default = args
                    .get(1)
                    .cloned()
                    .or_else(|| {
                        kw.iter()
                            .find(|(k, _)| &**k == "default")
                            .map(|(_, v)| v.clone())
                    })
                    .unwrap_or(Value::None);
                Ok(default)
            }
            "os.getcwd" => Ok(Value::str(CWD)),
            "os.path.join" => {
                let parts = self.path_args(short, &args, 1, usize::MAX)?;
                Ok(Value::str(&join(&parts)))
            }
            _ => {
                let p = self.path_args(short, &args, 1, 1)?;
                let p = &p[0];
                Ok(match name {
                    "os.path.dirname" => Value::str(dirname(p)),
                    "os.path.basename" => Value::str(basename(p)),
                    "os.path.normpath" => Value::str(&normpath(p)),
                    "os.path.abspath" => Value::str(&abspath(p)),
                    "os.path.splitext" => {
                        let (root, ext) = splitext(p);
                        Value::tuple(vec![Value::str(root), Value::str(ext)])
                    }
                    "os.path.exists" | "os.path.isfile" | "os.path.isdir" => Value::Bool(false),
                    _ => return self.not_callable(name),
                })
            }
        }
    }

    /// The string arguments of `os.path.<what>` (between `min` and `max` of them).
    fn path_args(&mut self, what: &str, args: &[Value], min: usize, max: usize) -> R<Vec<String>> {
        if args.len() < min {
            return self.raise(
                "TypeError",
                format!("{what}() missing 1 required positional argument"),
            );
        }
        if args.len() > max {
            return self.raise(
                "TypeError",
                format!(
                    "{what}() takes {max} positional argument but {} were given",
                    args.len()
                ),
            );
        }
        let mut out = Vec::with_capacity(args.len());
        for a in args {
            match a {
                Value::Str(s) => out.push(s.to_string()),
                other => {
                    let t = self.type_name(other);
                    return self.raise(
                        "TypeError",
                        format!("expected str, bytes or os.PathLike object, not {t}"),
                    );
                }
            }
        }
        Ok(out)
    }
}

/// `posixpath.join`: an absolute part starts over; parts are joined by one `/`.
fn join(parts: &[String]) -> String {
    let mut path = String::new();
    for (i, b) in parts.iter().enumerate() {
        if i == 0 || b.starts_with('/') {
            path = b.clone();
        } else if path.is_empty() || path.ends_with('/') {
            path.push_str(b);
        } else {
            path.push('/');
            path.push_str(b);
        }
    }
    path
}

/// `posixpath.dirname`: everything before the last `/`, trailing slashes dropped
/// unless it is all slashes.
fn dirname(p: &str) -> &str {
    let head = &p[..p.rfind('/').map(|i| i + 1).unwrap_or(0)];
    if !head.is_empty() && head.bytes().any(|b| b != b'/') {
        head.trim_end_matches('/')
    } else {
        head
    }
}

/// `posixpath.basename`: everything after the last `/`.
fn basename(p: &str) -> &str {
    &p[p.rfind('/').map(|i| i + 1).unwrap_or(0)..]
}

/// `posixpath.normpath`: `.` and empty parts dropped, `..` applied.
fn normpath(p: &str) -> String {
    if p.is_empty() {
        return ".".into();
    }
    // POSIX keeps exactly two leading slashes, folds three or more into one.
    let lead = match p.bytes().take_while(|&b| b == b'/').count() {
        0 => "",
        2 => "//",
        _ => "/",
    };
    let mut out: Vec<&str> = Vec::new();
    for part in p.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                if out.last().is_some_and(|l| *l != "..") {
                    out.pop();
                } else if lead.is_empty() {
                    out.push("..");
                }
            }
            other => out.push(other),
        }
    }
    let joined = format!("{lead}{}", out.join("/"));
    if joined.is_empty() {
        ".".into()
    } else {
        joined
    }
}

/// `posixpath.abspath`: relative paths are taken from [`CWD`].
fn abspath(p: &str) -> String {
    if p.starts_with('/') {
        normpath(p)
    } else {
        normpath(&join(&[CWD.to_owned(), p.to_owned()]))
    }
}

/// `posixpath.splitext`: the extension is the last dot of the last part, unless
/// the part is only dots before it (`.bashrc` has none).
fn splitext(p: &str) -> (&str, &str) {
    let start = p.rfind('/').map(|i| i + 1).unwrap_or(0);
    let name = &p[start..];
    match name.rfind('.') {
        Some(dot) if name[..dot].bytes().any(|b| b != b'.') => {
            (&p[..start + dot], &p[start + dot..])
        }
        _ => (p, ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posix_paths_as_python_gives_them() {
        let j = |v: &[&str]| join(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(j(&["a", "b.db"]), "a/b.db");
        assert_eq!(j(&["a/", "b"]), "a/b");
        assert_eq!(j(&["a", "/abs", "c"]), "/abs/c");
        assert_eq!(j(&["", "x"]), "x");
        assert_eq!(dirname("app/models.py"), "app");
        assert_eq!(dirname("models.py"), "");
        assert_eq!(dirname("/"), "/");
        assert_eq!(dirname("a//b"), "a");
        assert_eq!(basename("a/b.db"), "b.db");
        assert_eq!(normpath("a/./b/../c//d"), "a/c/d");
        assert_eq!(normpath("../x"), "../x");
        assert_eq!(normpath("/../x"), "/x");
        assert_eq!(normpath(""), ".");
        assert_eq!(abspath(""), "/ormlab");
        assert_eq!(abspath("db/app.db"), "/ormlab/db/app.db");
        assert_eq!(splitext("a/b.tar.gz"), ("a/b.tar", ".gz"));
        assert_eq!(splitext(".bashrc"), (".bashrc", ""));
        assert_eq!(splitext("a.b/c"), ("a.b/c", ""));
    }
}
