//! Numeric builtins: `int`, `float`, `bool`, `abs`, `round`, `divmod`, `pow`, `sum`, `min`,
//! `max`, `hex`/`bin`/`oct`.

use std::rc::Rc;

use crate::core::py::Int;

use crate::core::interp::call::Kw;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};

impl Interp<'_> {
    /// The arguments of `sum(iterable, /, start=0)`, `round(number, ndigits=None)` and
    /// `pow(base, exp, mod=None)` in their positions, keywords placed, checked as
    /// CPython's Argument Clinic checks them (`_PyArg_UnpackKeywords`): too many, too few
    /// positional-only ones, a missing required one, one given twice, an unknown keyword,
    /// each with Python's message. The optional ones not given are left off.
    pub(super) fn place_keywords(&mut self, name: &str, args: Vec<Value>, kw: Kw) -> R<Vec<Value>> {
        // (Parameter names, how many are positional-only, how many are required.)
        let (takes, posonly, required): (&[&str], usize, usize) = match name {
            "sum" => (&["iterable", "start"], 1, 1),
            "round" => (&["number", "ndigits"], 0, 1),
            _ => (&["base", "exp", "mod"], 0, 2),
        };
        let (nargs, max) = (args.len(), takes.len());
        let given = nargs + kw.len();
        if given > max {
            return self.raise(
                "TypeError",
                format!(
                    "{name}() takes at most {max} {}arguments ({given} given)",
                    if nargs == 0 { "keyword " } else { "" }
                ),
            );
        }
        if nargs < posonly {
            return self.raise(
                "TypeError",
                format!(
                    "{name}() takes at least {posonly} positional argument{} ({nargs} given)",
                    if posonly == 1 { "" } else { "s" }
                ),
            );
        }
        let mut placed = args;
        let mut used = 0;
        for (i, param) in takes.iter().enumerate().skip(nargs.max(posonly)) {
            match kw.iter().find(|(k, _)| &**k == *param) {
                Some((_, v)) => {
                    placed.push(v.clone());
                    used += 1;
                }
                None if i < required => {
                    return self.raise(
                        "TypeError",
                        format!(
                            "{name}() missing required argument '{param}' (pos {})",
                            i + 1
                        ),
                    );
                }
                None => break,
            }
        }
        if used < kw.len() {
            for (i, param) in takes.iter().enumerate().take(nargs).skip(posonly) {
                if kw.iter().any(|(k, _)| &**k == *param) {
                    return self.raise(
                        "TypeError",
                        format!(
                            "argument for {name}() given by name ('{param}') and position ({})",
                            i + 1
                        ),
                    );
                }
            }
            let unknown = (kw.iter())
                .find(|(k, _)| !takes[posonly..].contains(&&**k))
                .map_or_else(String::new, |(k, _)| k.to_string());
            return self.raise(
                "TypeError",
                format!("'{unknown}' is an invalid keyword argument for {name}()"),
            );
        }
        Ok(placed)
    }

    /// The numeric builtins (`int`, `float`, `round`, `min`/`max`...).
    pub(super) fn call_numeric_builtin(
        &mut self,
        name: &str,
        args: Vec<Value>,
        kw: Kw,
    ) -> R<Value> {
        if !kw.is_empty() && !matches!(name, "int" | "min" | "max") {
            return self.raise("TypeError", format!("{name}() takes no keyword arguments"));
        }
        // A class's own `__abs__`, `__int__`, `__float__`, `__round__`.
        if let Some(Value::Instance(i)) = args.first()
            && kw.is_empty()
            && let Some(dunder) = match name {
                "abs" => Some("__abs__"),
                "int" => Some("__int__"),
                "float" => Some("__float__"),
                "round" => Some("__round__"),
                _ => None,
            }
            && let Some(f) = i.class.lookup(dunder)
        {
            let m = Value::Method(Rc::new((args[0].clone(), f)));
            return self.call(&m, args[1..].to_vec(), vec![]);
        }
        match name {
            // (`int(s, base=2)`: the base given by keyword.)
            "int" => {
                let mut args = args;
                if let Some((_, b)) = kw.iter().find(|(k, _)| &**k == "base") {
                    if args.len() != 1 {
                        return self.raise("TypeError", "int() missing string argument");
                    }
                    args.push(b.clone());
                }
                self.int_builtin(args)
            }
            "float" => match args.first() {
                None => Ok(Value::Float(0.0)),
                Some(Value::Float(f)) => Ok(Value::Float(*f)),
                Some(Value::Int(i)) => Ok(Value::Float(self.py(i.to_f64())?)),
                Some(Value::Bool(b)) => Ok(Value::Float(*b as i64 as f64)),
                Some(Value::Str(s)) => Ok(Value::Float(
                    self.py(crate::core::py::float::parse_float(s))?,
                )),
                Some(Value::Decimal(d)) => Ok(Value::Float(d.to_f64())),
                Some(v) => {
                    let t = self.qual_type_name(v);
                    self.raise(
                        "TypeError",
                        format!("float() argument must be a string or a real number, not '{t}'"),
                    )
                }
            },
            "bool" => match args.first() {
                None => Ok(Value::Bool(false)),
                Some(v) => Ok(Value::Bool(self.truthy(v)?)),
            },
            "sum" => {
                let mut acc = args.get(1).cloned().unwrap_or(Value::int(0));
                match &acc {
                    Value::Str(_) => {
                        return self.raise(
                            "TypeError",
                            "sum() can't sum strings [use ''.join(seq) instead]",
                        );
                    }
                    Value::Native(n)
                        if matches!(&**n, crate::core::interp::orm::Native::Bytes(_)) =>
                    {
                        return self.raise(
                            "TypeError",
                            "sum() can't sum bytes [use b''.join(seq) instead]",
                        );
                    }
                    _ => {}
                }
                for v in self.iterate(&args[0])? {
                    acc = self.binop(crate::core::lang::ast::BinOp::Add, acc, v)?;
                }
                Ok(acc)
            }
            "min" | "max" => {
                let items = if args.len() == 1 {
                    self.iterate(&args[0])?
                } else {
                    args.clone()
                };
                let key = kw.iter().find(|k| &*k.0 == "key").map(|k| k.1.clone());
                let default = kw.iter().find(|k| &*k.0 == "default").map(|k| k.1.clone());
                if items.is_empty() {
                    return match default {
                        Some(d) => Ok(d),
                        None => {
                            self.raise("ValueError", format!("{name}() arg is an empty sequence"))
                        }
                    };
                }
                let mut best = items[0].clone();
                let mut best_k = match &key {
                    Some(k) => self.call(k, vec![best.clone()], vec![])?,
                    None => best.clone(),
                };
                for v in items.into_iter().skip(1) {
                    let k = match &key {
                        Some(kf) => self.call(kf, vec![v.clone()], vec![])?,
                        None => v.clone(),
                    };
                    let op = if name == "min" {
                        crate::core::lang::ast::CmpOp::Lt
                    } else {
                        crate::core::lang::ast::CmpOp::Gt
                    };
                    let better = self.compare(op, &k, &best_k)?;
                    if self.truthy(&better)? {
                        best = v;
                        best_k = k;
                    }
                }
                Ok(best)
            }
            "abs" => match &args[0] {
                Value::Int(i) => Ok(Value::Int(i.abs())),
                Value::Bool(b) => Ok(Value::int(*b as i64)),
                Value::Float(f) => Ok(Value::Float(f.abs())),
                Value::Decimal(d) => Ok(Value::Decimal(Rc::new(self.py(d.abs())?))),
                Value::TimeDelta(t) => Ok(Value::timedelta(self.py(t.abs())?)),
                v => {
                    let t = self.type_name(v);
                    self.raise("TypeError", format!("bad operand type for abs(): '{t}'"))
                }
            },
            "round" => self.round(args),
            "divmod" => {
                let q = self.binop(
                    crate::core::lang::ast::BinOp::FloorDiv,
                    args[0].clone(),
                    args[1].clone(),
                )?;
                let r = self.binop(
                    crate::core::lang::ast::BinOp::Mod,
                    args[0].clone(),
                    args[1].clone(),
                )?;
                Ok(Value::tuple(vec![q, r]))
            }
            "pow" if args.len() == 3 => {
                // Three-argument pow: modular exponentiation by squaring.
                use crate::core::lang::ast::BinOp;
                let (Value::Int(_), Value::Int(e), Value::Int(_)) = (&args[0], &args[1], &args[2])
                else {
                    return self.raise(
                        "TypeError",
                        "pow() 3rd argument not allowed unless all arguments are integers",
                    );
                };
                let Some(mut e) = e.to_i64().filter(|e| *e >= 0) else {
                    return self
                        .unsupported("`pow()` with a negative or huge exponent and a modulus");
                };
                let m = args[2].clone();
                let mut base = self.binop(BinOp::Mod, args[0].clone(), m.clone())?;
                let mut acc = self.binop(BinOp::Mod, Value::int(1), m.clone())?;
                while e > 0 {
                    if e & 1 == 1 {
                        let p = self.binop(BinOp::Mult, acc, base.clone())?;
                        acc = self.binop(BinOp::Mod, p, m.clone())?;
                    }
                    let sq = self.binop(BinOp::Mult, base.clone(), base)?;
                    base = self.binop(BinOp::Mod, sq, m.clone())?;
                    e >>= 1;
                }
                Ok(acc)
            }
            "pow" => self.binop(
                crate::core::lang::ast::BinOp::Pow,
                args[0].clone(),
                args[1].clone(),
            ),
            "hex" | "bin" | "oct" => {
                let i = match &args[0] {
                    Value::Int(i) => i.clone(),
                    _ => return self.raise("TypeError", "an integer is required"),
                };
                let (p, r) = match name {
                    "hex" => ("0x", 16),
                    "bin" => ("0b", 2),
                    _ => ("0o", 8),
                };
                let sign = if i.is_negative() { "-" } else { "" };
                Ok(Value::str(&format!("{sign}{p}{}", i.abs_to_str_radix(r))))
            }
            _ => self.not_callable(name),
        }
    }

    fn int_builtin(&mut self, args: Vec<Value>) -> R<Value> {
        match args.first() {
            None => Ok(Value::int(0)),
            Some(Value::Int(i)) => Ok(Value::Int(i.clone())),
            Some(Value::Bool(b)) => Ok(Value::int(*b as i64)),
            Some(Value::Float(f)) => {
                if f.is_nan() {
                    return self.raise("ValueError", "cannot convert float NaN to integer");
                }
                if f.is_infinite() {
                    return self.raise("OverflowError", "cannot convert float infinity to integer");
                }
                Ok(Value::Int(self.py(Int::from_f64(f.trunc()))?))
            }
            Some(Value::Decimal(d)) => Ok(Value::Int(self.py(d.to_int())?)),
            Some(Value::Str(s)) => {
                let base = match args.get(1) {
                    Some(v) => self.as_index(v)? as u32,
                    None => 10,
                };
                match Int::from_str_radix(s, base) {
                    Ok(i) => Ok(Value::Int(i)),
                    Err(e) => self.raise("ValueError", e.message),
                }
            }
            Some(v) => {
                let t = self.qual_type_name(v);
                self.raise("TypeError", format!("int() argument must be a string, a bytes-like object or a real number, not '{t}'"))
            }
        }
    }

    fn round(&mut self, args: Vec<Value>) -> R<Value> {
        let nd = match args.get(1) {
            None | Some(Value::None) => None,
            Some(v) => Some(self.as_index(v)?),
        };
        match (&args[0], nd) {
            (Value::Float(f), None) => Ok(Value::Int(
                self.py(crate::core::py::float::float_round_to_int(*f))?,
            )),
            (Value::Float(f), Some(n)) => {
                Ok(Value::Float(crate::core::py::float::float_round(*f, n)))
            }
            (Value::Int(i), None) => Ok(Value::Int(i.clone())),
            (Value::Int(i), Some(n)) => Ok(Value::Int(i.round(n))),
            (Value::Bool(b), _) => Ok(Value::int(*b as i64)),
            (Value::Decimal(d), None) => Ok(Value::Int(self.py(d.round_to_int())?)),
            (Value::Decimal(d), Some(n)) => {
                Ok(Value::Decimal(Rc::new(self.py(d.round_ndigits(n))?)))
            }
            (v, _) => {
                let t = self.type_name(v);
                self.raise(
                    "TypeError",
                    format!("type {t} doesn't define __round__ method"),
                )
            }
        }
    }
}
