//! Column types (`db.Integer`, `db.String(80)`, ...) and their SQLite DDL spelling.

/// A SQLAlchemy column type, as far as SQL generation needs it.
#[derive(Debug, Clone, PartialEq)]
pub enum SqlType {
    /// `Integer` → `INTEGER`.
    Integer,
    /// `BigInteger` → `BIGINT`.
    BigInteger,
    /// `SmallInteger` → `SMALLINT`.
    SmallInteger,
    /// `String(n)` / `String()` → `VARCHAR(n)` / `VARCHAR`.
    String(Option<u32>),
    /// `Unicode(n)` → `VARCHAR(n)` (same DDL as String).
    Unicode(Option<u32>),
    /// `Text` / `Text(n)` → `TEXT` / `TEXT(n)`.
    Text(Option<u32>),
    /// `UnicodeText` / `UnicodeText(n)` → `TEXT` / `TEXT(n)`.
    UnicodeText(Option<u32>),
    /// `Boolean` → `BOOLEAN` (stored as 0/1).
    Boolean,
    /// `DateTime` → `DATETIME`.
    DateTime,
    /// `DateTime(timezone=True)`: a `DateTime` (SQLite stores it naive, as SQLAlchemy's
    /// dialect does) whose `timezone` flag shows in its repr.
    DateTimeTz,
    /// `Date` → `DATE`.
    Date,
    /// `Time` → `TIME`.
    Time,
    /// `Float` (any precision) → `FLOAT`.
    Float,
    /// `Numeric`, `Numeric(p)`, `Numeric(p, s)` → `NUMERIC`, `NUMERIC(p)`, `NUMERIC(p, s)`.
    Numeric(Option<u32>, Option<u32>),
    /// `JSON` → `JSON`.
    Json,
    /// `LargeBinary` → `BLOB`.
    LargeBinary,
    /// `Interval` → `DATETIME` (SQLite has no interval type: SQLAlchemy stores a
    /// timedelta as the epoch plus it).
    Interval,
    /// `Enum('a', 'bb', ...)` → `VARCHAR(<longest value>)`, or `VARCHAR(<length=>)` (no
    /// CHECK: `create_constraint` is off in 2.0); its `name=`, `length=`, `native_enum=`.
    Enum(Vec<String>, Box<EnumSpec>),
    /// `Enum(PythonEnumClass)`: stores the members' names (`VARCHAR(<longest name>)`); the
    /// class's name, to load members back; the type's `name=` when given (else the class's
    /// name lowercased).
    EnumClass(std::rc::Rc<str>, Vec<String>, Option<Box<str>>),
    /// Any other type, rendered verbatim.
    Custom(String),
    /// A type spelled under another name in DDL, behaving as its base (`DECIMAL(6, 3)` is a
    /// `Numeric`, `TIMESTAMP` a `DateTime`, `CHAR(3)` a `String`); a column keeps the base
    /// as its type and the spelling for its DDL.
    Spelled(Box<SqlType>, String),
    /// A string type with `collation=`: its base, and `COLLATE "name"` after it in DDL.
    Collated(Box<SqlType>, String),
    /// `Boolean(create_constraint=True)`: a `Boolean` whose table gets `CHECK (col IN (0, 1))`,
    /// named by its `name=` when given.
    CheckedBoolean(Option<String>),
    /// `Numeric(p, s, asdecimal=False)`: a `Numeric` whose values load as SQLite returns
    /// them (a float or an int), not as `Decimal`.
    NumericFloat(Option<u32>, Option<u32>),
    /// `Enum(..., create_constraint=True)`: an enum type whose table gets `CHECK (col IN
    /// (<values>))`, named by the enum's `name=` (a column has the enum as its type).
    CheckedEnum(Box<SqlType>),
    /// `JSON(none_as_null=True)`: a `JSON` column storing Python `None` as SQL NULL.
    JsonNoneAsNull,
}

