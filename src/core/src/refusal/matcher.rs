//! The compiled matcher (one per VM) and the per-stream scan state.
//!
//! All phrases of all selected languages, plus the exclusions, are compiled into ONE
//! Aho–Corasick automaton (`aho-corasick`'s contiguous NFA with standard, overlapping match
//! semantics). The contiguous NFA was chosen over `aho_corasick::dfa::DFA` by measurement
//! (`bench/refusals/README.md`): with the default lists (779 phrases in 11 scripts) the DFA
//! needs 5.4 MiB of heap per VM and 44 ms to build and was not faster per piece (its table does
//! not stay in cache), the NFA 206 KiB and 4 ms. The scan normalises each incoming character ([`super::normalize`]), encodes it
//! as UTF-8 and steps the automaton byte by byte, carrying the automaton state across pieces:
//! nothing is buffered and nothing is scanned twice, whatever the piece boundaries.
//!
//! When the automaton reports that patterns end at the current byte:
//! - an **exclusion** `[xs, xe)` vetoes every refusal match `[s, e)` that overlaps it
//!   (`s < xe && xs < e`): already found candidates are dropped, and the largest `xe` seen
//!   so far vetoes later candidates that start before it;
//! - an **anchored** phrase is a candidate only if it starts at the start of the answer (offset
//!   0 of the normalised stream, the virtual leading space, or 1 for phrases without one);
//! - an **anywhere** phrase is a candidate wherever it is, if it ends within the window.
//!
//! An exclusion can end after the candidate it overlaps ("I can't" then "…stress enough"), so a
//! candidate is accepted only once the stream is `max exclusion length` bytes past its end, or
//! at [`RefusalScan::finish`]. The window is counted in input characters (Unicode scalar
//! values, including whitespace and markdown); past it, the scan only keeps stepping while a
//! candidate waits for that confirmation (bounded by the longest exclusion), then stops for
//! good: later pieces cost one branch.

use super::normalize::{classify, is_leading_marker, lower, normalize_phrase, Class};
use super::phrases::{default_phrases, Language, PhraseKind};
use super::{RefusalConfig, RefusalConfigError};
use aho_corasick::automaton::{Automaton, StateID};
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::nfa::noncontiguous;
use aho_corasick::{Anchored, MatchKind};

/// Candidates waiting for exclusion confirmation at once. More would need several refusal
/// phrases ending within one exclusion length; extra candidates are dropped (the first ones,
/// which win anyway if confirmed, are kept).
const PENDING_CAP: usize = 4;

/// One compiled phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    /// As configured or listed (not normalised).
    pub text: String,
    pub kind: PhraseKind,
    /// `None` for phrases added through the configuration.
    pub language: Option<Language>,
    /// An apology opener that states no inability by itself (`[anchored: apology]`).
    pub apology: bool,
    /// Whole phrase, or one half of a split phrase (`head … tail`).
    part: Part,
    /// For a [`Part::Tail`], the index of its head; otherwise unused (0).
    partner: u32,
    /// Length of the normalised pattern, in bytes.
    len: u32,
}

/// Which piece of a phrase an automaton pattern is.
///
/// A list entry written `head … tail` (with the ellipsis `…` between spaces) is a **split
/// phrase**: a refusal whose verb sits between its modal and its negation, as in German
/// ("ich kann *diesen Text* nicht …") or Hindi ("… नहीं *बना* सकता"), where listing every
/// verb would be listing examples. It matches when `tail` starts at most
/// [`SPLIT_GAP_BYTES`] normalised bytes after `head` ends, with no clause break
/// (`. ! ? , ; :` and their CJK/Arabic/Devanagari forms, a line break) in between; the match
/// spans from the head's start to the tail's end and obeys its section like any phrase
/// (anchored: the head starts the answer).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Part {
    Whole,
    Head,
    Tail,
}

/// The most normalised bytes between a split phrase's head and tail: about four short words
/// (the object and verb between a German modal and `nicht`; a Hindi verb stem, 3 bytes per
/// Devanagari letter).
pub const SPLIT_GAP_BYTES: u32 = 40;

/// Split-phrase heads remembered per stream (the most recent ones).
const HEADS_CAP: usize = 2;

/// The separator of a split phrase in a list entry.
const SPLIT_SEPARATOR: &str = " … ";

