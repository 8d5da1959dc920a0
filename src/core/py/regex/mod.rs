//! Python's `re` engine: pattern syntax, error messages and matching semantics of CPython
//! 3.11 for `str` patterns (groups, named groups, backreferences, lookarounds, lazy and
//! bounded repeats, inline and scoped flags, VERBOSE), as a backtracking matcher over
//! characters. Used by the interpreter's `re` module and by the `regexp()` SQL function
//! SQLAlchemy's SQLite dialect registers (`col.regexp_match(...)`).
//!
//! A match works on a slice of `char`s; spans are character indices. A pattern that
//! backtracks without end on some text stops with an error instead of freezing the page
//! ([`STEP_LIMIT`]).

mod exec;
mod parse;
pub mod template;
#[cfg(test)]
mod tests;

use parse::Node;

/// The `re` module's flag values.
pub mod flags {
    /// `re.IGNORECASE` / `re.I`.
    pub const IGNORECASE: u32 = 2;
    /// `re.LOCALE` / `re.L` (refused for str patterns, as in Python).
    pub const LOCALE: u32 = 4;
    /// `re.MULTILINE` / `re.M`.
    pub const MULTILINE: u32 = 8;
    /// `re.DOTALL` / `re.S`.
    pub const DOTALL: u32 = 16;
    /// `re.UNICODE` / `re.U` (the default for str patterns).
    pub const UNICODE: u32 = 32;
    /// `re.VERBOSE` / `re.X`.
    pub const VERBOSE: u32 = 64;
    /// `re.ASCII` / `re.A`.
    pub const ASCII: u32 = 256;
    /// Flags that only apply to a whole pattern.
    pub(super) const GLOBAL_ONLY: u32 = ASCII | UNICODE | LOCALE;
    /// The flag names in `repr()` order, with their values.
    pub const NAMES: [(&str, u32); 7] = [
        ("IGNORECASE", IGNORECASE),
        ("LOCALE", LOCALE),
        ("MULTILINE", MULTILINE),
        ("DOTALL", DOTALL),
        ("UNICODE", UNICODE),
        ("VERBOSE", VERBOSE),
        ("ASCII", ASCII),
    ];
}

/// Matching steps after which a search gives up (about a second of backtracking).
pub const STEP_LIMIT: u64 = 20_000_000;

/// Largest compiled program (a bounded repeat is unrolled).
const MAX_PROGRAM: usize = 200_000;

/// Group 0 and every group of a match: character spans (`None`: did not take part).
pub type Spans = Vec<Option<(usize, usize)>>;

/// `re.error`: the message and the pattern position (`str()` adds ` at position N`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReError {
    /// The message, without the position.
    pub msg: String,
    /// Character position in the pattern, when there is one.
    pub pos: Option<usize>,
}

impl std::fmt::Display for ReError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.pos {
            Some(p) => write!(f, "{} at position {p}", self.msg),
            None => f.write_str(&self.msg),
        }
    }
}

/// How a match is anchored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// `search`: anywhere from the start position on.
    Search,
    /// `match`: at the start position.
    Match,
    /// `fullmatch`: at the start position, through the end.
    Full,
}

/// One instruction of a compiled pattern.
#[derive(Debug, Clone)]
enum Inst {
    Char(char, bool),
    Any(bool),
    Class(usize),
    Anchor(parse::Anchor),
    /// Records the position in a slot (2g: group g's start, 2g+1: its end; after the
    /// groups: loop marks).
    Save(usize),
    /// Try `.0` first, then `.1`.
    Split(usize, usize),
    Jmp(usize),
    /// Leaves the loop (for `.1`) when the iteration begun at the mark in slot `.0`
    /// matched nothing: an empty iteration counts once, then the loop ends, as in `sre`.
    Progress(usize, usize),
    Backref(usize, bool),
    /// A lookaround: its body starts at the next instruction, and the program goes on at
    /// `next`.
    Look {
        ahead: bool,
        negate: bool,
        width: usize,
        next: usize,
    },
    Match,
}

/// A compiled pattern.
#[derive(Debug, Clone)]
pub struct Regex {
    prog: Vec<Inst>,
    classes: Vec<parse::Class>,
    /// Capturing groups.
    pub groups: usize,
    /// Named groups and their numbers, in definition order.
    pub names: Vec<(String, usize)>,
    /// The flags (`re.UNICODE` added for str patterns, inline global flags included).
    pub flags: u32,
    slots: usize,
}

