//! The backtracking matcher: an explicit stack of choice points and slot restores (no
//! recursion but one level per nested lookaround), bounded by [`super::STEP_LIMIT`].

use super::parse::{Anchor, Class, ClassItem};
use super::{Inst, ReError, Regex, STEP_LIMIT};
use crate::core::py::str_case::{is_alpha, is_digit};
use crate::core::py::strings::{decimal_value, is_py_space};

enum Frame {
    /// Resume at `pc` with the text position `sp`.
    Branch(usize, usize),
    /// Put a slot back as it was.
    Restore(usize, Option<usize>),
}

pub(super) struct Vm<'r, 't> {
    re: &'r Regex,
    text: &'t [char],
    slots: Vec<Option<usize>>,
    steps: u64,
}

fn too_complex() -> ReError {
    ReError {
        msg: "the pattern backtracks too much on this text (ormlab stops a match after 20 \
              million steps)"
            .into(),
        pos: None,
    }
}

/// Simple case folding of one character (its lowercase when that is one character).
fn fold(c: char) -> char {
    let lower = crate::core::py::case::lower_char(c);
    let mut l = lower.chars();
    match (l.next(), l.next()) {
        (Some(x), None) => x,
        _ => c,
    }
}

fn is_word(c: char, ascii: bool) -> bool {
    if ascii {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        c == '_' || is_alpha(c) || is_digit(c) || c.is_numeric()
    }
}

fn is_re_digit(c: char, ascii: bool) -> bool {
    if ascii {
        c.is_ascii_digit()
    } else {
        decimal_value(c).is_some()
    }
}

fn is_re_space(c: char, ascii: bool) -> bool {
    if ascii {
        matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c')
    } else {
        is_py_space(c)
    }
}

fn item_matches(item: &ClassItem, c: char, ascii: bool) -> bool {
    match *item {
        ClassItem::Char(x) => x == c,
        ClassItem::Range(a, b) => a <= c && c <= b,
        ClassItem::Digit(neg) => is_re_digit(c, ascii) != neg,
        ClassItem::Word(neg) => is_word(c, ascii) != neg,
        ClassItem::Space(neg) => is_re_space(c, ascii) != neg,
    }
}

fn class_matches(cls: &Class, c: char) -> bool {
    let hit = |c: char| cls.items.iter().any(|i| item_matches(i, c, cls.ascii));
    let mut found = hit(c);
    if !found && cls.icase {
        let lower = fold(c);
        found =
            hit(lower) || (crate::core::py::case::upper_char(c).chars()).any(|u| u != c && hit(u));
    }
    found != cls.negated
}

impl<'r, 't> Vm<'r, 't> {
    pub fn new(re: &'r Regex, text: &'t [char]) -> Self {
        Vm {
            re,
            text,
            slots: vec![None; re.slots],
            steps: 0,
        }
    }

    /// Runs the whole pattern at `at`: the slots of the first match (`full`: ending at
    /// the text's end; never empty at `not_empty_at`).
    pub fn run_at(
        &mut self,
        at: usize,
        full: bool,
        not_empty_at: Option<usize>,
    ) -> Result<Option<Vec<Option<usize>>>, ReError> {
        self.slots.iter_mut().for_each(|s| *s = None);
        let end = full.then_some(self.text.len());
        let forbid = not_empty_at.filter(|&p| p == at);
        let found = self.run(0, at, end, forbid)?;
        Ok(found.map(|e| {
            let mut slots = self.slots.clone();
            slots[0] = Some(at);
            slots[1] = Some(e);
            slots
        }))
    }

    fn at_word(&self, i: usize, ascii: bool) -> bool {
        i < self.text.len() && is_word(self.text[i], ascii)
    }

    fn anchor(&self, a: Anchor, sp: usize) -> bool {
        let n = self.text.len();
        match a {
            Anchor::Start(multi) => sp == 0 || (multi && self.text[sp - 1] == '\n'),
            Anchor::End(multi) => {
                sp == n
                    || (sp + 1 == n && self.text[sp] == '\n')
                    || (multi && self.text[sp] == '\n')
            }
            Anchor::TextStart => sp == 0,
            Anchor::TextEnd => sp == n,
            Anchor::WordBoundary(ascii) => {
                (sp > 0 && self.at_word(sp - 1, ascii)) != self.at_word(sp, ascii)
            }
            Anchor::NotWordBoundary(ascii) => {
                n > 0 && (sp > 0 && self.at_word(sp - 1, ascii)) == self.at_word(sp, ascii)
            }
        }
    }

