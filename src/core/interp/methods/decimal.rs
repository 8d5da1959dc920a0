//! Decimal's methods: `quantize()`, `normalize()`, `compare()`, the predicates...

use std::rc::Rc;

use crate::core::interp::call::Kw;
use crate::core::interp::value::Value;
use crate::core::interp::{Interp, R};
use crate::core::py::decimal::Decimal;
use crate::core::py::decimal_ops::Rounding;

use super::{ROUNDING_ERR, named_tuple};

impl Interp<'_> {
    /// `d.<name>(*args, **kw)` for a Decimal `d`.
    pub(super) fn decimal_method(
        &mut self,
        d: &Decimal,
        name: &str,
        args: &[Value],
        kw: &Kw,
    ) -> R<Value> {
        match name {
            "quantize" => {
                let rounding = match args
                    .get(1)
                    .or_else(|| kw.iter().find(|(k, _)| &**k == "rounding").map(|(_, v)| v))
                {
                    None | Some(Value::None) => Rounding::HalfEven,
                    Some(Value::Str(s)) if Rounding::from_name(s).is_some() => {
                        Rounding::from_name(s).unwrap_or(Rounding::HalfEven)
                    }
                    Some(_) => {
                        return self.raise("TypeError", ROUNDING_ERR);
                    }
                };
                match args.first() {
                    Some(Value::Decimal(q)) => Ok(Value::Decimal(Rc::new(
                        self.py(d.quantize_rounding(q, rounding))?,
                    ))),
                    _ => self.raise("TypeError", "quantize() argument must be a Decimal"),
                }
            }
            "to_integral_value" | "to_integral" => {
                let r = match args.first().or(kw.first().map(|(_, v)| v)) {
                    Some(Value::Str(s)) => Rounding::from_name(s),
                    None | Some(Value::None) => Some(Rounding::HalfEven),
                    _ => None,
                };
                let Some(r) = r else {
                    return self.raise("TypeError", ROUNDING_ERR);
                };
                Ok(Value::Decimal(Rc::new(d.to_integral_value(r))))
            }
            "normalize" => Ok(Value::Decimal(Rc::new(self.py(d.normalize())?))),
            "copy_abs" => Ok(Value::Decimal(Rc::new(self.py(d.abs())?))),
            "copy_negate" => Ok(Value::Decimal(Rc::new(self.py(d.neg())?))),
            // `a.compare(b)`: Decimal('-1'), '0' or '1' (NaN for a NaN operand).
            "compare" => {
                let other = match args.first() {
                    Some(Value::Decimal(o)) => (**o).clone(),
                    Some(Value::Int(i)) => crate::core::py::decimal::Decimal::from_int(i),
                    Some(Value::Bool(b)) => crate::core::py::decimal::Decimal::from_int(
                        &crate::core::py::Int::from(*b as i64),
                    ),
                    Some(v) => {
                        let t = self.type_name(v);
                        return self.raise(
                            "TypeError",
                            format!("conversion from {t} to Decimal is not supported"),
                        );
                    }
                    None => {
                        return self.raise(
                            "TypeError",
                            "compare() missing required argument 'other' (pos 1)",
                        );
                    }
                };
                let text = if d.is_nan() || other.is_nan() {
                    "NaN"
                } else {
                    match self.py(d.cmp_ordering(&other))? {
                        std::cmp::Ordering::Less => "-1",
                        std::cmp::Ordering::Equal => "0",
                        std::cmp::Ordering::Greater => "1",
                    }
                };
                Ok(Value::Decimal(Rc::new(
                    self.py(crate::core::py::decimal::Decimal::parse(text))?,
                )))
            }
            "sqrt" => Ok(Value::Decimal(Rc::new(self.py(d.sqrt())?))),
            "as_tuple" => Ok(decimal_tuple(d)),
            "is_signed" => Ok(Value::Bool(d.is_signed())),
            "is_nan" => Ok(Value::Bool(d.is_nan())),
            "is_infinite" => Ok(Value::Bool(d.is_infinite())),
            "is_finite" => Ok(Value::Bool(!d.is_nan() && !d.is_infinite())),
            // (The exponent of the most significant digit: 0 for zero.)
            "adjusted" => Ok(Value::int(match d.is_nan() || d.is_infinite() {
                true => 0,
                false => d.exponent() + d.coefficient_digits().len() as i64 - 1,
            })),
            _ => Ok(Value::Bool(d.is_zero())),
        }
    }
}

/// `d.as_tuple()`: `DecimalTuple(sign, digits, exponent)` (`'F'` for infinities, `'n'`
/// for NaNs).
fn decimal_tuple(d: &crate::core::py::decimal::Decimal) -> Value {
    let (digits, exponent) = if d.is_infinite() {
        (vec![Value::int(0)], Value::str("F"))
    } else if d.is_nan() {
        (vec![], Value::str("n"))
    } else {
        let digits = d.coefficient_digits();
        let ds = digits
            .bytes()
            .map(|b| Value::int((b - b'0') as i64))
            .collect();
        (ds, Value::int(d.exponent()))
    };
    named_tuple(
        "DecimalTuple",
        &["sign", "digits", "exponent"],
        vec![
            Value::int(d.is_signed() as i64),
            Value::tuple(digits),
            exponent,
        ],
    )
}