impl Regex {
    /// Compiles `pattern` with `flags` as `re.compile` does.
    pub fn new(pattern: &str, flags: u32) -> Result<Regex, ReError> {
        if flags & flags::LOCALE != 0 {
            return Err(ReError {
                msg: "cannot use LOCALE flag with a str pattern".into(),
                pos: None,
            });
        }
        if flags & flags::ASCII != 0 && flags & flags::UNICODE != 0 {
            return Err(ReError {
                msg: "ASCII and UNICODE flags are incompatible".into(),
                pos: None,
            });
        }
        let mut p = parse::Parser::new(pattern, flags);
        let node = p.parse()?;
        let mut flags = p.flags();
        if flags & flags::ASCII == 0 {
            flags |= flags::UNICODE;
        }
        let mut c = Compiler {
            prog: vec![],
            classes: vec![],
            marks: 2 * (p.groups + 1),
        };
        c.emit_node(&node)?;
        c.prog.push(Inst::Match);
        Ok(Regex {
            prog: c.prog,
            classes: c.classes,
            groups: p.groups,
            names: p.names,
            flags,
            slots: c.marks,
        })
    }

    /// The number of a named group.
    pub fn group_index(&self, name: &str) -> Option<usize> {
        self.names.iter().find(|(n, _)| n == name).map(|x| x.1)
    }

    /// The first match in `text[..end]` from `start` on (see [`Mode`]): the spans of
    /// group 0 and of every group (`None`: did not take part). A match empty and at
    /// `not_empty_at` is skipped (how `finditer` and `sub` move past an empty match).
    pub fn find(
        &self,
        text: &[char],
        start: usize,
        mode: Mode,
        not_empty_at: Option<usize>,
    ) -> Result<Option<Spans>, ReError> {
        let mut vm = exec::Vm::new(self, text);
        let last = match mode {
            Mode::Search => text.len(),
            _ => start,
        };
        let mut at = start;
        while at <= last {
            if let Some(slots) = vm.run_at(at, mode == Mode::Full, not_empty_at)? {
                let spans = (0..=self.groups)
                    .map(|g| match (slots[2 * g], slots[2 * g + 1]) {
                        (Some(a), Some(b)) => Some((a, b)),
                        _ => None,
                    })
                    .collect();
                return Ok(Some(spans));
            }
            at += 1;
        }
        Ok(None)
    }

    /// Every match from `start` on, as `finditer` yields them (an empty match right
    /// after another match is allowed; after an empty match the next must move on).
    pub fn find_all(&self, text: &[char], limit: usize) -> Result<Vec<Spans>, ReError> {
        let mut out = vec![];
        let mut pos = 0;
        let mut not_empty_at = None;
        while pos <= text.len() && (limit == 0 || out.len() < limit) {
            let Some(m) = self.find(text, pos, Mode::Search, not_empty_at)? else {
                break;
            };
            let (s, e) = m[0].unwrap_or((pos, pos));
            not_empty_at = (s == e).then_some(e);
            pos = e;
            out.push(m);
        }
        Ok(out)
    }
}

struct Compiler {
    prog: Vec<Inst>,
    classes: Vec<parse::Class>,
    /// Next free slot (after the groups' ones) for a loop mark.
    marks: usize,
}

impl Compiler {
    fn check_size(&self) -> Result<(), ReError> {
        if self.prog.len() > MAX_PROGRAM {
            return Err(ReError {
                msg: "pattern too large for ormlab scripts (a repeat count is too big)".into(),
                pos: None,
            });
        }
        Ok(())
    }