/// A list entry that starts with `…` is a **suffix**: it may match inside a word, not only at
/// a word start. Korean attaches the honorific "for you" auxiliary to the verb it follows
/// (`알려드릴 수 없어요`, "I can't tell you"; `만들어 드릴 수 없습니다`), so `…드릴 수 없`
/// names the construction instead of every verb before it.
const SUFFIX_MARKER: char = '…';

/// Whether the user got nothing, or got part of what was asked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum RefusalKind {
    /// The answer declines and offers nothing in its place within the window.
    #[default]
    Full,
    /// The answer declines, then turns to help within the window ("I can't write that, but
    /// here's…", "…however, I can explain…"): one part refused, another answered.
    Partial,
}

impl RefusalKind {
    /// The label value of `refusal_kind`: `full` | `partial`.
    pub fn as_str(self) -> &'static str {
        match self {
            RefusalKind::Full => "full",
            RefusalKind::Partial => "partial",
        }
    }
}

/// A detected refusal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Index of the phrase in the matcher ([`RefusalMatcher::phrase`]).
    pub phrase_index: u32,
    /// The phrase is an anchored one (the answer starts with it).
    pub anchored: bool,
    /// The default list it comes from; `None` for configured extra phrases.
    pub language: Option<Language>,
    /// Full or partial refusal (settled at [`RefusalScan::finish`]).
    pub kind: RefusalKind,
}

impl PhraseMatch {
    /// A full refusal: the user got nothing.
    pub fn is_full(&self) -> bool {
        self.kind == RefusalKind::Full
    }
}

/// The phrase automaton and its phrase table, built once per VM from a [`RefusalConfig`] and
/// shared read-only by every stream.
#[derive(Clone, Debug)]
pub struct RefusalMatcher {
    /// `None` when disabled or when no phrase is left.
    automaton: Option<NFA>,
    start: StateID,
    phrases: Vec<Phrase>,
    window_chars: u32,
    /// Longest exclusion pattern, in normalised bytes.
    max_exclusion_len: u32,
}