    /// Runs from `pc` at `sp` until a `Match` (that ends at `end` if given, and is not
    /// empty when started at `forbid`): the end position. Slots written stay written
    /// on success; on failure they are as before.
    fn run(
        &mut self,
        pc: usize,
        sp: usize,
        end: Option<usize>,
        forbid: Option<usize>,
    ) -> Result<Option<usize>, ReError> {
        let start = sp;
        let mut stack: Vec<Frame> = vec![];
        let (mut pc, mut sp) = (pc, sp);
        let text = self.text;
        loop {
            self.steps += 1;
            if self.steps > STEP_LIMIT {
                return Err(too_complex());
            }
            let ok = match &self.re.prog[pc] {
                Inst::Match => {
                    if end.is_none_or(|e| e == sp) && !(forbid == Some(start) && sp == start) {
                        return Ok(Some(sp));
                    }
                    false
                }
                Inst::Char(c, icase) => {
                    let hit = sp < text.len()
                        && (text[sp] == *c || (*icase && fold(text[sp]) == fold(*c)));
                    if hit {
                        sp += 1;
                        pc += 1;
                    }
                    hit
                }
                Inst::Any(dotall) => {
                    let hit = sp < text.len() && (*dotall || text[sp] != '\n');
                    if hit {
                        sp += 1;
                        pc += 1;
                    }
                    hit
                }
                Inst::Class(i) => {
                    let hit = sp < text.len() && class_matches(&self.re.classes[*i], text[sp]);
                    if hit {
                        sp += 1;
                        pc += 1;
                    }
                    hit
                }
                Inst::Anchor(a) => {
                    let hit = self.anchor(*a, sp);
                    pc += 1;
                    hit
                }
                Inst::Save(slot) => {
                    stack.push(Frame::Restore(*slot, self.slots[*slot]));
                    self.slots[*slot] = Some(sp);
                    pc += 1;
                    true
                }
                Inst::Split(a, b) => {
                    stack.push(Frame::Branch(*b, sp));
                    pc = *a;
                    true
                }
                Inst::Jmp(a) => {
                    pc = *a;
                    true
                }
                Inst::Progress(mark, out) => {
                    pc = if self.slots[*mark] == Some(sp) {
                        *out
                    } else {
                        pc + 1
                    };
                    true
                }
                Inst::Backref(g, icase) => match (self.slots[2 * g], self.slots[2 * g + 1]) {
                    (Some(a), Some(b)) if a <= b => {
                        let len = b - a;
                        let hit = sp + len <= text.len()
                            && (0..len).all(|k| {
                                let (x, y) = (text[a + k], text[sp + k]);
                                x == y || (*icase && fold(x) == fold(y))
                            });
                        if hit {
                            sp += len;
                            pc += 1;
                        }
                        hit
                    }
                    _ => false,
                },
                Inst::Look {
                    ahead,
                    negate,
                    width,
                    next,
                } => {
                    let (ahead, negate, width, next) = (*ahead, *negate, *width, *next);
                    let from = if ahead {
                        Some(sp)
                    } else {
                        sp.checked_sub(width)
                    };
                    let saved = self.slots.clone();
                    let found = match from {
                        Some(f) => self.run(pc + 1, f, (!ahead).then_some(sp), None)?,
                        None => None,
                    };
                    if negate || found.is_none() {
                        // (A negative lookaround sets no groups.)
                        self.slots = saved;
                    } else {
                        for (i, (old, new)) in saved.iter().zip(self.slots.clone()).enumerate() {
                            if *old != new {
                                stack.push(Frame::Restore(i, *old));
                            }
                        }
                    }
                    pc = next;
                    found.is_some() != negate
                }
            };
            if ok {
                continue;
            }
            // backtrack
            loop {
                match stack.pop() {
                    None => return Ok(None),
                    Some(Frame::Restore(slot, old)) => self.slots[slot] = old,
                    Some(Frame::Branch(p, s)) => {
                        pc = p;
                        sp = s;
                        break;
                    }
                }
            }
        }
    }
}