/// The length of an enum's longest value, in characters (its VARCHAR's by default).
pub fn longest_value(values: &[String]) -> usize {
    values.iter().map(|v| v.chars().count()).max().unwrap_or(0)
}

/// An `Enum`'s keywords beside its values.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EnumSpec {
    /// `name=`.
    pub name: Option<String>,
    /// `length=` when other than the longest value's (which is the default).
    pub length: Option<u32>,
    /// `native_enum=False`.
    pub non_native: bool,
    /// `validate_strings=True`: a string none of the values is refused too.
    pub validate: bool,
}

impl SqlType {
    /// The name of the type's Python class (`type(col.type).__name__`: `String`, `JSON`).
    pub fn class_name(&self) -> &str {
        match self {
            SqlType::Integer => "Integer",
            SqlType::BigInteger => "BigInteger",
            SqlType::SmallInteger => "SmallInteger",
            SqlType::String(_) => "String",
            SqlType::Unicode(_) => "Unicode",
            SqlType::Text(_) => "Text",
            SqlType::UnicodeText(_) => "UnicodeText",
            SqlType::Boolean | SqlType::CheckedBoolean(_) => "Boolean",
            SqlType::DateTime | SqlType::DateTimeTz => "DateTime",
            SqlType::Date => "Date",
            SqlType::Time => "Time",
            SqlType::Float => "Float",
            SqlType::Numeric(..) | SqlType::NumericFloat(..) => "Numeric",
            SqlType::Json | SqlType::JsonNoneAsNull => "JSON",
            SqlType::LargeBinary => "LargeBinary",
            SqlType::Interval => "Interval",
            SqlType::Enum(..) | SqlType::EnumClass(..) => "Enum",
            // (SQLAlchemy's NullType, which compiles as `NULL`.)
            SqlType::Custom(s) if s == "NULL" => "NullType",
            SqlType::Custom(s) => s.split('(').next().unwrap_or(s),
            SqlType::Spelled(_, name) => name,
            SqlType::Collated(base, _) | SqlType::CheckedEnum(base) => base.class_name(),
        }
    }

    /// The type without the options only DDL and binding read: a `Boolean` for one with
    /// its CHECK constraint, a `JSON` for one storing `None` as NULL (what `cast()`,
    /// `type_coerce()` and result processing go by).
    pub fn base_type(&self) -> SqlType {
        match self {
            SqlType::CheckedBoolean(_) => SqlType::Boolean,
            SqlType::JsonNoneAsNull => SqlType::Json,
            t => t.clone(),
        }
    }

    /// True when this type's class is `class` or derives from it, as SQLAlchemy's type
    /// classes do (`Text` is a `String`, `Float` a `Numeric`, `TIMESTAMP` a `DateTime`).
    pub fn is_a(&self, class: &str) -> bool {
        let mut name = self.class_name();
        loop {
            if name.eq_ignore_ascii_case(class) || class == "TypeEngine" {
                return true;
            }
            name = match name {
                "BigInteger" | "SmallInteger" | "INTEGER" => "Integer",
                "BIGINT" => "BigInteger",
                "SMALLINT" => "SmallInteger",
                "Unicode" | "Text" | "Enum" | "VARCHAR" | "CHAR" => "String",
                "UnicodeText" | "TEXT" | "CLOB" => "Text",
                "NVARCHAR" | "NCHAR" => "Unicode",
                "Float" | "DECIMAL" | "NUMERIC" => "Numeric",
                "REAL" | "Double" | "FLOAT" => "Float",
                "DOUBLE" | "DOUBLE_PRECISION" => "Double",
                "DATETIME" | "TIMESTAMP" => "DateTime",
                "DATE" => "Date",
                "TIME" => "Time",
                "BOOLEAN" => "Boolean",
                "BLOB" | "BINARY" | "VARBINARY" => "LargeBinary",
                _ => return false,
            };
        }
    }

