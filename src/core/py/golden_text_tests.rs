//! Golden tables (from real CPython 3.11) for str methods, %-formatting and datetime.

use super::datetime::DateTime;
use super::float::float_repr;
use super::golden_tests::{check, shown};
use super::int::Int;
use super::percent::{PercentArg, PercentArgs, SimpleArg, percent_format};
use super::strings::*;
use super::timedelta::TimeDelta;

fn dehex(s: &str) -> String {
    if s == "-" {
        return String::new();
    }
    s.split(',')
        .map(|h| char::from_u32(u32::from_str_radix(h, 16).unwrap()).unwrap())
        .collect()
}

fn list_repr(v: &[String]) -> String {
    format!(
        "[{}]",
        v.iter().map(|s| str_repr(s)).collect::<Vec<_>>().join(", ")
    )
}

#[test]
fn str_methods_table() {
    check(include_str!("testdata/str_methods.tsv"), 3, |c| {
        let s = dehex(c[0]);
        let s = s.as_str();
        let r = |x: String| str_repr(&x);
        let out: Result<String, _> = match c[1] {
            "repr" => Ok(str_repr(s)),
            "split" => split(s, None, -1).map(|v| list_repr(&v)),
            "split1" => split(s, None, 1).map(|v| list_repr(&v)),
            "rsplit1" => rsplit(s, None, 1).map(|v| list_repr(&v)),
            "splitcomma" => split(s, Some(","), -1).map(|v| list_repr(&v)),
            "splitlines" => Ok(list_repr(&splitlines(s, false))),
            "splitlinesk" => Ok(list_repr(&splitlines(s, true))),
            "strip" => Ok(r(strip(s, None))),
            "title" => Ok(r(title(s))),
            "capitalize" => Ok(r(capitalize(s))),
            "swapcase" => Ok(r(swapcase(s))),
            "upper" => Ok(r(upper(s))),
            "lower" => Ok(r(lower(s))),
            "casefold" => Ok(r(casefold(s))),
            "center" => center(s, 15, '*').map(r),
            "zfill" => zfill(s, 10).map(r),
            "expandtabs" => expandtabs(s, 4).map(r),
            "preds" => Ok([
                isdigit(s),
                isdecimal(s),
                isnumeric(s),
                isalpha(s),
                isalnum(s),
                isspace(s),
                isprintable(s),
                isupper(s),
                islower(s),
                istitle(s),
            ]
            .iter()
            .map(|&b| if b { '1' } else { '0' })
            .collect()),
            "slice" => str_slice(s, Some(1), Some(-1), Some(2)).map(r),
            "rev" => str_slice(s, None, None, Some(-3)).map(r),
            "findx" => Ok(format!(
                "({}, {}, {}, {})",
                find(s, "a", None, None),
                rfind(s, "a", None, None),
                count(s, "a", None, None),
                find(s, "", Some(2), None)
            )),
            other => panic!("unknown method {other}"),
        };
        shown(out)
    });
}

#[test]
fn percent_table() {
    check(include_str!("testdata/percent.tsv"), 4, |c| {
        let arg = match c[0] {
            "i" => SimpleArg::int(Int::from_str_radix(c[1], 10).unwrap()),
            "f" => SimpleArg::float(c[1].parse().unwrap()),
            _ => SimpleArg::str(&dehex(c[1])),
        };
        let args = vec![&arg as &dyn PercentArg];
        shown(percent_format(c[2], PercentArgs::Tuple(args)))
    });
}

fn td_of(key: &str) -> TimeDelta {
    let v: Vec<i64> = key.split(',').map(|x| x.parse().unwrap()).collect();
    TimeDelta::new(v[0], v[1], v[2]).unwrap()
}

#[test]
fn datetime_table() {
    let table = include_str!("testdata/datetime.tsv");
    let mut td_keys: Vec<&str> = Vec::new();
    for line in table.lines() {
        if let Some(k) = line.strip_prefix("td:").and_then(|l| l.split('\t').next())
            && !td_keys.contains(&k)
        {
            td_keys.push(k);
        }
    }
    let td0 = td_of(td_keys[0]);
    let td1 = td_of(td_keys[1]);
    let base = DateTime::new(2024, 3, 15, 14, 30, 5, 0).unwrap();
    let fmt =
        "%Y|%m|%d|%H|%M|%S|%f|%y|%b|%B|%a|%A|%j|%p|%I|%U|%W|%w|%u|%G|%V|%C|%e|%D|%T|%F|%c|%x|%X|%%";
    check(table, 3, |c| {
        if let Some(k) = c[0].strip_prefix("td:") {
            let td = td_of(k);
            return shown(match c[1] {
                "repr" => Ok(td.repr()),
                "str" => Ok(td.to_str()),
                "total" => Ok(float_repr(td.total_seconds())),
                "mul" => td.mul_float(1.37).map(|t| t.repr()),
                "div" => td.div_int(&Int::from(7)).map(|t| t.repr()),
                "floordiv" => td.floordiv_int(&Int::from(7)).map(|t| t.repr()),
                "ratio" => td.div_td(&td0).map(float_repr),
                _ => td.mod_td(&td1).map(|t| t.repr()),
            });
        }
        let v: Vec<i64> = c[0].split(',').map(|x| x.parse().unwrap()).collect();
        let x = DateTime::new(v[0], v[1], v[2], v[3], v[4], v[5], v[6]).unwrap();
        shown(match c[1] {
            "repr" => Ok(x.repr()),
            "str" => Ok(x.to_str()),
            "date" => Ok(x.date().repr()),
            "strftime" => Ok(x.strftime(fmt)),
            "isocal" => {
                let (y, w, d) = x.date().isocalendar();
                Ok(format!("({y}, {w}, {d})"))
            }
            "ord" => Ok(x.date().toordinal().to_string()),
            "minus" => x.sub_datetime(&base).map(|t| t.repr()),
            other => {
                let k = other.strip_prefix("plus:").unwrap();
                x.add(&td_of(k)).map(|d| d.repr())
            }
        })
    });
}

