//! Checked against `testdata/type_adapt.txt`, captured from SQLAlchemy 2.0 by
//! `tools/type_adapt.py`.

use super::*;

fn ty(name: &str) -> Option<SqlType> {
    Some(match name {
        "Int" => SqlType::Integer,
        "Big" => SqlType::BigInteger,
        "Num" => SqlType::Numeric(None, None),
        "Num102" => SqlType::Numeric(Some(10), Some(2)),
        "Flt" => SqlType::Float,
        "Str" => SqlType::String(Some(5)),
        "Txt" => SqlType::Text(None),
        "Bool" => SqlType::Boolean,
        "Date" => SqlType::Date,
        "DT" => SqlType::DateTime,
        "Time" => SqlType::Time,
        "Ival" => SqlType::Interval,
        "Enum" => SqlType::Enum(vec!["ab".into(), "c".into()], Default::default()),
        "JSON" => SqlType::Json,
        "Bin" => SqlType::LargeBinary,
        _ => return None,
    })
}

fn value_type(name: &str) -> Option<SqlType> {
    Some(match name {
        "int" => SqlType::Integer,
        "float" => SqlType::Float,
        "Decimal" => SqlType::Numeric(None, None),
        "str" => SqlType::String(None),
        "bool" => SqlType::Boolean,
        "date" => SqlType::Date,
        "datetime" => SqlType::DateTime,
        "timedelta" => SqlType::Interval,
        _ => return None,
    })
}

fn repr(t: &Option<SqlType>) -> String {
    t.as_ref().map_or("NullType()".into(), |t| t.py_repr())
}

#[test]
fn matches_sqlalchemy() {
    let table = include_str!("../testdata/type_adapt.txt");
    let mut n = 0;
    for line in table.lines() {
        let parts: Vec<&str> = line.splitn(4, ' ').collect();
        let [a, b, c, want] = parts[..] else {
            panic!("bad line {line}")
        };
        let got = if a == "coerce" {
            repr(&coerce_compared(ty(b).as_ref(), value_type(c)))
        } else {
            let op = match c {
                "+" => Arith::Add,
                "-" => Arith::Sub,
                "*" => Arith::Mul,
                "/" => Arith::Div,
                "//" => Arith::FloorDiv,
                _ => Arith::Mod,
            };
            let r = adapt(op, ty(a).as_ref(), ty(b).as_ref());
            let pre = if r.concat { "concat_op:" } else { "" };
            format!("{pre}{}", repr(&r.ty))
        };
        assert_eq!(got, want, "{line}");
        n += 1;
    }
    assert!(n > 1000);
}

#[test]
fn function_types() {
    let num = Some(SqlType::Numeric(Some(10), Some(2)));
    assert_eq!(
        func_type("round", &[num.clone(), Some(SqlType::Integer)]),
        None
    );
    assert_eq!(func_type("abs", std::slice::from_ref(&num)), None);
    assert_eq!(func_type("avg", std::slice::from_ref(&num)), None);
    assert_eq!(func_type("coalesce", &[None, num.clone()]), num);
    assert_eq!(func_type("SUM", std::slice::from_ref(&num)), num);
    assert_eq!(func_type("count", &[]), Some(SqlType::Integer));
}
