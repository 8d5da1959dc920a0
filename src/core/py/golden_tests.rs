//! Table tests against golden outputs produced by real CPython 3.11
//! (`tests/py/gen_golden.py` writes `testdata/*.tsv`).

use super::decimal::Decimal;
use super::decimal_format::format_decimal;
use super::error::PyErr;
use super::float::{float_repr, float_round};
use super::format_spec::{format_float, format_int};
use super::int::Int;

pub(super) fn unesc(s: &str) -> String {
    let mut out = String::new();
    let mut it = s.chars();
    while let Some(c) = it.next() {
        if c == '\\' {
            match it.next() {
                Some('t') => out.push('\t'),
                Some('n') => out.push('\n'),
                Some(o) => out.push(o),
                None => out.push('\\'),
            }
        } else {
            out.push(c);
        }
    }
    out
}

pub(super) fn shown(r: Result<String, PyErr>) -> String {
    match r {
        Ok(s) => s,
        Err(e) => format!("!{}: {}", e.class_name(), e.message),
    }
}

pub(super) fn check(table: &str, ncols: usize, f: impl Fn(&[&str]) -> String) {
    let mut failures = Vec::new();
    let mut n = 0;
    for line in table.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), ncols, "bad line {line:?}");
        let want = unesc(cols[ncols - 1]);
        let got = f(&cols[..ncols - 1]);
        n += 1;
        if got != want {
            failures.push(format!(
                "{:?} => got {got:?}, want {want:?}",
                &cols[..ncols - 1]
            ));
        }
    }
    assert!(n > 0);
    assert!(
        failures.is_empty(),
        "{} of {n} failed:\n{}",
        failures.len(),
        failures[..failures.len().min(40)].join("\n")
    );
}

#[test]
fn float_format_table() {
    check(include_str!("testdata/float_format.tsv"), 3, |c| {
        let x: f64 = c[0].parse().unwrap();
        let spec = unesc(c[1]);
        if spec == "repr" {
            return float_repr(x);
        }
        if let Some(nd) = spec.strip_prefix("round") {
            return float_repr(float_round(x, nd.parse().unwrap()));
        }
        shown(format_float(x, &spec))
    });
}

#[test]
fn int_format_table() {
    check(include_str!("testdata/int_format.tsv"), 3, |c| {
        let n = Int::from_str_radix(c[0], 10).unwrap();
        shown(format_int(&n, &unesc(c[1])))
    });
}

#[test]
fn int_ops_table() {
    check(include_str!("testdata/int_ops.tsv"), 4, |c| {
        let a = Int::from_str_radix(c[0], 10).unwrap();
        let b = Int::from_str_radix(c[2], 10).unwrap();
        let r = match c[1] {
            "+" => Ok(a.add(&b).to_string()),
            "-" => Ok(a.sub(&b).to_string()),
            "*" => Ok(a.mul(&b).to_string()),
            "/" => a.truediv(&b).map(float_repr),
            "//" => a.floordiv(&b).map(|v| v.to_string()),
            _ => a.modulo(&b).map(|v| v.to_string()),
        };
        shown(r)
    });
}

#[test]
fn decimal_ops_table() {
    check(include_str!("testdata/decimal_ops.tsv"), 4, |c| {
        let a = Decimal::parse(c[0]).unwrap();
        let b = Decimal::parse(c[2]).unwrap();
        let r = match c[1] {
            "+" => a.add(&b),
            "-" => a.sub(&b),
            "*" => a.mul(&b),
            "/" => a.div(&b),
            "//" => a.floordiv(&b),
            _ => a.rem(&b),
        };
        shown(r.map(|d| d.repr()))
    });
}

#[test]
fn decimal_format_table() {
    check(include_str!("testdata/decimal_format.tsv"), 3, |c| {
        let a = Decimal::parse(c[0]).unwrap();
        match c[1] {
            "str" => a.to_str(),
            "quantize2" => shown(
                a.quantize(&Decimal::parse("0.01").unwrap())
                    .map(|d| d.repr()),
            ),
            "float" => float_repr(a.to_f64()),
            spec => shown(format_decimal(&a, &unesc(spec))),
        }
    });
}

#[test]
fn random_specs_table() {
    use super::format_spec::{format_bool, format_str};
    check(include_str!("testdata/random_specs.tsv"), 4, |c| {
        let spec = unesc(c[2]);
        shown(match c[0] {
            "i" => format_int(&Int::from_str_radix(c[1], 10).unwrap(), &spec),
            "f" => format_float(c[1].parse().unwrap(), &spec),
            "d" => format_decimal(&Decimal::parse(c[1]).unwrap(), &spec),
            "b" => format_bool(c[1] == "True", &spec),
            _ => {
                let s: String = if c[1] == "-" {
                    String::new()
                } else {
                    c[1].split(',')
                        .map(|h| char::from_u32(u32::from_str_radix(h, 16).unwrap()).unwrap())
                        .collect()
                };
                format_str(&s, &spec)
            }
        })
    });
}

#[test]
fn bigint_ops_table() {
    use super::int::IntOrFloat;
    let p = |s: &str| Int::from_str_radix(s, 10).unwrap();
    let pyf = |x: f64| float_repr(x);
    check(include_str!("testdata/bigint_ops.tsv"), 4, |c| {
        let a = p(c[0]);
        let b = p(c[2]);
        let r: Result<String, PyErr> = match c[1] {
            "and" => Ok(a.bitand(&b).to_string()),
            "or" => Ok(a.bitor(&b).to_string()),
            "xor" => Ok(a.bitxor(&b).to_string()),
            "shl" => a.shl(&b).map(|v| v.to_string()),
            "shr" => a.shr(&b).map(|v| v.to_string()),
            "pow" => a.pow(&b).map(|v| match v {
                IntOrFloat::Int(i) => i.to_string(),
                IntOrFloat::Float(f) => pyf(f),
            }),
            "divmod" => a.divmod(&b).map(|(q, r)| format!("({q}, {r})")),
            "truediv" => a.truediv(&b).map(pyf),
            "round" => Ok(a.round(b.to_i64().unwrap()).to_string()),
            "bitlen" => Ok(a.bit_length().to_string()),
            "float" => a.to_f64().map(pyf),
            "invert" => Ok(a.invert().to_string()),
            _ => a.to_f64().map(|f| {
                let t = |o: bool| if o { "True" } else { "False" };
                let lt = a.cmp_f64(f) == Some(std::cmp::Ordering::Less);
                let eq = a.eq_f64(f);
                let gt = a.cmp_f64(f + 0.5) == Some(std::cmp::Ordering::Greater);
                format!("({}, {}, {})", t(lt), t(eq), t(gt))
            }),
        };
        shown(r)
    });
}

#[test]
fn timedelta_args_table() {
    use super::timedelta::{TdNum, TimeDelta, TimeDeltaArgs};
    check(include_str!("testdata/timedelta_args.tsv"), 2, |c| {
        let mut a = TimeDeltaArgs::default();
        for kv in c[0].split(',') {
            let (k, v) = kv.split_once('=').unwrap();
            let n = if v.contains(['.', 'e', 'i', 'n']) {
                TdNum::Float(v.parse().unwrap())
            } else {
                TdNum::Int(v.parse().unwrap())
            };
            match k {
                "days" => a.days = n,
                "seconds" => a.seconds = n,
                "microseconds" => a.microseconds = n,
                "milliseconds" => a.milliseconds = n,
                "minutes" => a.minutes = n,
                "hours" => a.hours = n,
                _ => a.weeks = n,
            }
        }
        shown(TimeDelta::from_args(&a).map(|t| t.repr()))
    });
}
