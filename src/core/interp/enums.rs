//! Python's `enum.Enum`: a class deriving from it turns its plain class attributes into
//! members (singleton instances with `name` and `value`, `auto()` numbering from 1),
//! looked up by value (`Color('red')`) or name (`Color['RED']`), iterated in definition
//! order, printed as `Color.RED` / `<Color.RED: 'red'>`. `db.Enum(Color)` stores a
//! member's name, as SQLAlchemy does.

use std::rc::Rc;

use crate::core::interp::value::{Class, Instance, Value};
use crate::core::interp::{Interp, R};

impl Interp<'_> {
    /// True for a class deriving from `enum.Enum` (not `Enum` itself).
    pub fn is_enum_class(&self, c: &Class) -> bool {
        c.mro
            .borrow()
            .iter()
            .skip(1)
            .any(|b| Rc::ptr_eq(b, &self.enum_class))
    }

    /// True for a member of an enum.
    pub fn is_enum_member(&self, i: &Instance) -> bool {
        i.dict.borrow().contains_key("_name_") && self.is_enum_class(&i.class)
    }

    /// The value of a member of an enum that mixes in a builtin type (`class Role(str,
    /// Enum)`, `IntEnum`, `StrEnum`): such a member compares, hashes, computes and
    /// serializes as its value.
    pub fn mixin_value(&self, v: &Value) -> Option<Value> {
        if !self.mixin_enums {
            return None;
        }
        let Value::Instance(i) = v else { return None };
        i.class.lookup("_member_type_")?;
        if !self.is_enum_member(i) {
            return None;
        }
        i.dict.borrow().get("_value_").cloned()
    }

    /// `enum.IntEnum` / `enum.StrEnum`: an enum base mixing in `int` / `str`, whose
    /// members' `str()` is their value's.
    pub fn mixed_enum_class(&mut self, name: &str) -> Value {
        self.mixin_enums = true;
        let c = super::exceptions::make_class(name, vec![self.enum_class.clone()], false);
        let ty = if name == "IntEnum" { "int" } else { "str" };
        *c.dict.borrow_mut() = vec![
            (Rc::from("_member_type_"), Value::Builtin(Rc::from(ty))),
            (Rc::from("_str_value_"), Value::Bool(true)),
        ];
        Value::Class(c)
    }

    /// Makes the members of a new enum class from its plain attributes.
    pub(crate) fn setup_enum(&mut self, cls: &Rc<Class>) -> R<()> {
        let entries: Vec<(Rc<str>, Value)> = cls.dict.borrow().clone();
        let mut auto = 0i64;
        let mut out = Vec::with_capacity(entries.len());
        for (k, v) in entries {
            let plain = !k.starts_with('_')
                && !matches!(
                    v,
                    Value::Func(_)
                        | Value::Property(_)
                        | Value::ClassMethod(_)
                        | Value::StaticMethod(_)
                );
            if !plain {
                out.push((k, v));
                continue;
            }
            let value = if matches!(&v, Value::Builtin(b) if &**b == "enum.auto.value") {
                auto += 1;
                Value::int(auto)
            } else {
                if let Value::Int(i) = &v
                    && let Some(n) = i.to_i64()
                {
                    auto = n;
                }
                v
            };
            let member = Rc::new(Instance {
                class: cls.clone(),
                dict: Default::default(),
                orm: Default::default(),
            });
            {
                let mut d = member.dict.borrow_mut();
                d.insert(Rc::from("_name_"), Value::Str(k.clone()));
                d.insert(Rc::from("_value_"), value.clone());
                d.insert(Rc::from("name"), Value::Str(k.clone()));
                d.insert(Rc::from("value"), value);
            }
            self.note_cycle_root(crate::core::interp::teardown::CycleRoot::Instance(
                Rc::downgrade(&member),
            ));
            out.push((k, Value::Instance(member)));
        }
        *cls.dict.borrow_mut() = out;
        self.enums.push(cls.clone());
        Ok(())
    }

    /// The members of an enum class, in definition order.
    pub fn enum_members(&self, c: &Rc<Class>) -> Vec<Value> {
        c.dict
            .borrow()
            .iter()
            .filter_map(|(_, v)| match v {
                Value::Instance(i) if Rc::ptr_eq(&i.class, c) => Some(v.clone()),
                _ => None,
            })
            .collect()
    }

    /// `Color(value)`: the member with that value.
    pub fn enum_by_value(&mut self, c: &Rc<Class>, v: &Value) -> R<Value> {
        for m in self.enum_members(c) {
            if let Value::Instance(i) = &m {
                let mv = i.dict.borrow().get("_value_").cloned();
                if let Some(mv) = mv
                    && self.eq(&mv, v)?
                {
                    return Ok(m);
                }
            }
        }
        let r = self.repr(v)?;
        self.raise("ValueError", format!("{r} is not a valid {}", c.name))
    }

    /// `Color['RED']`: the member with that name.
    pub fn enum_by_name(&mut self, c: &Rc<Class>, name: &Value) -> R<Value> {
        if let Value::Str(n) = name
            && let Some(m) = c.own(n)
            && matches!(&m, Value::Instance(i) if Rc::ptr_eq(&i.class, c))
        {
            return Ok(m);
        }
        self.key_error(name)
    }

    /// An enum class by name (`db.Enum(Color)` columns load their members by it).
    pub fn enum_class_named(&self, name: &str) -> Option<Rc<Class>> {
        self.enums.iter().rev().find(|c| &*c.name == name).cloned()
    }

    /// The column type of `db.Enum(cls)` when `cls` is an enum class: its members' names.
    pub fn enum_column_type(&self, cls: &Value) -> Option<crate::core::sql::SqlType> {
        let Value::Class(c) = cls else { return None };
        if !self.is_enum_class(c) {
            return None;
        }
        let names = self
            .enum_members(c)
            .iter()
            .filter_map(|m| match m {
                Value::Instance(i) => enum_member_name(i).map(|s| s.to_string()),
                _ => None,
            })
            .collect();
        Some(crate::core::sql::SqlType::EnumClass(
            c.name.clone(),
            names,
            None,
        ))
    }

    /// `repr()` / `str()` of a member: `<Color.RED: 'red'>` / `Color.RED`.
    pub fn enum_member_text(&mut self, i: &Instance, repr: bool) -> R<String> {
        let name = enum_member_name(i).unwrap_or_else(|| Rc::from(""));
        if !repr {
            return Ok(format!("{}.{name}", i.class.name));
        }
        let value = i.dict.borrow().get("_value_").cloned();
        let r = self.repr(&value.unwrap_or(Value::None))?;
        Ok(format!("<{}.{name}: {r}>", i.class.name))
    }
}

/// A member's name (`None` for an instance that is no enum member).
pub fn enum_member_name(i: &Instance) -> Option<Rc<str>> {
    match i.dict.borrow().get("_name_") {
        Some(Value::Str(s)) => Some(s.clone()),
        _ => None,
    }
}
