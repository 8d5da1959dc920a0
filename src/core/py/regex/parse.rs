//! Python `re` pattern syntax → [`Node`] tree, with CPython's error messages and positions.

use super::{ReError, flags};

/// A character class item.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum ClassItem {
    /// One character.
    Char(char),
    /// `a-z`.
    Range(char, char),
    /// `\d` (`true`: `\D`).
    Digit(bool),
    /// `\w` (`true`: `\W`).
    Word(bool),
    /// `\s` (`true`: `\S`).
    Space(bool),
}

/// `[...]`: its items, negated with `^`, and whether it matches ignoring case / ASCII only.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Class {
    pub items: Vec<ClassItem>,
    pub negated: bool,
    pub icase: bool,
    pub ascii: bool,
}

/// Zero-width assertions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Anchor {
    /// `^` (`true`: MULTILINE, after any newline too).
    Start(bool),
    /// `$` (`true`: MULTILINE, before any newline too).
    End(bool),
    /// `\A`.
    TextStart,
    /// `\Z`.
    TextEnd,
    /// `\b` (`true`: ASCII word characters only).
    WordBoundary(bool),
    /// `\B`.
    NotWordBoundary(bool),
}

/// A parsed pattern.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Node {
    Empty,
    /// A literal character (ignoring case when `bool`).
    Char(char, bool),
    /// `.` (`true`: DOTALL, a newline too).
    Any(bool),
    Class(Box<Class>),
    Anchor(Anchor),
    /// A group: its number when capturing.
    Group(Option<usize>, Box<Node>),
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat {
        node: Box<Node>,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    },
    /// `\1`, `(?P=name)` (ignoring case when `bool`).
    Backref(usize, bool),
    /// `(?=...)`, `(?!...)`, `(?<=...)`, `(?<!...)`: behind's fixed width in `width`.
    Look {
        node: Box<Node>,
        ahead: bool,
        negate: bool,
        width: usize,
    },
}

/// The largest `{m,n}` bound Python accepts (`MAXREPEAT - 1`).
const MAX_REPEAT: u64 = 4_294_967_294;

pub(super) struct Parser<'a> {
    chars: Vec<char>,
    pos: usize,
    flags: u32,
    /// Capturing groups opened so far.
    pub groups: usize,
    /// Named groups: name and number.
    pub names: Vec<(String, usize)>,
    /// Groups closed so far (a backreference may only name one of them).
    closed: Vec<usize>,
    pattern: &'a str,
}

impl<'a> Parser<'a> {
    pub fn new(pattern: &'a str, flags: u32) -> Self {
        Parser {
            chars: pattern.chars().collect(),
            pos: 0,
            flags,
            groups: 0,
            names: vec![],
            closed: vec![],
            pattern,
        }
    }

    /// The flags in force at the end (global inline flags included).
    pub fn flags(&self) -> u32 {
        self.flags
    }

    fn err(&self, msg: impl Into<String>, pos: usize) -> ReError {
        ReError {
            msg: msg.into(),
            pos: Some(pos),
        }
    }

    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn verbose(&self) -> bool {
        self.flags & flags::VERBOSE != 0
    }

