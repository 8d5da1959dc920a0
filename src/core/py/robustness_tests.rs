//! Property tests: no function panics (or allocates without bound) on arbitrary input.

use proptest::prelude::*;

use super::datetime::{Date, DateTime};
use super::decimal::Decimal;
use super::decimal_format::format_decimal;
use super::float::{float_round, parse_float};
use super::format_spec::{format_float, format_int, format_str};
use super::int::Int;
use super::json::loads;
use super::percent::{PercentArg, PercentArgs, SimpleArg, percent_format};
use super::str_format::parse_format_string;
use super::strings;
use super::timedelta::{TdNum, TimeDelta, TimeDeltaArgs};

const SPEC: &str = "[<>=^*0-9a-zA-Z,._%#+ \\-{}\\[\\]!:]{0,14}";

fn int_strategy() -> impl Strategy<Value = Int> {
    prop_oneof![
        any::<i64>().prop_map(Int::from),
        (any::<i64>(), 0u32..200)
            .prop_map(|(v, s)| Int::from(v).shl(&Int::from(i64::from(s))).unwrap()),
    ]
}

fn dec_strategy() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (any::<i64>(), -40i64..40).prop_map(|(c, e)| Decimal::parse(&format!("{c}E{e}")).unwrap()),
        (any::<u64>(), -2_000_000i64..2_000_000)
            .prop_map(|(c, e)| Decimal::parse(&format!("{c}E{e}")).unwrap()),
        Just(Decimal::parse("NaN").unwrap()),
        Just(Decimal::parse("-Infinity").unwrap()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn parsers_never_panic(s in "\\PC{0,24}", t in "[0-9a-zA-Z_.+\\- :TWe]{0,24}", base in 0u32..40) {
        let _ = parse_float(&s);
        let _ = parse_float(&t);
        let _ = Int::from_str_radix(&s, base);
        let _ = Int::from_str_radix(&t, base);
        let _ = Decimal::parse(&s);
        let _ = Decimal::parse(&t);
        let _ = DateTime::fromisoformat(&t);
        let _ = Date::fromisoformat(&t);
        let _ = DateTime::fromisoformat(&s);
        let _ = loads(&s);
        let _ = parse_format_string(&s);
    }

    #[test]
    fn json_structural(s in "[\\[\\]{}\",:0-9a-z\\\\ .eE+\\-]{0,40}") {
        let _ = loads(&s);
    }

    #[test]
    fn format_specs_never_panic(spec in SPEC, n in int_strategy(), bits in any::<u64>(), d in dec_strategy(), s in "\\PC{0,8}") {
        let _ = format_int(&n, &spec);
        let _ = format_float(f64::from_bits(bits), &spec);
        let _ = format_str(&s, &spec);
        let _ = format_decimal(&d, &spec);
    }

    #[test]
    fn percent_never_panics(fmt in "[%a-zA-Z0-9.*#+ \\-()]{0,12}", n in int_strategy(), bits in any::<u64>(), s in "\\PC{0,6}", k in 0usize..4) {
        let pool = [SimpleArg::int(n), SimpleArg::float(f64::from_bits(bits)), SimpleArg::str(&s)];
        let args: Vec<&dyn PercentArg> = pool.iter().take(k).map(|a| a as &dyn PercentArg).collect();
        let _ = percent_format(&fmt, PercentArgs::Tuple(args));
        let _ = percent_format(&fmt, PercentArgs::Single(&pool[0]));
    }

    #[test]
    fn str_methods_never_panic(s in "\\PC{0,16}", sub in "\\PC{0,3}", a in any::<i64>(), b in any::<i64>(), c in any::<i64>(), small in -5i64..40) {
        let _ = strings::str_slice(&s, Some(a), Some(b), Some(c));
        let _ = strings::str_slice(&s, None, Some(b), Some(small));
        let _ = strings::char_at(&s, a);
        let _ = strings::center(&s, small, '*');
        let _ = strings::center(&s, a, '*');
        let _ = strings::zfill(&s, a);
        let _ = strings::find(&s, &sub, Some(a), Some(b));
        let _ = strings::rfind(&s, &sub, Some(a), None);
        let _ = strings::count(&s, &sub, Some(a), Some(b));
        let _ = strings::replace(&s, &sub, "xy", small);
        let _ = strings::split(&s, Some(&sub), small);
        let _ = strings::rsplit(&s, None, small);
        let _ = strings::expandtabs(&s, a);
        let _ = strings::repeat(&s, a);
        let _ = strings::startswith(&s, &[&sub], Some(a), Some(b));
        let _ = strings::title(&s);
        let _ = strings::swapcase(&s);
        let _ = strings::casefold(&s);
        let _ = strings::str_repr(&s);
    }

    #[test]
    fn int_ops_never_panic(x in int_strategy(), y in int_strategy(), e in -300i64..300, sh in any::<i64>()) {
        let _ = x.add(&y);
        let _ = x.mul(&y);
        let _ = x.divmod(&y);
        let _ = x.truediv(&y);
        let _ = x.pow(&Int::from(e));
        let _ = x.shl(&Int::from(sh));
        let _ = x.shr(&Int::from(sh));
        let _ = x.round(sh);
        let _ = x.cmp_f64(f64::from_bits(sh as u64));
        let _ = x.to_f64();
        let _ = x.pow_mod(&Int::from(e), &y);
    }

    #[test]
    fn float_helpers_never_panic(bits in any::<u64>(), nd in any::<i64>()) {
        let x = f64::from_bits(bits);
        let _ = float_round(x, nd);
        let _ = super::float::float_round_to_int(x);
        let _ = super::float::float_divmod(x, 3.5);
        let _ = Int::from_f64(x);
        let _ = Decimal::from_f64(x);
    }

    #[test]
    fn decimal_ops_never_panic(a in dec_strategy(), b in dec_strategy(), n in -50i64..50, q in -30i64..30) {
        let _ = a.add(&b);
        let _ = a.sub(&b);
        let _ = a.mul(&b);
        let _ = a.div(&b);
        let _ = a.floordiv(&b);
        let _ = a.rem(&b);
        let _ = a.compare(&b);
        let _ = a.pow_int(&Int::from(n));
        let _ = a.quantize_exp(q);
        // (`int()` of a decimal with an exponent in the millions builds a million-digit
        // int, as CPython does: correct, but seconds in a debug build. The overflow paths
        // are what this test is after.)
        if a.exponent() < 100_000 {
            let _ = a.round_to_int();
        }
        let _ = a.to_f64();
        let _ = a.sqrt();
        let _ = a.normalize();
        let _ = a.to_str();
    }

    #[test]
    fn datetime_never_panics(y in any::<i64>(), mo in any::<i64>(), d in any::<i64>(), secs in any::<f64>(), days in any::<i64>(), fmt in "[%a-zA-Z|: ]{0,12}") {
        let _ = DateTime::new(y, mo, d, 0, 0, 0, 0);
        let dt = DateTime::new(2024, 2, 29, 23, 59, 59, 999_999).unwrap();
        let args = TimeDeltaArgs { seconds: TdNum::Float(secs), days: TdNum::Int(days), ..TimeDeltaArgs::default() };
        if let Ok(td) = TimeDelta::from_args(&args) {
            let _ = dt.add(&td);
            let _ = dt.date().sub(&td);
            let _ = td.mul_float(secs);
            let _ = td.div_float(secs);
            let _ = td.to_str();
        }
        let _ = dt.strftime(&fmt);
        let _ = Date::fromordinal(days);
    }

    #[test]
    fn strptime_never_panics(s in "[0-9a-zA-Z:/ .%-]{0,16}", fmt in "(%[YymdHIMSfpjbBaAwuUWq%]|[-/: .a-z]){0,8}") {
        let _ = DateTime::strptime(&s, &fmt);
        let _ = DateTime::strptime(&s, "%m%d%H%M%S%j%U%w");
    }
}