    /// `repr()` of the type object as SQLAlchemy prints it (`String(length=50)`,
    /// `Numeric(precision=10, scale=2)`, `Integer()`).
    pub fn py_repr(&self) -> String {
        let name = self.class_name();
        match self {
            SqlType::String(Some(n))
            | SqlType::Unicode(Some(n))
            | SqlType::Text(Some(n))
            | SqlType::UnicodeText(Some(n)) => format!("{name}(length={n})"),
            SqlType::Numeric(p, s) | SqlType::NumericFloat(p, s) => {
                let mut args = vec![];
                if let Some(p) = p {
                    args.push(format!("precision={p}"));
                }
                if let Some(s) = s {
                    args.push(format!("scale={s}"));
                }
                if matches!(self, SqlType::NumericFloat(..)) {
                    args.push("asdecimal=False".into());
                }
                format!("Numeric({})", args.join(", "))
            }
            SqlType::Enum(values, _) | SqlType::EnumClass(_, values, _) => {
                let mut vals: Vec<String> = values
                    .iter()
                    .map(|v| crate::core::py::strings::str_repr(v))
                    .collect();
                // (The type's name: given, or a Python enum class's own, lowercased.)
                // (Then `native_enum=False`, `create_constraint=True` (see `CheckedEnum`)
                // and `length=`, in SQLAlchemy's order.)
                match self {
                    SqlType::Enum(_, spec) => {
                        if let Some(n) = &spec.name {
                            vals.push(format!("name='{n}'"));
                        }
                        if spec.non_native {
                            vals.push("native_enum=False".into());
                        }
                        if let Some(n) = spec.length {
                            vals.push(format!("length={n}"));
                        }
                    }
                    SqlType::EnumClass(_, _, Some(n)) => vals.push(format!("name='{n}'")),
                    SqlType::EnumClass(c, _, None) => {
                        vals.push(format!("name='{}'", crate::core::py::case::lower(c)))
                    }
                    _ => {}
                }
                format!("Enum({})", vals.join(", "))
            }
            SqlType::Custom(s) if s != "NULL" => s.clone(),
            SqlType::Spelled(base, name) => {
                let r = base.py_repr();
                format!("{name}{}", r.find('(').map_or("()", |i| &r[i..]))
            }
            SqlType::Collated(base, c) => {
                let r = base.py_repr();
                let args = r.find('(').map_or("", |i| &r[i + 1..r.len() - 1]);
                let sep = if args.is_empty() { "" } else { ", " };
                format!("{}({args}{sep}collation='{c}')", base.class_name())
            }
            SqlType::CheckedBoolean(None) => "Boolean(create_constraint=True)".into(),
            SqlType::CheckedBoolean(Some(n)) => {
                format!(
                    "Boolean(create_constraint=True, name={})",
                    crate::core::py::strings::str_repr(n)
                )
            }
            SqlType::CheckedEnum(base) => {
                let r = base.py_repr();
                let at = r.rfind(", length=").unwrap_or(r.len() - 1);
                format!("{}, create_constraint=True{}", &r[..at], &r[at..])
            }
            SqlType::JsonNoneAsNull => "JSON(none_as_null=True)".into(),
            SqlType::DateTimeTz => "DateTime(timezone=True)".into(),
            _ => format!("{name}()"),
        }
    }

