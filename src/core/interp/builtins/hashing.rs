//! `hashlib.md5` / `hashlib.sha256`, Werkzeug's `generate_password_hash` /
//! `check_password_hash` (the Flask tutorials' user models), and the `bytes` values they
//! take and give (what `str.encode()` makes).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::core::interp::call::Kw;
use crate::core::interp::orm::Native;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};
use crate::core::py::hash;

/// Werkzeug 3.1's defaults.
const PBKDF2_ITERATIONS: u32 = 1_000_000;
/// The most PBKDF2 iterations a script may ask for (ten times Werkzeug's default).
const MAX_PBKDF2_ITERATIONS: u64 = 10_000_000;
const SALT_CHARS: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
/// The URL-safe Base64 alphabet (`secrets.token_urlsafe`).
const B64URL: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

thread_local! {
    /// State of the salt generator (xorshift; salts need to differ, not to be secret here).
    static SALT_STATE: Cell<u64> = const { Cell::new(0x2545_f491_4f6c_dd1d) };
}

fn salt(len: usize) -> String {
    (random_bytes(len).into_iter())
        .map(|b| SALT_CHARS[usize::from(b) % SALT_CHARS.len()] as char)
        .collect()
}

/// `n` bytes from the salt generator (salts, `os.urandom`, `secrets`: values that need to
/// differ, not to be secret here).
fn random_bytes(n: usize) -> Vec<u8> {
    SALT_STATE.with(|s| {
        let mut x = s.get();
        let out = (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                (x >> 24) as u8
            })
            .collect();
        s.set(x);
        out
    })
}

fn bytes(b: &[u8]) -> Value {
    Value::Native(Rc::new(Native::Bytes(Rc::from(b))))
}

/// The digest of `data` by `algo` (`md5` or `sha256`).
fn digest(algo: &str, data: &[u8]) -> Vec<u8> {
    match algo {
        "md5" => hash::md5(data).to_vec(),
        _ => hash::sha256(data).to_vec(),
    }
}