impl RefusalMatcher {
    /// Validates `config` and compiles the phrases of its languages (minus `remove`, plus the
    /// extras) into one automaton.
    pub fn new(config: &RefusalConfig) -> Result<RefusalMatcher, RefusalConfigError> {
        config.validate()?;
        let mut phrases: Vec<Phrase> = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut seen: hashbrown::HashMap<(PhraseKind, Part, u32, String), u32> =
            hashbrown::HashMap::new();
        // Adds one automaton pattern (deduplicated); returns its phrase index.
        let mut add = |text: &str, pattern: String, kind, part, partner, language, apology| {
            if pattern.is_empty() {
                return None;
            }
            let key = (kind, part, partner, pattern);
            if let Some(&index) = seen.get(&key) {
                return Some(index);
            }
            let index = phrases.len() as u32;
            phrases.push(Phrase {
                text: text.to_owned(),
                kind,
                language,
                apology,
                part,
                partner,
                len: key.3.len() as u32,
            });
            patterns.push(key.3.clone());
            seen.insert(key, index);
            Some(index)
        };
        let mut push = |text: &str, kind, language, apology| {
            let split = match kind {
                PhraseKind::Anchored | PhraseKind::Anywhere => text.split_once(SPLIT_SEPARATOR),
                PhraseKind::Exclusion | PhraseKind::Pivot => None,
            };
            match split {
                Some((head, tail)) => {
                    let (head, tail) = (normalize_phrase(head), normalize_phrase(tail));
                    if head.is_empty() || tail.is_empty() {
                        return;
                    }
                    if let Some(h) = add(text, head, kind, Part::Head, 0, language, apology) {
                        add(text, tail, kind, Part::Tail, h, language, apology);
                    }
                }
                None => {
                    let pattern = match text.strip_prefix(SUFFIX_MARKER) {
                        // A suffix may start inside a word: no word-start space.
                        Some(suffix) => normalize_phrase(suffix).trim_start().to_owned(),
                        None => normalize_phrase(text),
                    };
                    add(text, pattern, kind, Part::Whole, 0, language, apology);
                }
            }
        };
        if config.enabled {
            let removed: hashbrown::HashSet<String> =
                config.remove.iter().map(|r| normalize_phrase(r)).collect();
            for &language in &config.languages {
                for phrase in default_phrases(language) {
                    let phrase = phrase.map_err(RefusalConfigError::from)?;
                    if !removed.contains(&normalize_phrase(phrase.text)) {
                        push(phrase.text, phrase.kind, Some(language), phrase.apology);
                    }
                }
            }
            for (list, kind) in [
                (&config.extra_anchored, PhraseKind::Anchored),
                (&config.extra_anywhere, PhraseKind::Anywhere),
                (&config.extra_exclusions, PhraseKind::Exclusion),
            ] {
                for text in list {
                    push(text, kind, None, false);
                }
            }
        }
        // The deduplication keys are a second copy of every pattern: free them before the
        // automaton's build, whose peak sets how far this VM's linear memory grows for good
        // (wasm memory never shrinks; the pages touched stay resident).
        drop(seen);
        let max_exclusion_len = phrases
            .iter()
            .filter(|p| p.kind == PhraseKind::Exclusion)
            .map(|p| p.len)
            .max()
            .unwrap_or(0);
        let has_refusal_phrase = phrases
            .iter()
            .any(|p| matches!(p.kind, PhraseKind::Anchored | PhraseKind::Anywhere));
        let (automaton, start) = if has_refusal_phrase {
            // Built in two steps so that the pattern list and the intermediate (noncontiguous)
            // automaton are freed as soon as they are used: the build's peak sets how far this
            // VM's linear memory grows for good. Its dense rows stay (the default depth):
            // `dense_depth(0)` lowers the peak by another 160 KB but doubles the build time
            // (4.1 → 8.8 ms natively with 1,846 phrases, `--example refusal_speed`), which every
            // VM pays before Envoy is ready.
            let nnfa = noncontiguous::NFA::builder()
                .match_kind(MatchKind::Standard)
                .prefilter(false)
                .build(&patterns)
                .map_err(|e| RefusalConfigError::Automaton(e.to_string()))?;
            drop(patterns);
            let nfa = NFA::builder()
                .build_from_noncontiguous(&nnfa)
                .map_err(|e| RefusalConfigError::Automaton(e.to_string()))?;
            drop(nnfa);
            let start = nfa
                .start_state(Anchored::No)
                .map_err(|e| RefusalConfigError::Automaton(e.to_string()))?;
            (Some(nfa), start)
        } else {
            (None, StateID::default())
        };
        Ok(RefusalMatcher {
            automaton,
            start,
            phrases,
            window_chars: config.window_chars as u32,
            max_exclusion_len,
        })
    }

    /// A fresh per-stream scan.
    pub fn scan(&self) -> RefusalScan {
        RefusalScan {
            state: self.start,
            pos: 0,
            chars: 0,
            exclusion_end: 0,
            anchor: 0,
            verdict_end: 0,
            pivot_start: 0,
            sentence_ends: 0,
            sentences_before: 0,
            colon_before: 0,
            colon_pivot: 0,
            digit_run: 0,
            number_in_next: false,

            flags: if self.automaton.is_some() { 0 } else { DONE },
            pending_len: 0,
            pending: [Candidate::default(); PENDING_CAP],
            clause_start: 0,
            heads: [Head::default(); HEADS_CAP],
            verdict: None,
        }
    }

    /// Scans a whole answer at once (same result as feeding it in any pieces, then finishing).
    pub fn detect(&self, answer: &str) -> Option<PhraseMatch> {
        let mut scan = self.scan();
        scan.feed(self, answer);
        scan.finish(self)
    }

    /// The phrase with this index.
    pub fn phrase(&self, index: u32) -> Option<&Phrase> {
        self.phrases.get(index as usize)
    }

    /// All compiled phrases; [`PhraseMatch::phrase_index`] indexes this slice.
    pub fn phrases(&self) -> &[Phrase] {
        &self.phrases
    }

    /// The configured window, in characters.
    pub fn window_chars(&self) -> usize {
        self.window_chars as usize
    }

    /// Heap bytes used by the automaton and the phrase table.
    pub fn memory_usage(&self) -> usize {
        self.automaton.as_ref().map_or(0, |a| a.memory_usage())
            + self
                .phrases
                .iter()
                .map(|p| p.text.capacity() + core::mem::size_of::<Phrase>())
                .sum::<usize>()
    }
}