    /// VERBOSE: skips whitespace and `#` comments.
    fn skip_verbose(&mut self) {
        if !self.verbose() {
            return;
        }
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                self.pos += 1;
            } else if c == '#' {
                while let Some(c) = self.peek() {
                    self.pos += 1;
                    if c == '\n' {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    /// The whole pattern.
    pub fn parse(&mut self) -> Result<Node, ReError> {
        let node = self.alternation()?;
        if self.pos < self.chars.len() {
            // (Only a `)` stops an alternation early.)
            return Err(self.err("unbalanced parenthesis", self.pos));
        }
        let _ = self.pattern;
        Ok(node)
    }

    fn alternation(&mut self) -> Result<Node, ReError> {
        let mut alts = vec![self.concat()?];
        while self.eat('|') {
            alts.push(self.concat()?);
        }
        Ok(if alts.len() == 1 {
            alts.pop().unwrap_or(Node::Empty)
        } else {
            Node::Alt(alts)
        })
    }

    fn concat(&mut self) -> Result<Node, ReError> {
        let mut items: Vec<Node> = vec![];
        loop {
            self.skip_verbose();
            let Some(c) = self.peek() else { break };
            if c == '|' || c == ')' {
                break;
            }
            let start = self.pos;
            if matches!(c, '*' | '+' | '?') || (c == '{' && self.repeat_bounds().is_some()) {
                return Err(self.err("nothing to repeat", start));
            }
            let atom = self.atom()?;
            let atom = self.quantified(atom)?;
            items.push(atom);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    /// `{m}`, `{m,}`, `{,n}`, `{m,n}` at the cursor: the bounds and the length, without
    /// consuming (else `{` is a literal).
    fn repeat_bounds(&self) -> Option<(Option<u64>, Option<u64>, bool, usize)> {
        let rest = &self.chars[self.pos..];
        let close = rest.iter().position(|&c| c == '}')?;
        let body: String = rest[1..close].iter().collect();
        let (lo, hi, comma) = match body.split_once(',') {
            Some((a, b)) => (a, b, true),
            None => (body.as_str(), body.as_str(), false),
        };
        let num = |s: &str| -> Option<Option<u64>> {
            if s.is_empty() {
                return Some(None);
            }
            if !s.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            Some(Some(s.parse::<u64>().unwrap_or(u64::MAX)))
        };
        let lo = num(lo)?;
        let hi = num(hi)?;
        if !comma && lo.is_none() {
            return None;
        }
        Some((lo, hi, comma, close + 1))
    }

    fn quantified(&mut self, atom: Node) -> Result<Node, ReError> {
        self.skip_verbose();
        let start = self.pos;
        let (min, max) = match self.peek() {
            Some('*') => {
                self.pos += 1;
                (0, None)
            }
            Some('+') => {
                self.pos += 1;
                (1, None)
            }
            Some('?') => {
                self.pos += 1;
                (0, Some(1))
            }
            Some('{') => match self.repeat_bounds() {
                Some((lo, hi, _, len)) => {
                    let lo = lo.unwrap_or(0);
                    if lo > MAX_REPEAT || hi.is_some_and(|h| h > MAX_REPEAT) {
                        return Err(self.err("the repetition number is too large", start + 1));
                    }
                    if let Some(h) = hi
                        && h < lo
                    {
                        return Err(self.err("min repeat greater than max repeat", start + 1));
                    }
                    self.pos += len;
                    (lo as u32, hi.map(|h| h as u32))
                }
                None => return Ok(atom),
            },
            _ => return Ok(atom),
        };
        let greedy = !self.eat('?');
        if self.peek() == Some('+') {
            return Err(self.err(
                "possessive quantifiers are not supported in ormlab scripts",
                self.pos,
            ));
        }
        if matches!(atom, Node::Anchor(_)) {
            return Err(self.err("nothing to repeat", start));
        }
        if matches!(atom, Node::Repeat { .. }) {
            return Err(self.err("multiple repeat", start));
        }
        let node = Node::Repeat {
            node: Box::new(atom),
            min,
            max,
            greedy,
        };
        self.skip_verbose();
        if matches!(self.peek(), Some('*' | '+' | '?'))
            || (self.peek() == Some('{') && self.repeat_bounds().is_some())
        {
            return Err(self.err("multiple repeat", self.pos));
        }
        Ok(node)
    }

    fn icase(&self) -> bool {
        self.flags & flags::IGNORECASE != 0
    }

    fn ascii(&self) -> bool {
        self.flags & flags::ASCII != 0
    }

    fn atom(&mut self) -> Result<Node, ReError> {
        let start = self.pos;
        let Some(c) = self.peek() else {
            return Ok(Node::Empty);
        };
        self.pos += 1;
        Ok(match c {
            '.' => Node::Any(self.flags & flags::DOTALL != 0),
            '^' => Node::Anchor(Anchor::Start(self.flags & flags::MULTILINE != 0)),
            '$' => Node::Anchor(Anchor::End(self.flags & flags::MULTILINE != 0)),
            '[' => Node::Class(Box::new(self.class(start)?)),
            '(' => self.group(start)?,
            '\\' => self.escape(start)?,
            c => Node::Char(c, self.icase()),
        })
    }

    /// After `\` outside a class.
    fn escape(&mut self, start: usize) -> Result<Node, ReError> {
        let Some(c) = self.peek() else {
            return Err(self.err("bad escape (end of pattern)", start));
        };
        self.pos += 1;
        let ascii = self.ascii();
        let class = |item| {
            Node::Class(Box::new(Class {
                items: vec![item],
                negated: false,
                icase: false,
                ascii,
            }))
        };
        Ok(match c {
            'A' => Node::Anchor(Anchor::TextStart),
            'Z' => Node::Anchor(Anchor::TextEnd),
            'b' => Node::Anchor(Anchor::WordBoundary(ascii)),
            'B' => Node::Anchor(Anchor::NotWordBoundary(ascii)),
            'd' | 'D' | 'w' | 'W' | 's' | 'S' => {
                class(class_escape(c).unwrap_or(ClassItem::Char(c)))
            }
            '1'..='9' => {
                let mut n = c.to_digit(10).unwrap_or(0) as usize;
                if let Some(d) = self.peek().and_then(|d| d.to_digit(10)) {
                    // (Three octal digits would be a character: `\101`.)
                    let octal = self.chars.get(self.pos + 1).and_then(|e| e.to_digit(8));
                    if c <= '7'
                        && d <= 7
                        && let Some(e) = octal
                    {
                        self.pos += 2;
                        let v = (n as u32) * 64 + d * 8 + e;
                        let text: String = self.chars[start + 1..self.pos].iter().collect();
                        return match char::from_u32(v) {
                            Some(ch) if v <= 0o377 => Ok(Node::Char(ch, self.icase())),
                            _ => Err(self.err(
                                format!("octal escape value \\{text} outside of range 0-0o377"),
                                start,
                            )),
                        };
                    }
                    self.pos += 1;
                    n = n * 10 + d as usize;
                }
                if !self.closed.contains(&n) {
                    let msg = if n > self.groups {
                        format!("invalid group reference {n}")
                    } else {
                        "cannot refer to an open group".to_string()
                    };
                    return Err(self.err(msg, start + 1));
                }
                Node::Backref(n, self.icase())
            }
            _ => Node::Char(self.char_escape(c, start)?, self.icase()),
        })
    }

    /// A character escape (also inside classes): `\n`, `\x41`, `\u00e9`, `\0`, `\.`.
    fn char_escape(&mut self, c: char, start: usize) -> Result<char, ReError> {
        Ok(match c {
            'n' => '\n',
            't' => '\t',
            'r' => '\r',
            'f' => '\x0c',
            'v' => '\x0b',
            'a' => '\x07',
            '0' => {
                let mut v = 0u32;
                for _ in 0..2 {
                    match self.peek().and_then(|d| d.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            self.pos += 1;
                        }
                        None => break,
                    }
                }
                char::from_u32(v).unwrap_or('\0')
            }
            'x' | 'u' | 'U' => {
                let n = match c {
                    'x' => 2,
                    'u' => 4,
                    _ => 8,
                };
                let digits: String = self.chars[self.pos..].iter().take(n).collect();
                if digits.chars().count() < n || !digits.chars().all(|d| d.is_ascii_hexdigit()) {
                    let got: String = self.chars[start..(self.pos + n).min(self.chars.len())]
                        .iter()
                        .take_while(|ch| **ch == '\\' || ch.is_ascii_alphanumeric())
                        .collect();
                    return Err(self.err(format!("incomplete escape {got}"), start));
                }
                self.pos += n;
                let v = u32::from_str_radix(&digits, 16).unwrap_or(0);
                match char::from_u32(v) {
                    Some(ch) => ch,
                    None => {
                        return Err(self.err(format!("bad escape \\{c}{digits}"), start));
                    }
                }
            }
            c if c.is_ascii_alphanumeric() => {
                return Err(self.err(format!("bad escape \\{c}"), start));
            }
            c => c,
        })
    }

    /// After `[`.
    fn class(&mut self, start: usize) -> Result<Class, ReError> {
        let negated = self.eat('^');
        let mut items = vec![];
        let mut first = true;
        loop {
            let Some(c) = self.peek() else {
                return Err(self.err("unterminated character set", start));
            };
            let at = self.pos;
            self.pos += 1;
            if c == ']' && !first {
                break;
            }
            first = false;
            let lo = if c == '\\' {
                let Some(e) = self.peek() else {
                    return Err(self.err("unterminated character set", start));
                };
                self.pos += 1;
                if let Some(item) = class_escape(e) {
                    items.push(item);
                    continue;
                }
                match e {
                    'b' => '\x08',
                    e => self.char_escape(e, at)?,
                }
            } else {
                c
            };
            // a range `lo-hi` (a `-` before `]` is literal)
            if self.peek() == Some('-') && self.chars.get(self.pos + 1).is_some_and(|&n| n != ']') {
                self.pos += 1;
                let hi_at = self.pos;
                let Some(h) = self.peek() else {
                    return Err(self.err("unterminated character set", start));
                };
                self.pos += 1;
                let hi = if h == '\\' {
                    let Some(e) = self.peek() else {
                        return Err(self.err("unterminated character set", start));
                    };
                    self.pos += 1;
                    if matches!(e, 'd' | 'D' | 'w' | 'W' | 's' | 'S') {
                        let text: String = self.chars[at..self.pos].iter().collect();
                        return Err(self.err(format!("bad character range {text}"), at));
                    }
                    self.char_escape(e, hi_at)?
                } else {
                    h
                };
                if hi < lo {
                    let text: String = self.chars[at..self.pos].iter().collect();
                    return Err(self.err(format!("bad character range {text}"), at));
                }
                items.push(ClassItem::Range(lo, hi));
            } else {
                items.push(ClassItem::Char(lo));
            }
        }
        Ok(Class {
            items,
            negated,
            icase: self.icase(),
            ascii: self.ascii(),
        })
    }

    fn flag_letter(c: char) -> Option<u32> {
        Some(match c {
            'i' => flags::IGNORECASE,
            'm' => flags::MULTILINE,
            's' => flags::DOTALL,
            'x' => flags::VERBOSE,
            'a' => flags::ASCII,
            'u' => flags::UNICODE,
            'L' => flags::LOCALE,
            _ => return None,
        })
    }

    fn group_name(&mut self, end: char, start: usize) -> Result<String, ReError> {
        let from = self.pos;
        let mut name = String::new();
        loop {
            match self.peek() {
                None => return Err(self.err(format!("missing {end}, unterminated name"), from)),
                Some(c) if c == end => {
                    self.pos += 1;
                    break;
                }
                Some(c) => {
                    name.push(c);
                    self.pos += 1;
                }
            }
        }
        let valid = name
            .chars()
            .next()
            .is_some_and(|c| c == '_' || c.is_alphabetic())
            && name.chars().all(|c| c == '_' || c.is_alphanumeric());
        if name.is_empty() {
            return Err(self.err("missing group name", from));
        }
        if !valid {
            return Err(self.err(format!("bad character in group name '{name}'"), from));
        }
        let _ = start;
        Ok(name)
    }

    /// `unknown extension ?P<x`: the group's text from `?` through the next character.
    fn unknown_extension(&self, start: usize) -> ReError {
        let end = (self.pos + 1).min(self.chars.len());
        let ext: String = self.chars[start + 1..end].iter().collect();
        self.err(format!("unknown extension {ext}"), start + 1)
    }

    /// After `(`.
    fn group(&mut self, start: usize) -> Result<Node, ReError> {
        let mut capture = true;
        let mut name = None;
        let saved_flags = self.flags;
        if self.eat('?') {
            let Some(c) = self.peek() else {
                return Err(self.err("unexpected end of pattern", self.pos));
            };
            self.pos += 1;
            match c {
                ':' => capture = false,
                'P' => {
                    match self.peek() {
                        Some('<') => {
                            self.pos += 1;
                            let n = self.group_name('>', start)?;
                            if self.names.iter().any(|(k, _)| *k == n) {
                                return Err(self.err(
                                format!("redefinition of group name '{n}' as group {}; was group {}",
                                    self.groups + 1,
                                    self.names.iter().find(|(k, _)| *k == n).map(|x| x.1).unwrap_or(0)),
                                start + 4,
                            ));
                            }
                            name = Some(n);
                        }
                        Some('=') => {
                            self.pos += 1;
                            let n = self.group_name(')', start)?;
                            let Some(&(_, g)) = self.names.iter().find(|(k, _)| *k == n) else {
                                return Err(
                                    self.err(format!("unknown group name '{n}'"), start + 4)
                                );
                            };
                            if !self.closed.contains(&g) {
                                return Err(self.err("cannot refer to an open group", start + 4));
                            }
                            return Ok(Node::Backref(g, self.icase()));
                        }
                        _ => return Err(self.unknown_extension(start)),
                    }
                }
                '#' => {
                    while let Some(c) = self.peek() {
                        self.pos += 1;
                        if c == ')' {
                            return Ok(Node::Empty);
                        }
                    }
                    return Err(self.err("missing ), unterminated comment", start));
                }
                '=' | '!' => return self.look(start, true, c == '!'),
                '<' => match self.peek() {
                    Some(d @ ('=' | '!')) => {
                        self.pos += 1;
                        return self.look(start, false, d == '!');
                    }
                    _ => return Err(self.unknown_extension(start)),
                },
                c if c == '-' || Self::flag_letter(c).is_some() => {
                    // inline flags: `(?i)` (global, at the start only) or `(?i:...)`,
                    // `(?-i:...)`
                    let mut on = 0;
                    let mut off = 0;
                    let mut minus = c == '-';
                    if let Some(f) = Self::flag_letter(c) {
                        on |= f;
                    }
                    loop {
                        match self.peek() {
                            Some(')') if !minus => {
                                self.pos += 1;
                                if start != 0 && !self.only_flags_before(start) {
                                    return Err(self.err(
                                        "global flags not at the start of the expression",
                                        start,
                                    ));
                                }
                                self.flags |= on;
                                return Ok(Node::Empty);
                            }
                            Some(':') => {
                                self.pos += 1;
                                break;
                            }
                            Some('-') if !minus => {
                                self.pos += 1;
                                minus = true;
                            }
                            Some(f) if Self::flag_letter(f).is_some() => {
                                self.pos += 1;
                                let bit = Self::flag_letter(f).unwrap_or(0);
                                if minus {
                                    off |= bit;
                                } else {
                                    on |= bit;
                                }
                            }
                            Some(_) => {
                                return Err(self.err("unknown flag", self.pos));
                            }
                            None => {
                                return Err(self.err("missing -, : or )", self.pos));
                            }
                        }
                    }
                    self.flags = (self.flags | on) & !off;
                    capture = false;
                }
                _ => {
                    return Err(self.err(format!("unknown extension ?{c}"), start + 1));
                }
            }
        }
        let number = if capture {
            self.groups += 1;
            if let Some(n) = name {
                self.names.push((n, self.groups));
            }
            Some(self.groups)
        } else {
            None
        };
        let body = self.alternation()?;
        self.flags = (saved_flags & !flags::GLOBAL_ONLY) | (self.flags & flags::GLOBAL_ONLY);
        if !self.eat(')') {
            return Err(self.err("missing ), unterminated subpattern", start));
        }
        if let Some(n) = number {
            self.closed.push(n);
        }
        Ok(Node::Group(number, Box::new(body)))
    }

    /// Only global-flag groups come before `at` (where Python still allows one).
    fn only_flags_before(&self, at: usize) -> bool {
        let before: String = self.chars[..at].iter().collect();
        let mut rest = before.as_str();
        while let Some(r) = rest.strip_prefix("(?") {
            let Some(end) = r.find(')') else { return false };
            if !r[..end].chars().all(|c| Self::flag_letter(c).is_some()) {
                return false;
            }
            rest = &r[end + 1..];
        }
        rest.is_empty()
    }

    fn look(&mut self, start: usize, ahead: bool, negate: bool) -> Result<Node, ReError> {
        let saved = self.flags;
        let body = self.alternation()?;
        self.flags = saved;
        if !self.eat(')') {
            return Err(self.err("missing ), unterminated subpattern", start));
        }
        let width = if ahead {
            0
        } else {
            match fixed_width(&body) {
                Some(w) => w,
                None => {
                    return Err(ReError {
                        msg: "look-behind requires fixed-width pattern".into(),
                        pos: None,
                    });
                }
            }
        };
        Ok(Node::Look {
            node: Box::new(body),
            ahead,
            negate,
            width,
        })
    }
}

/// `\d`, `\D`, `\w`, `\W`, `\s`, `\S` (the letter after the backslash).
fn class_escape(e: char) -> Option<ClassItem> {
    Some(match e {
        'd' => ClassItem::Digit(false),
        'D' => ClassItem::Digit(true),
        'w' => ClassItem::Word(false),
        'W' => ClassItem::Word(true),
        's' => ClassItem::Space(false),
        'S' => ClassItem::Space(true),
        _ => return None,
    })
}

/// The number of characters every match of `n` spans, if fixed.
pub(super) fn fixed_width(n: &Node) -> Option<usize> {
    match n {
        Node::Empty | Node::Anchor(_) | Node::Look { .. } => Some(0),
        Node::Char(..) | Node::Any(_) | Node::Class(_) => Some(1),
        Node::Group(_, b) => fixed_width(b),
        Node::Concat(v) => v.iter().map(fixed_width).sum(),
        Node::Alt(v) => {
            let first = fixed_width(v.first()?)?;
            v.iter()
                .all(|x| fixed_width(x) == Some(first))
                .then_some(first)
        }
        Node::Repeat { node, min, max, .. } => {
            (Some(*min) == *max).then_some(())?;
            Some(fixed_width(node)? * *min as usize)
        }
        Node::Backref(..) => None,
    }
}