impl Interp<'_> {
    /// The bytes of a `bytes` argument (`TypeError` for anything else, `str` included,
    /// as in CPython).
    fn bytes_arg(&mut self, v: &Value, what: &str) -> R<Rc<[u8]>> {
        match v {
            Value::Native(n) if let Native::Bytes(b) = &**n => Ok(b.clone()),
            Value::Str(_) => self.raise(
                "TypeError",
                format!("Strings must be encoded before {what}"),
            ),
            other => {
                let t = self.type_name(other);
                self.raise(
                    "TypeError",
                    format!("object supporting the buffer API required, not '{t}'"),
                )
            }
        }
    }

    /// `hashlib.*` and `werkzeug.security.*` calls.
    pub(super) fn call_hashing(&mut self, name: &str, args: Vec<Value>, kw: Kw) -> R<Value> {
        let kwarg = |k: &str| kw.iter().find(|(n, _)| &**n == k).map(|(_, v)| v.clone());
        match name {
            // `os.urandom(n)`, `secrets.token_bytes/token_hex/token_urlsafe([n])` (32
            // bytes by default): what tutorials make a `SECRET_KEY` with.
            "os.urandom"
            | "secrets.token_bytes"
            | "secrets.token_hex"
            | "secrets.token_urlsafe" => {
                let n = match args.first() {
                    None | Some(Value::None) if name != "os.urandom" => 32,
                    Some(v) => match self.as_index(v)? {
                        n if n < 0 => {
                            return self.raise("ValueError", "negative argument not allowed");
                        }
                        // (At most 1 MiB: a key, not a file.)
                        n => n.min(1 << 20) as usize,
                    },
                    None => {
                        return self.raise(
                            "TypeError",
                            "urandom() missing required argument 'size' (pos 1)",
                        );
                    }
                };
                let b = random_bytes(n);
                let digits = match name {
                    "secrets.token_hex" => (b.iter())
                        .flat_map(|x| [x >> 4, x & 15])
                        .map(|d| b"0123456789abcdef"[d as usize])
                        .collect::<Vec<u8>>(),
                    // (Base64 for URLs, unpadded: `ceil(n * 8 / 6)` characters.)
                    "secrets.token_urlsafe" => (0..(n * 8).div_ceil(6))
                        .map(|k| {
                            let (at, shift) = (k * 6 / 8, k * 6 % 8);
                            let pair =
                                (u16::from(b[at]) << 8) | u16::from(*b.get(at + 1).unwrap_or(&0));
                            B64URL[usize::from((pair >> (10 - shift)) & 63)]
                        })
                        .collect(),
                    _ => return Ok(bytes(&b)),
                };
                Ok(Value::str(&String::from_utf8_lossy(&digits)))
            }
            "hashlib.md5" | "hashlib.sha256" => {
                let data = match args.first().cloned().or_else(|| kwarg("data")) {
                    Some(v) => self.bytes_arg(&v, "hashing")?.to_vec(),
                    None => Vec::new(),
                };
                let algo = if name == "hashlib.md5" {
                    "md5"
                } else {
                    "sha256"
                };
                Ok(Value::Native(Rc::new(Native::Hasher(
                    algo,
                    RefCell::new(data),
                ))))
            }
            "werkzeug.generate_password_hash" => {
                let Some(Value::Str(password)) = args.first() else {
                    return self
                        .raise("TypeError", "generate_password_hash() needs a str password");
                };
                let method = match args.get(1).cloned().or_else(|| kwarg("method")) {
                    Some(Value::Str(m)) => m.to_string(),
                    _ => "scrypt".to_string(),
                };
                let len = match args.get(2).cloned().or_else(|| kwarg("salt_length")) {
                    Some(v) => self.as_index(&v)?.max(0) as usize,
                    None => 16,
                };
                let salt = salt(len);
                let (h, method) = self.password_hash(&method, &salt, password)?;
                Ok(Value::str(&format!("{method}${salt}${h}")))
            }
            "werkzeug.check_password_hash" => {
                let (Some(Value::Str(pwhash)), Some(Value::Str(password))) =
                    (args.first(), args.get(1))
                else {
                    return self.raise("TypeError", "check_password_hash() needs two str");
                };
                let mut parts = pwhash.splitn(3, '$');
                let (Some(method), Some(salt), Some(want)) =
                    (parts.next(), parts.next(), parts.next())
                else {
                    return Ok(Value::Bool(false));
                };
                let (got, _) = self.password_hash(method, salt, password)?;
                Ok(Value::Bool(got == want))
            }
            _ => self.not_callable(name),
        }
    }

    /// Werkzeug's `_hash_internal`: the hex hash and the method as written in the result
    /// (`scrypt:32768:8:1`, `pbkdf2:sha256:1000000`).
    fn password_hash(&mut self, method: &str, salt: &str, password: &str) -> R<(String, String)> {
        let mut parts = method.split(':');
        let kind = parts.next().unwrap_or_default();
        let args: Vec<&str> = parts.collect();
        let num = |s: &str| s.parse::<u64>().ok();
        let (pw, salt) = (password.as_bytes(), salt.as_bytes());
        match (kind, args.as_slice()) {
            ("scrypt", []) | ("scrypt", [_, _, _]) => {
                let (n, r, p) = match args.as_slice() {
                    [n, r, p] => match (num(n), num(r), num(p)) {
                        (Some(n), Some(r), Some(p)) => (n, r, p),
                        _ => {
                            return self
                                .raise("ValueError", "invalid literal for int() with base 10");
                        }
                    },
                    _ => (1 << 15, 8, 1),
                };
                // Werkzeug allows 132 * n * r * p bytes; OpenSSL needs 128 * r * (n + p + 2).
                let need = 128u128 * u128::from(r) * (u128::from(n) + u128::from(p) + 2);
                let allowed = 132u128 * u128::from(n) * u128::from(r) * u128::from(p);
                if !n.is_power_of_two()
                    || n < 2
                    || r == 0
                    || p == 0
                    || need > allowed
                    || need > 256 << 20
                {
                    return self.raise(
                        "ValueError",
                        "[digital envelope routines] memory limit exceeded",
                    );
                }
                let h = hash::scrypt(pw, salt, n as usize, r as usize, p as usize, 64);
                Ok((hash::hex(&h), format!("scrypt:{n}:{r}:{p}")))
            }
            ("pbkdf2", rest) if rest.len() <= 2 => {
                let algo = rest.first().copied().unwrap_or("sha256");
                if algo != "sha256" {
                    return self.unsupported(&format!("pbkdf2 with `{algo}`"));
                }
                let iterations = match rest.get(1) {
                    Some(i) => match num(i) {
                        // (A bound of ormlab's: the hash runs on the engine's thread,
                        // where Stop cannot reach into it.)
                        Some(i) if i > MAX_PBKDF2_ITERATIONS => {
                            return self.unsupported(&format!(
                                "pbkdf2 with more than {MAX_PBKDF2_ITERATIONS} iterations"
                            ));
                        }
                        Some(i) if i > 0 => i as u32,
                        _ => {
                            return self
                                .raise("ValueError", "iteration value must be greater than 0.");
                        }
                    },
                    None => PBKDF2_ITERATIONS,
                };
                let h = hash::pbkdf2_sha256(pw, salt, iterations, 32);
                Ok((hash::hex(&h), format!("pbkdf2:{algo}:{iterations}")))
            }
            _ => self.raise("ValueError", format!("Invalid hash method '{kind}'.")),
        }
    }

    /// Methods of `bytes` and of `hashlib` hash objects.
    pub(crate) fn hashing_method(&mut self, n: &Native, name: &str, args: Vec<Value>) -> R<Value> {
        match (n, name) {
            (Native::Bytes(b), "decode") => match std::str::from_utf8(b) {
                Ok(s) => Ok(Value::str(s)),
                Err(e) => self.raise(
                    "UnicodeDecodeError",
                    format!(
                        "'utf-8' codec can't decode byte 0x{:02x} in position {}: invalid start byte",
                        b[e.valid_up_to()],
                        e.valid_up_to()
                    ),
                ),
            },
            (Native::Bytes(b), "hex") => Ok(Value::str(&hash::hex(b))),
            (Native::Hasher(_, data), "update") => {
                let Some(v) = args.first() else {
                    return self.raise("TypeError", "update() takes exactly one argument (0 given)");
                };
                let b = self.bytes_arg(v, "hashing")?;
                data.borrow_mut().extend_from_slice(&b);
                Ok(Value::None)
            }
            (Native::Hasher(algo, data), "hexdigest") => {
                Ok(Value::str(&hash::hex(&digest(algo, &data.borrow()))))
            }
            (Native::Hasher(algo, data), "digest") => Ok(bytes(&digest(algo, &data.borrow()))),
            _ => {
                let t = n.type_name();
                self.no_attr(t, name)
            }
        }
    }
}

/// `repr()` of a `bytes` value: `b'...'` with CPython's escapes.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        '"'
    } else {
        '\''
    };
    let mut s = String::from("b");
    s.push(quote);
    for &c in b {
        match c {
            b'\\' => s.push_str("\\\\"),
            b'\t' => s.push_str("\\t"),
            b'\n' => s.push_str("\\n"),
            b'\r' => s.push_str("\\r"),
            c if c as char == quote => {
                s.push('\\');
                s.push(quote);
            }
            0x20..=0x7e => s.push(c as char),
            c => s.push_str(&format!("\\x{c:02x}")),
        }
    }
    s.push(quote);
    s
}