const STARTED: u8 = 1;
const IN_SPACE: u8 = 2;
const DONE: u8 = 4;
/// A confirmed refusal phrase that is not an apology-only opener.
const STATED: u8 = 8;
/// A line break moves the anchor to the next word.
const BREAK: u8 = 16;
/// Text since the last sentence end: a run of terminators (`.\n\n`, `?!`, `...`) ends one
/// sentence, not several, so a refusal followed by a paragraph break still reaches the turn
/// to help that opens the next paragraph.
const TEXT_SINCE_END: u8 = 32;
/// The refusal came after [`CONTENT_FIRST_SENTENCES`] sentences of answer.
const CONTENT_FIRST: u8 = 64;
/// The last character that was not white space was a colon.
const COLON_LAST: u8 = 128;

/// Sentences of answer before a refusal that make it partial: the answer helped first ("A
/// pin tumbler lock works like this: …. … I won't explain how to open your neighbour's
/// door."). One sentence of sympathy or context before a refusal ("It sounds like a hard
/// time. Even so, I can't…") leaves it full.
const CONTENT_FIRST_SENTENCES: u8 = 2;

/// A confirmed refusal is settled (full or partial) at the end of the sentence after the one
/// that holds it: a turn to help follows at once ("…, but here's…", "…. However, I can…").
const SENTENCES_AFTER_MATCH: u8 = 2;

/// A line break within this many input characters of the start moves the anchor to the
/// next word: a legacy completion continues its prompt ("…?\n\nI'm sorry, but…") or echoes
/// it (`echo`) before the answer; a chat answer may open with a short title line. Later,
/// anchored phrases mean nothing. (A label on the same line, "Answer: no, I won't…", does
/// not move it.)
const ANCHOR_MOVE_CHARS: u32 = 120;

/// A split phrase's head seen in the current clause.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Head {
    /// Phrase index plus one (0 = empty slot).
    phrase: u32,
    start: u32,
    end: u32,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Candidate {
    start: u32,
    end: u32,
    phrase: u32,
}

/// Per-stream state: the automaton state, a few counters, up to four pending candidates and
/// two split-phrase heads (under 128 bytes, no heap). Feed it the visible answer text in any pieces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusalScan {
    state: StateID,
    /// Normalised bytes stepped through the automaton (virtual leading space included).
    pos: u32,
    /// Input characters consumed.
    chars: u32,
    /// Largest end of an exclusion match so far.
    exclusion_end: u32,
    /// Where an anchored phrase may start besides the answer's start (normalised bytes): the
    /// word after the last line break within [`ANCHOR_MOVE_CHARS`] (0 = none).
    anchor: u32,
    /// End of the confirmed match (normalised bytes).
    verdict_end: u32,
    /// Start of the last pivot seen in the window, plus one (0 = none).
    pivot_start: u32,
    /// Sentence ends since the first pending candidate was found.
    sentence_ends: u8,
    /// Sentence ends before any candidate was found (saturating): an answer that helps for
    /// [`CONTENT_FIRST_SENTENCES`] sentences and then declines is a partial refusal.
    sentences_before: u8,
    /// Before any candidate: 0 no colon yet, 1 a colon, 2 text after it, 3 a sentence after
    /// a colon ended ("To protect your own network: change…, enable…. As for your
    /// neighbour's…"): the answer delivered something before it declined.
    colon_before: u8,
    /// Where a colon in the sentence after the refusal would make it partial (0 = none); it
    /// does unless that sentence holds a number of three or more digits, a hotline's
    /// ("…call the TelefonSeelsorge: 0800 111 0 111, free and around the clock"): a referral,
    /// not something delivered.
    colon_pivot: u32,
    /// Consecutive digits just read (saturating).
    digit_run: u8,
    /// The sentence after the refusal holds a run of three or more digits.
    number_in_next: bool,

    flags: u8,
    pending_len: u8,
    pending: [Candidate; PENDING_CAP],
    /// Where the current clause starts (normalised bytes): split phrases do not cross it.
    clause_start: u32,
    heads: [Head; HEADS_CAP],
    verdict: Option<PhraseMatch>,
}

