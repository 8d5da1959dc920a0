//! Names: Flask-SQLAlchemy's `__tablename__` derivation and SQLAlchemy's `MetaData(naming_convention=...)`.

/// Flask-SQLAlchemy's `camel_to_snake_case` (`model.py`): the regex
/// `((?<=[a-z0-9])[A-Z]|(?!^)[A-Z](?=[a-z]))` → `_\1`, then `.lower().lstrip("_")`.
pub fn camel_to_snake_case(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::with_capacity(name.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_uppercase() {
            let after_lower_or_digit =
                i > 0 && (chars[i - 1].is_ascii_lowercase() || chars[i - 1].is_ascii_digit());
            let before_lower = i > 0 && chars.get(i + 1).is_some_and(|n| n.is_ascii_lowercase());
            if after_lower_or_digit || before_lower {
                out.push('_');
            }
        }
        out.push(c);
    }
    crate::core::py::case::lower(&out)
        .trim_start_matches('_')
        .to_string()
}

/// The kind of schema object a naming-convention key applies to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConstraintKind {
    /// `ix`: Index.
    Index,
    /// `uq`: UniqueConstraint.
    Unique,
    /// `ck`: CheckConstraint.
    Check,
    /// `fk`: ForeignKeyConstraint.
    ForeignKey,
    /// `pk`: PrimaryKeyConstraint.
    PrimaryKey,
}

impl ConstraintKind {
    /// Convention dictionary key.
    pub fn key(self) -> &'static str {
        match self {
            ConstraintKind::Index => "ix",
            ConstraintKind::Unique => "uq",
            ConstraintKind::Check => "ck",
            ConstraintKind::ForeignKey => "fk",
            ConstraintKind::PrimaryKey => "pk",
        }
    }
}

/// `MetaData(naming_convention={...})`: key (`ix`, `uq`, `ck`, `fk`, `pk`) → `%(token)s` template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamingConvention(Vec<(String, String)>);

impl Default for NamingConvention {
    /// SQLAlchemy's `DEFAULT_NAMING_CONVENTION`: `{"ix": "ix_%(column_0_label)s"}`.
    fn default() -> Self {
        NamingConvention::new([("ix", "ix_%(column_0_label)s")])
    }
}

/// What a convention template can refer to.
#[derive(Debug, Clone, Default)]
pub struct ConventionInput<'a> {
    /// `%(table_name)s`
    pub table: &'a str,
    /// Constrained columns (`column_0_name`, `column_0N_name`, `column_0_N_name`, `_label`, `_key`).
    pub columns: Vec<&'a str>,
    /// Referred table (foreign keys).
    pub referred_table: Option<&'a str>,
    /// Referred columns (foreign keys).
    pub referred_columns: Vec<&'a str>,
    /// Explicit name (`%(constraint_name)s`).
    pub constraint_name: Option<&'a str>,
}

/// Error: a `%(constraint_name)s` convention applied to an unnamed constraint, or an unknown token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConventionError(pub String);

impl NamingConvention {
    /// A convention from `(key, template)` pairs (replaces the default, as in SQLAlchemy).
    pub fn new<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        // In the order given (as the dict SQLAlchemy keeps), each key once (a later
        // duplicate takes the first one's place, as in a dict).
        let mut map: Vec<(String, String)> = Vec::new();
        for (k, v) in pairs {
            match map.iter_mut().find(|(key, _)| key == k) {
                Some(slot) => slot.1 = v.to_string(),
                None => map.push((k.to_string(), v.to_string())),
            }
        }
        NamingConvention(map)
    }

    /// The `(key, template)` pairs, in the order given.
    pub fn pairs(&self) -> &[(String, String)] {
        &self.0
    }

    /// The final name of a constraint/index: SQLAlchemy's `_constraint_name_for_table`. The
    /// convention applies when the object is unnamed or the template uses `constraint_name`.
    pub fn name_for(
        &self,
        kind: ConstraintKind,
        input: &ConventionInput<'_>,
    ) -> Result<Option<String>, ConventionError> {
        let Some((_, template)) = self.0.iter().find(|(key, _)| key == kind.key()) else {
            return Ok(input.constraint_name.map(str::to_string));
        };
        if input.constraint_name.is_some() && !template.contains("%(constraint_name)s") {
            return Ok(input.constraint_name.map(str::to_string));
        }
        expand(template, input).map(Some)
    }
}