#[test]
fn json_dumps_table() {
    use super::json::{DumpOptions, Indent, dumps, loads};
    check(include_str!("testdata/json_dumps.tsv"), 3, |c| {
        let v = loads(&super::golden_tests::unesc(c[0])).unwrap();
        let mut o = DumpOptions::default();
        match c[1] {
            "indent2" => o.indent = Some(Indent::Spaces(2)),
            "indent0" => o.indent = Some(Indent::Spaces(0)),
            "tab" => o.indent = Some(Indent::Str("\t".into())),
            "sort" => o.sort_keys = true,
            "compact" => o.separators = Some((",".into(), ":".into())),
            "noascii" => o.ensure_ascii = false,
            _ => {}
        }
        shown(dumps(&v, &o))
    });
}

#[test]
fn json_loads_table() {
    use super::json::{DumpOptions, dumps, loads};
    check(include_str!("testdata/json_loads.tsv"), 2, |c| {
        shown(loads(&dehex(c[0])).and_then(|v| dumps(&v, &DumpOptions::default())))
    });
}

#[test]
fn fromisoformat_table() {
    use super::datetime::Date;
    check(include_str!("testdata/fromisoformat.tsv"), 3, |c| {
        shown(match c[1] {
            "date" => Date::fromisoformat(c[0]).map(|d| d.repr()),
            _ => DateTime::fromisoformat(c[0]).map(|d| d.repr()),
        })
    });
}

#[test]
fn parse_table() {
    use super::decimal::Decimal;
    use super::float::parse_float;
    check(include_str!("testdata/parse.tsv"), 3, |c| {
        let s = dehex(c[0]);
        shown(match c[1] {
            "float" => parse_float(&s).map(float_repr),
            "Decimal" => Decimal::parse(&s).map(|d| d.repr()),
            base => Int::from_str_radix(&s, base[3..].parse().unwrap()).map(|v| v.to_string()),
        })
    });
}

#[test]
fn strptime_table() {
    check(include_str!("testdata/strptime.tsv"), 3, |c| {
        shown(DateTime::strptime(c[0], c[1]).map(|d| d.repr()))
    });
}

struct GoldenMap(Vec<(String, SimpleArg)>);

impl PercentArg for GoldenMap {
    fn py_str(&self) -> super::error::PyResult<String> {
        Ok("{...}".into())
    }
    fn py_repr(&self) -> super::error::PyResult<String> {
        Ok("{...}".into())
    }
    fn number(&self) -> super::percent::PercentNum {
        super::percent::PercentNum::NotNumber
    }
    fn type_name(&self) -> String {
        "dict".into()
    }
    fn is_mapping(&self) -> bool {
        true
    }
    fn get_item(&self, key: &str) -> super::error::PyResult<Box<dyn PercentArg + '_>> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| Box::new(v.clone()) as Box<dyn PercentArg>)
            .ok_or_else(|| super::percent::key_error(key))
    }
}

fn parg(enc: &str) -> SimpleArg {
    let (kind, v) = enc.split_once(':').unwrap();
    match kind {
        "i" => SimpleArg::int(Int::from_str_radix(v, 10).unwrap()),
        "f" => SimpleArg::float(v.parse().unwrap()),
        _ => SimpleArg::str(&dehex(v)),
    }
}

#[test]
fn percent_random_table() {
    check(include_str!("testdata/percent_random.tsv"), 3, |c| {
        let fmt = super::golden_tests::unesc(c[0]);
        let mut parts = c[1].split('|');
        let kind = parts.next().unwrap();
        if kind == "map" {
            let m = GoldenMap(
                parts
                    .map(|kv| {
                        let (k, v) = kv.split_once('=').unwrap();
                        (k.to_string(), parg(v))
                    })
                    .collect(),
            );
            return shown(percent_format(&fmt, PercentArgs::Single(&m)));
        }
        let args: Vec<SimpleArg> = parts.filter(|p| !p.is_empty()).map(parg).collect();
        let refs: Vec<&dyn PercentArg> = args.iter().map(|a| a as &dyn PercentArg).collect();
        shown(percent_format(&fmt, PercentArgs::Tuple(refs)))
    });
}