impl RefusalScan {
    /// Consumes the next piece of the answer. Returns at once when the scan is done (match
    /// confirmed, or window closed with nothing pending).
    pub fn feed(&mut self, matcher: &RefusalMatcher, piece: &str) {
        if self.flags & DONE != 0 {
            return;
        }
        let Some(automaton) = matcher.automaton.as_ref() else {
            self.flags |= DONE;
            return;
        };
        for c in piece.chars() {
            if self.chars >= matcher.window_chars && self.pending_len == 0 {
                self.flags |= DONE;
                return;
            }
            self.chars = self.chars.saturating_add(1);
            if c == '\n' && self.chars <= ANCHOR_MOVE_CHARS {
                self.flags |= BREAK;
            }
            if c == '\n'
                && self.flags & COLON_LAST != 0
                && (self.verdict.is_some() || self.pending_len > 0)
                && self.sentence_ends < SENTENCES_AFTER_MATCH
            {
                // "…, but this works:\n1. …": a colon that ends its line introduces a list or
                // a block, something delivered.
                self.pivot_start = self.pos.saturating_add(1);
            }
            if is_sentence_end(c) {
                if self.flags & TEXT_SINCE_END != 0 {
                    if self.verdict.is_some() || self.pending_len > 0 {
                        self.sentence_ends = self.sentence_ends.saturating_add(1);
                    } else {
                        self.sentences_before = self.sentences_before.saturating_add(1);
                        if self.colon_before == 2 {
                            self.colon_before = 3;
                        }
                    }
                }
                self.flags &= !TEXT_SINCE_END;
            }
            match classify(c) {
                Class::Drop => {}
                Class::Space => {
                    if self.flags & STARTED != 0 {
                        self.flags |= IN_SPACE;
                    }
                }
                Class::Text(t) => {
                    if !is_sentence_end(t) {
                        self.flags |= TEXT_SINCE_END;
                    }
                    if is_colon(t) {
                        self.flags |= COLON_LAST;
                    } else {
                        self.flags &= !COLON_LAST;
                    }
                    if self.verdict.is_none() && self.pending_len == 0 && self.colon_before < 3 {
                        if is_colon(t) {
                            self.colon_before = 1;
                        } else if self.colon_before == 1 && !is_sentence_end(t) {
                            self.colon_before = 2;
                        }
                    }
                    if self.flags & STARTED == 0 {
                        if is_leading_marker(t) {
                            continue;
                        }
                        self.flags |= STARTED | IN_SPACE;
                    }
                    if self.flags & BREAK != 0 {
                        self.flags &= !BREAK;
                        if self.flags & STARTED != 0 {
                            if self.anchor == 0 {
                                // The first early line break: what came before may be the
                                // prompt a legacy completion echoes or continues, not answer.
                                self.sentences_before = 0;
                                self.colon_before = 0;
                            }
                            self.anchor = self.pos;
                            self.flags |= IN_SPACE;
                        }
                    }
                    if self.flags & IN_SPACE != 0 {
                        self.flags &= !IN_SPACE;
                        self.step_char(matcher, automaton, ' ');
                    }
                    lower(t, |l| self.step_char(matcher, automaton, l));
                }
            }
            if is_clause_break(c) {
                self.clause_start = self.pos;
            }
            if (self.verdict.is_some() || self.pending_len > 0) && self.sentence_ends == 1 {
                // Digits are counted only in the sentence after the refusal, the one place
                // they matter.
                self.digit_run = if c.is_ascii_digit() {
                    self.digit_run.saturating_add(1)
                } else if c == ' ' && self.digit_run > 0 {
                    self.digit_run // "0800 111 0 111" is one number
                } else {
                    0
                };
                if self.digit_run >= 3 {
                    self.number_in_next = true;
                }
                if is_colon(c) && self.chars <= matcher.window_chars && self.colon_pivot == 0 {
                    self.colon_pivot = self.pos.saturating_add(1);
                }
            }
            self.settle_if_sentences_passed(matcher);
            if self.flags & DONE != 0 {
                return;
            }
        }
        if self.chars >= matcher.window_chars && self.pending_len == 0 {
            self.flags |= DONE;
        }
    }

    /// Settles the scan at the end of the answer: a candidate still waiting for exclusion
    /// confirmation is accepted (no exclusion can follow). Returns the verdict.
    pub fn finish(&mut self, matcher: &RefusalMatcher) -> Option<PhraseMatch> {
        while self.pending_len > 0 {
            self.accept(matcher, self.pending[0]);
        }
        self.flags |= DONE;
        self.verdict()
    }