fn token_value(token: &str, input: &ConventionInput<'_>) -> Result<String, ConventionError> {
    let err = || ConventionError(format!("Naming convention token %({token})s not supported"));
    match token {
        "table_name" => return Ok(input.table.to_string()),
        "referred_table_name" => return Ok(input.referred_table.unwrap_or_default().to_string()),
        "constraint_name" => {
            return input.constraint_name.map(str::to_string).ok_or_else(|| {
                ConventionError(
                    "Naming convention including %(constraint_name)s token requires that constraint is explicitly named."
                        .into(),
                )
            });
        }
        _ => {}
    }
    let (cols, rest, is_referred) = if let Some(r) = token.strip_prefix("referred_column_") {
        (&input.referred_columns, r, true)
    } else if let Some(r) = token.strip_prefix("column_") {
        (&input.columns, r, false)
    } else {
        return Err(err());
    };
    let render = |c: &str, attr: &str| -> String {
        if attr == "label" && !is_referred {
            format!("{}_{}", input.table, c)
        } else if attr == "label" {
            format!("{}_{}", input.referred_table.unwrap_or_default(), c)
        } else {
            c.to_string()
        }
    };
    // forms: 0_name, 0N_name, 0_N_name, <k>_name (attr: name | key | label)
    let (idx, attr) = rest.rsplit_once('_').ok_or_else(err)?;
    if !matches!(attr, "name" | "key" | "label") {
        return Err(err());
    }
    match idx {
        "0N" => Ok(cols
            .iter()
            .map(|c| render(c, attr))
            .collect::<Vec<_>>()
            .join("")),
        "0_N" => Ok(cols
            .iter()
            .map(|c| render(c, attr))
            .collect::<Vec<_>>()
            .join("_")),
        n => {
            let i: usize = n.parse().map_err(|_| err())?;
            cols.get(i).map(|c| render(c, attr)).ok_or_else(err)
        }
    }
}

fn expand(template: &str, input: &ConventionInput<'_>) -> Result<String, ConventionError> {
    let mut out = String::new();
    let mut rest = template;
    while let Some(pos) = rest.find('%') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        if let Some(a) = after.strip_prefix('%') {
            out.push('%');
            rest = a;
        } else if let Some(a) = after.strip_prefix('(') {
            let end = a
                .find(")s")
                .ok_or_else(|| ConventionError(format!("bad template {template}")))?;
            out.push_str(&token_value(&a[..end], input)?);
            rest = &a[end + 2..];
        } else {
            out.push('%');
            rest = after;
        }
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Expected values: `tablenames` block of testdata/expected_sql.txt (real camel_to_snake_case).
    #[test]
    fn tablenames() {
        let text = include_str!("testdata/expected_sql.txt");
        let block = text
            .split("=== tablenames\n")
            .nth(1)
            .unwrap()
            .split("\n===")
            .next()
            .unwrap();
        let lines: Vec<&str> = block.lines().collect();
        assert!(lines.len() >= 40);
        for pair in lines.chunks(2) {
            let class = pair[0].strip_prefix("--- ").unwrap();
            assert_eq!(camel_to_snake_case(class), pair[1], "{class}");
        }
    }

    #[test]
    fn conventions() {
        let c = NamingConvention::new([
            ("ix", "ix_%(column_0_label)s"),
            ("uq", "uq_%(table_name)s_%(column_0_name)s"),
            ("ck", "ck_%(table_name)s_%(constraint_name)s"),
            (
                "fk",
                "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
            ),
            ("pk", "pk_%(table_name)s"),
        ]);
        let inp = ConventionInput {
            table: "item",
            columns: vec!["category_id"],
            referred_table: Some("category"),
            ..Default::default()
        };
        assert_eq!(
            c.name_for(ConstraintKind::ForeignKey, &inp)
                .unwrap()
                .unwrap(),
            "fk_item_category_id_category"
        );
        assert_eq!(
            c.name_for(ConstraintKind::Index, &inp).unwrap().unwrap(),
            "ix_item_category_id"
        );
        assert!(c.name_for(ConstraintKind::Check, &inp).is_err());
        let d = NamingConvention::default();
        assert_eq!(d.name_for(ConstraintKind::Unique, &inp).unwrap(), None);
        let multi = NamingConvention::new([("uq", "uq_%(column_0N_name)s_%(column_0_N_name)s")]);
        let inp2 = ConventionInput {
            table: "t",
            columns: vec!["a", "b"],
            ..Default::default()
        };
        assert_eq!(
            multi
                .name_for(ConstraintKind::Unique, &inp2)
                .unwrap()
                .unwrap(),
            "uq_ab_a_b"
        );
    }
}