    fn emit_node(&mut self, n: &Node) -> Result<(), ReError> {
        self.check_size()?;
        match n {
            Node::Empty => {}
            Node::Char(c, i) => self.prog.push(Inst::Char(*c, *i)),
            Node::Any(d) => self.prog.push(Inst::Any(*d)),
            Node::Class(c) => {
                self.classes.push((**c).clone());
                self.prog.push(Inst::Class(self.classes.len() - 1));
            }
            Node::Anchor(a) => self.prog.push(Inst::Anchor(*a)),
            Node::Group(g, body) => {
                if let Some(g) = g {
                    self.prog.push(Inst::Save(2 * g));
                }
                self.emit_node(body)?;
                if let Some(g) = g {
                    self.prog.push(Inst::Save(2 * g + 1));
                }
            }
            Node::Concat(v) => {
                for x in v {
                    self.emit_node(x)?;
                }
            }
            Node::Alt(v) => {
                // Split(a, next) a Jmp(end) Split(b, next) b Jmp(end) ... last
                let mut jumps = vec![];
                for (i, x) in v.iter().enumerate() {
                    if i + 1 < v.len() {
                        let split = self.prog.len();
                        self.prog.push(Inst::Split(split + 1, 0));
                        self.emit_node(x)?;
                        jumps.push(self.prog.len());
                        self.prog.push(Inst::Jmp(0));
                        let next = self.prog.len();
                        self.prog[split] = Inst::Split(split + 1, next);
                    } else {
                        self.emit_node(x)?;
                    }
                }
                let end = self.prog.len();
                for j in jumps {
                    self.prog[j] = Inst::Jmp(end);
                }
            }
            Node::Repeat {
                node,
                min,
                max,
                greedy,
            } => self.emit_repeat(node, *min, *max, *greedy)?,
            Node::Backref(g, i) => self.prog.push(Inst::Backref(*g, *i)),
            Node::Look {
                node,
                ahead,
                negate,
                width,
            } => {
                let at = self.prog.len();
                self.prog.push(Inst::Match);
                self.emit_node(node)?;
                self.prog.push(Inst::Match);
                let next = self.prog.len();
                self.prog[at] = Inst::Look {
                    ahead: *ahead,
                    negate: *negate,
                    width: *width,
                    next,
                };
            }
        }
        Ok(())
    }

    fn split(&self, body: usize, out: usize, greedy: bool) -> Inst {
        if greedy {
            Inst::Split(body, out)
        } else {
            Inst::Split(out, body)
        }
    }

    fn emit_repeat(
        &mut self,
        node: &Node,
        min: u32,
        max: Option<u32>,
        greedy: bool,
    ) -> Result<(), ReError> {
        if (min as usize) > MAX_PROGRAM || max.is_some_and(|m| m as usize > MAX_PROGRAM) {
            return Err(ReError {
                msg: "pattern too large for ormlab scripts (a repeat count is too big)".into(),
                pos: None,
            });
        }
        for _ in 0..min {
            self.emit_node(node)?;
        }
        let may_be_empty = min_width(node) == 0;
        match max {
            None => {
                // L: Split(body, out) [mark] body [progress] Jmp L; out:
                let mark = self.marks;
                if may_be_empty {
                    self.marks += 1;
                }
                let l = self.prog.len();
                self.prog.push(Inst::Match);
                if may_be_empty {
                    self.prog.push(Inst::Save(mark));
                }
                self.emit_node(node)?;
                let progress = self.prog.len();
                if may_be_empty {
                    self.prog.push(Inst::Match);
                }
                self.prog.push(Inst::Jmp(l));
                let out = self.prog.len();
                self.prog[l] = self.split(l + 1, out, greedy);
                if may_be_empty {
                    self.prog[progress] = Inst::Progress(mark, out);
                }
            }
            Some(max) => {
                // (max - min) optional copies, each skipping to the end
                let mut holes = vec![];
                for _ in min..max {
                    self.check_size()?;
                    holes.push(self.prog.len());
                    self.prog.push(Inst::Match);
                    self.emit_node(node)?;
                }
                let end = self.prog.len();
                for h in holes {
                    self.prog[h] = self.split(h + 1, end, greedy);
                }
            }
        }
        Ok(())
    }
}

/// The fewest characters a match of `n` spans (0 when it can match empty).
fn min_width(n: &Node) -> usize {
    match n {
        Node::Empty | Node::Anchor(_) | Node::Look { .. } | Node::Backref(..) => 0,
        Node::Char(..) | Node::Any(_) | Node::Class(_) => 1,
        Node::Group(_, b) => min_width(b),
        Node::Concat(v) => v.iter().map(min_width).sum(),
        Node::Alt(v) => v.iter().map(min_width).min().unwrap_or(0),
        Node::Repeat { node, min, .. } => min_width(node).saturating_mul(*min as usize),
    }
}

/// `re.escape(s)`: every character but ASCII letters, digits and `_` escaped with `\`
/// (Python 3.7+ escapes only the special ones).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\0' => out.push_str("\\000"),
            '(' | ')' | '[' | ']' | '{' | '}' | '?' | '*' | '+' | '-' | '|' | '^' | '$' | '\\'
            | '.' | '&' | '~' | '#' | ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}