    /// The verdict: `None` when no refusal phrase was confirmed, or when an apology-only
    /// opener was followed by a turn to help and no refusal phrase (an answer that
    /// apologises, then helps). While the window is still open a confirmed match is
    /// provisional (a pivot may still make it partial, or no refusal); it is settled once the
    /// scan is done (window closed, or [`finish`](Self::finish)).
    pub fn verdict(&self) -> Option<PhraseMatch> {
        let mut verdict = self.verdict?;
        let pivot_start = if self.number_in_next {
            self.pivot_start
        } else {
            self.pivot_start.max(self.colon_pivot)
        };
        if self.flags & CONTENT_FIRST != 0 && self.flags & STATED != 0 {
            verdict.kind = RefusalKind::Partial;
        } else if pivot_start > self.verdict_end {
            if self.flags & STATED == 0 {
                return None;
            }
            verdict.kind = RefusalKind::Partial;
        }
        Some(verdict)
    }

    /// Nothing more will be looked at (match confirmed, window closed, or finished).
    pub fn is_done(&self) -> bool {
        self.flags & DONE != 0
    }

    /// Bytes stepped through the automaton so far: the work done, for tests and benchmarks.
    pub fn bytes_scanned(&self) -> u32 {
        self.pos
    }

    /// Input characters consumed so far (stops growing once the scan is done).
    pub fn chars_consumed(&self) -> u32 {
        self.chars
    }

    #[inline]
    fn step_char(&mut self, matcher: &RefusalMatcher, automaton: &NFA, c: char) {
        let mut buf = [0u8; 4];
        for &byte in c.encode_utf8(&mut buf).as_bytes() {
            if self.flags & DONE != 0 {
                return;
            }
            self.state = automaton.next_state(Anchored::No, self.state, byte);
            self.pos = self.pos.saturating_add(1);
            if automaton.is_special(self.state) && automaton.is_match(self.state) {
                self.on_match_state(matcher, automaton);
            }
            if self.pending_len > 0 {
                let first = self.pending[0];
                if first.end.saturating_add(matcher.max_exclusion_len) <= self.pos {
                    self.accept(matcher, first);
                }
            }
        }
    }

    fn on_match_state(&mut self, matcher: &RefusalMatcher, automaton: &NFA) {
        let end = self.pos;
        let count = automaton.match_len(self.state);
        // Exclusions first, so one ending at the same byte vetoes the candidates below.
        for i in 0..count {
            let pid = automaton.match_pattern(self.state, i).as_usize();
            let Some(phrase) = matcher.phrases.get(pid) else {
                continue;
            };
            if phrase.kind == PhraseKind::Exclusion {
                let start = end.saturating_sub(phrase.len);
                self.exclusion_end = self.exclusion_end.max(end);
                self.veto_pending(start, end);
            }
        }
        if self.chars > matcher.window_chars {
            return; // past the window: only exclusions still matter
        }
        for i in 0..count {
            let pid = automaton.match_pattern(self.state, i).as_usize();
            if let Some(phrase) = matcher.phrases.get(pid) {
                if phrase.kind == PhraseKind::Pivot && self.sentence_ends < SENTENCES_AFTER_MATCH {
                    self.pivot_start = end.saturating_sub(phrase.len).saturating_add(1);
                }
            }
        }
        for i in 0..count {
            let pid = automaton.match_pattern(self.state, i).as_usize();
            let Some(phrase) = matcher.phrases.get(pid) else {
                continue;
            };
            let own_start = end.saturating_sub(phrase.len);
            let start = match phrase.part {
                Part::Whole => own_start,
                Part::Head => {
                    self.remember_head(pid as u32, own_start, end);
                    continue;
                }
                Part::Tail => match self.head_before(phrase.partner, own_start) {
                    Some(head_start) => head_start,
                    None => continue,
                },
            };
            let valid = match phrase.kind {
                PhraseKind::Exclusion | PhraseKind::Pivot => false,
                PhraseKind::Anchored => {
                    start <= 1 || start == self.anchor || start == self.anchor + 1
                }
                PhraseKind::Anywhere => true,
            };
            if valid && start >= self.exclusion_end && (self.pending_len as usize) < PENDING_CAP {
                if self.verdict.is_none() && self.pending_len == 0 {
                    self.sentence_ends = 0;
                }
                self.pending[self.pending_len as usize] = Candidate {
                    start,
                    end,
                    phrase: pid as u32,
                };
                self.pending_len += 1;
            }
        }
    }