    /// The type as it appears in CREATE TABLE (and CAST).
    pub fn ddl(&self) -> String {
        match self {
            SqlType::Integer => "INTEGER".into(),
            SqlType::BigInteger => "BIGINT".into(),
            SqlType::SmallInteger => "SMALLINT".into(),
            SqlType::String(n) | SqlType::Unicode(n) => match n {
                Some(n) => format!("VARCHAR({n})"),
                None => "VARCHAR".into(),
            },
            SqlType::Text(n) | SqlType::UnicodeText(n) => match n {
                Some(n) => format!("TEXT({n})"),
                None => "TEXT".into(),
            },
            SqlType::Boolean => "BOOLEAN".into(),
            SqlType::DateTime | SqlType::DateTimeTz => "DATETIME".into(),
            SqlType::Date => "DATE".into(),
            SqlType::Time => "TIME".into(),
            SqlType::Float => "FLOAT".into(),
            SqlType::Numeric(p, s) | SqlType::NumericFloat(p, s) => match (p, s) {
                (Some(p), Some(s)) => format!("NUMERIC({p}, {s})"),
                (Some(p), None) => format!("NUMERIC({p})"),
                _ => "NUMERIC".into(),
            },
            SqlType::Json => "JSON".into(),
            SqlType::LargeBinary => "BLOB".into(),
            SqlType::Interval => "DATETIME".into(),
            SqlType::Enum(values, _) | SqlType::EnumClass(_, values, _) => {
                format!("VARCHAR({})", self.enum_length(values))
            }
            SqlType::Custom(s) => s.clone(),
            SqlType::Spelled(base, name) => {
                let d = base.ddl();
                let name = match name.as_str() {
                    "Double" => "DOUBLE",
                    "DOUBLE_PRECISION" => "DOUBLE PRECISION",
                    n => n,
                };
                format!("{name}{}", d.find('(').map_or("", |i| &d[i..]))
            }
            SqlType::Collated(base, c) => format!("{} COLLATE \"{c}\"", base.ddl()),
            SqlType::CheckedBoolean(_) => "BOOLEAN".into(),
            SqlType::JsonNoneAsNull => "JSON".into(),
            SqlType::CheckedEnum(base) => base.ddl(),
        }
    }

    /// An enum type's VARCHAR length: its `length=`, else its longest value's.
    pub fn enum_length(&self, values: &[String]) -> usize {
        match self {
            SqlType::Enum(_, s) if let Some(n) = s.length => n as usize,
            _ => longest_value(values),
        }
    }

    /// Integer affinity (`Integer`, `BigInteger`, `SmallInteger`): decides `+ 0.0` in true division.
    pub fn is_integer(&self) -> bool {
        matches!(
            self,
            SqlType::Integer | SqlType::BigInteger | SqlType::SmallInteger
        )
    }

    /// Boolean type: `col == True` renders `col = 1`, `~col` renders `col = 0`.
    pub fn is_boolean(&self) -> bool {
        matches!(self, SqlType::Boolean)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ddl_names() {
        // expectations: cases_create_all / ddl_02_create in testdata/expected_sql.txt
        let cases = [
            (SqlType::Integer, "INTEGER"),
            (SqlType::BigInteger, "BIGINT"),
            (SqlType::SmallInteger, "SMALLINT"),
            (SqlType::String(Some(80)), "VARCHAR(80)"),
            (SqlType::String(None), "VARCHAR"),
            (SqlType::Unicode(Some(20)), "VARCHAR(20)"),
            (SqlType::Text(None), "TEXT"),
            (SqlType::Text(Some(500)), "TEXT(500)"),
            (SqlType::UnicodeText(None), "TEXT"),
            (SqlType::Boolean, "BOOLEAN"),
            (SqlType::DateTime, "DATETIME"),
            (SqlType::Date, "DATE"),
            (SqlType::Time, "TIME"),
            (SqlType::Float, "FLOAT"),
            (SqlType::Numeric(Some(10), Some(2)), "NUMERIC(10, 2)"),
            (SqlType::Numeric(Some(5), None), "NUMERIC(5)"),
            (SqlType::Numeric(None, None), "NUMERIC"),
            (SqlType::Json, "JSON"),
            (SqlType::LargeBinary, "BLOB"),
            (
                SqlType::Enum(
                    vec!["a".into(), "bbb".into(), "cc".into()],
                    Default::default(),
                ),
                "VARCHAR(3)",
            ),
        ];
        for (t, s) in cases {
            assert_eq!(t.ddl(), s);
        }
    }
}