    /// Notes a split phrase's head (replacing the oldest slot).
    fn remember_head(&mut self, phrase: u32, start: u32, end: u32) {
        let slot = if self.heads[0].phrase == 0 || self.heads[0].end <= self.heads[1].end {
            0
        } else {
            1
        };
        self.heads[slot] = Head {
            phrase: phrase.saturating_add(1),
            start,
            end,
        };
    }

    /// The start of head `phrase` when it was seen in the current clause and ends at most
    /// [`SPLIT_GAP_BYTES`] before `tail_start`.
    fn head_before(&self, phrase: u32, tail_start: u32) -> Option<u32> {
        self.heads
            .iter()
            .filter(|h| h.phrase == phrase.saturating_add(1))
            .filter(|h| h.start >= self.clause_start && h.end <= tail_start)
            .find(|h| tail_start - h.end <= SPLIT_GAP_BYTES)
            .map(|h| h.start)
    }

    /// Drops the pending candidates an exclusion at `start..end` vetoes: those it overlaps, and
    /// those in its clause ("Leider kann ich den Fehler bei mir *nicht nachstellen*, aber…":
    /// the clause states a literal inability, not a refusal).
    fn veto_pending(&mut self, start: u32, end: u32) {
        let mut kept = 0;
        for i in 0..self.pending_len as usize {
            let c = self.pending[i];
            let overlaps = c.start < end && start < c.end;
            let same_clause = c.start >= self.clause_start && c.end <= start;
            if !(overlaps || same_clause) {
                self.pending[kept] = c;
                kept += 1;
            }
        }
        self.pending_len = kept as u8;
    }

    /// Confirms the first pending candidate: the first one confirmed is the verdict; later
    /// ones only record whether a refusal was stated beyond an apology.
    fn accept(&mut self, matcher: &RefusalMatcher, candidate: Candidate) {
        let phrase = matcher.phrases.get(candidate.phrase as usize);
        if !phrase.is_some_and(|p| p.apology) {
            self.flags |= STATED;
        }
        if self.verdict.is_none() {
            self.verdict = Some(PhraseMatch {
                phrase_index: candidate.phrase,
                anchored: phrase.is_some_and(|p| p.kind == PhraseKind::Anchored),
                language: phrase.and_then(|p| p.language),
                kind: RefusalKind::Full,
            });
            self.verdict_end = candidate.end;
            if self.sentences_before >= CONTENT_FIRST_SENTENCES || self.colon_before == 3 {
                self.flags |= CONTENT_FIRST;
            }
        }
        let n = self.pending_len as usize;
        self.pending.copy_within(1..n.max(1), 0);
        self.pending_len = self.pending_len.saturating_sub(1);
        if self.chars >= matcher.window_chars && self.pending_len == 0 {
            self.flags |= DONE;
        }
        self.settle_if_sentences_passed(matcher);
    }

    /// A confirmed refusal is settled once the sentence after it ends: candidates still
    /// pending only tell whether a refusal was stated beyond an apology, and are taken as
    /// they are.
    fn settle_if_sentences_passed(&mut self, matcher: &RefusalMatcher) {
        if self.verdict.is_some() && self.sentence_ends >= SENTENCES_AFTER_MATCH {
            for c in &self.pending[..(self.pending_len as usize).min(PENDING_CAP)] {
                if !matcher
                    .phrases
                    .get(c.phrase as usize)
                    .is_some_and(|p| p.apology)
                {
                    self.flags |= STATED;
                }
            }
            self.pending_len = 0;
            self.flags |= DONE;
        }
    }
}

/// Ends a clause, which a split phrase never spans: a sentence end, or `, ; :` and their CJK
/// and Arabic forms.
#[inline]
fn is_clause_break(c: char) -> bool {
    is_sentence_end(c) || matches!(c, ',' | ';' | ':' | '、' | '，' | '；' | '：' | '،' | '؛')
}

/// Introduces what follows (`:` and its full-width form): at the end of a line after a
/// refusal, the answer goes on to deliver a list or a block ("…, but this works:\n1. …").
#[inline]
fn is_colon(c: char) -> bool {
    matches!(c, ':' | '：')
}

/// Ends a sentence: `. ! ?`, a line break, and the full stops of CJK, Hindi and Arabic.
#[inline]
fn is_sentence_end(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '\n' | '。' | '！' | '？' | '।' | '؟' | '．'
    )
}
