//! Noun phrases naming a source, on tokens without a parser: the phrase right of a verb ("said the
//! official"), left of one past adverbs, asides, relative clauses and participle phrases ("Jean-Marc
//! Ayrault, the foreign minister of France, said"), a sentence's main subject, and what heads a phrase (a
//! person named in it, a common noun, another entity, a pronoun, "who" standing for the phrase before it).

use crate::attribute::context::{is_mark, is_pronoun, takes_noun, Ctx, NEAR_TOKENS};
use crate::lexis::set::words;
use crate::lexis::verbs::is_reporting;
use crate::lexis::words::{is_org_noun, BETWEEN, DETERMINERS, INTRO, PREPOSITIONS, STOP, WEEKDAYS};
use crate::model::{Entity, EntityKind, How};
use crate::span::Span;

/// What a phrase naming a source is headed by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NpHead {
    Pronoun(String),
    /// An entity mentioned in the phrase (index into the entity list).
    Entity(usize),
    /// A common noun ("official") or a name the tagger did not know.
    Noun(String),
    /// "who" or "which" standing for the phrase before it: "Beck, who has described Trump as “…”".
    Relative(Box<Np>),
}

/// A phrase over tokens `start..end`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Np {
    pub start: usize,
    pub end: usize,
    pub head: NpHead,
}

impl<'a> Ctx<'a> {
    pub(super) fn np_word(&self, k: usize, first: bool) -> bool {
        let w = self.token_text(k);
        let c = w.chars().next().unwrap_or(' ');
        let contraction = matches!(w, "n't" | "n’t" | "'re" | "’re" | "'ve" | "’ve" | "'ll" | "’ll" | "'d" | "’d");
        let word = !contraction && (c.is_alphanumeric() || matches!(w, "'s" | "’s" | "’" | "-"));
        // A reporting verb can be a noun after a determiner ("the text said").
        let after_determiner = k > 0 && DETERMINERS.has(self.token_text(k - 1));
        let noun_use = !first && after_determiner;
        // A lowercase "-ed" word after a noun is a verb ("opposition figures rejected").
        let past = !first && !after_determiner && c.is_lowercase() && w.ends_with("ed");
        word && !STOP.has(w) && (noun_use || !self.is_verb(k)) && !is_pronoun(w) && !past
    }

    /// A phrase starting at token `i`: a pronoun, or up to eight noun-phrase words.
    pub fn np_right(&self, i: usize, end: usize) -> Option<Np> {
        if i >= end {
            return None;
        }
        let w = self.token_text(i);
        if is_pronoun(w) {
            return Some(Np { start: i, end: i + 1, head: NpHead::Pronoun(w.to_string()) });
        }
        // "Of Carson, Levine said", "“Hamas” only reinforced": a preposition or an adverb starts no subject.
        if PREPOSITIONS.has(w) || w.eq_ignore_ascii_case("to") || BETWEEN.has_exact(w) {
            return None;
        }
        let mut j = i;
        while j < end && j < i + 8 {
            let of_name = self.token_text(j) == "of"
                && j + 1 < end
                && self.token_text(j + 1).chars().next().is_some_and(char::is_uppercase);
            if !(self.np_word(j, j == i) || of_name) {
                break;
            }
            j += 1;
        }
        // Stop before a determiner that starts a second phrase ("said Monday the …").
        if j == i {
            return None;
        }
        self.head_of(i, j)
    }

    /// A phrase ending right before token `v` (a verb), skipping adverbs, a day, and one comma-enclosed
    /// aside ("Clinton, speaking to reporters on her plane, said").
    pub fn np_left(&self, v: usize, from: usize) -> Option<Np> {
        let np = self.np_left_plain(v, from)?;
        // "a White House official who spoke anonymously to discuss strategy said": the phrase found is inside
        // a relative clause; the subject is what "who" stands for.
        let relative = (np.start.saturating_sub(10).max(from + 1)..np.start)
            .rev()
            .take_while(|&k| !matches!(self.token_text(k), "," | ";" | ":") && !is_mark(self.token_text(k)))
            .find(|&k| self.token_text(k).eq_ignore_ascii_case("who"))
            // "the man who Trump said …": "who" right before the phrase is its object, and the phrase speaks.
            .filter(|&k| k + 1 < np.start);
        if let Some(outer) = relative.and_then(|w| self.np_left_plain(w, from)) {
            let outer = match outer.head {
                NpHead::Relative(antecedent) => *antecedent,
                _ => outer,
            };
            return Some(outer);
        }
        // "Protesters marching through the streets chanted": the phrase is the object of a participle's
        // preposition; the participle's subject is the verb's.
        let s = np.start;
        if s > from + 2
            && words!["through", "in", "on", "at", "from", "outside", "around", "across", "along", "into", "near"]
                .has(self.token_text(s - 1))
        {
            let g = s - 2;
            let w = self.token_text(g);
            if w.ends_with("ing") && w.chars().next().is_some_and(char::is_lowercase) && !is_reporting(w) {
                if let Some(outer) = self.np_left_plain(g, from) {
                    return Some(outer);
                }
            }
        }
        Some(np)
    }

    pub(super) fn np_left_plain(&self, v: usize, from: usize) -> Option<Np> {
        let mut k = v;
        let skip_between = |k: &mut usize| {
            while *k > from {
                let w = self.token_text(*k - 1);
                if BETWEEN.has_exact(w) || (w.ends_with("ly") && w.chars().next().is_some_and(char::is_lowercase)) {
                    *k -= 1;
                } else if WEEKDAYS.has_exact(w) && *k >= from + 2 && self.token_text(*k - 2) == "on" {
                    *k -= 2;
                } else if *k >= from + 2 && self.is_time_phrase(self.token_text(*k - 2), w) {
                    // "who last year called", "who in 2010 said".
                    *k -= 2;
                } else if matches!(w, "yesterday" | "today") {
                    *k -= 1;
                } else {
                    break;
                }
            }
        };
        skip_between(&mut k);
        // "Rep. Paul Ryan (R-WI) said": a parenthesis after the name.
        if k > from && self.token_text(k - 1) == ")" {
            if let Some(p) = (from..k - 1).rev().take(8).find(|&m| self.token_text(m) == "(") {
                k = p;
            }
        }
        if k > from && self.token_text(k - 1) == "," {
            let comma = k - 1;
            let open = (from.max(comma.saturating_sub(30))..comma).rev().find(|&m| self.token_text(m) == ",")?;
            if (open + 1..comma).any(|m| is_mark(self.token_text(m))) {
                return None;
            }
            // "a Dutch newspaper, Telders Kamp, reported": the aside names the organization the
            // phrase before it describes, and speaks.
            if open > from && is_org_noun(self.token_text(open - 1)) && self.organization_spans(open + 1, comma) {
                return self.head_of(open + 1, comma);
            }
            // "Quist's son, actor Devon Quist, wrote": the aside is the name of the one the phrase before it
            // describes (a phrase that could name another: the possessor "Quist's"), and speaks.
            if let Some(name) = self.apposed_name(open, comma).filter(|_| !self.person_ends_at(open)) {
                return Some(name);
            }
            k = open;
            // "Jean-Marc Ayrault, the foreign minister of France, a permanent member of the Security Council,
            // said": two asides; the person before them is the subject.
            if !self.person_ends_at(k) {
                let floor = from.max(open.saturating_sub(30));
                let earlier = (floor..open)
                    .rev()
                    .take_while(|&m| !is_mark(self.token_text(m)))
                    .find(|&m| self.token_text(m) == ",");
                if let Some(c) = earlier.filter(|&c| self.person_ends_at(c)) {
                    k = c;
                }
            }
            skip_between(&mut k);
        }
        if k <= from {
            return None;
        }
        // "who has in the past described …": a prepositional phrase is not the subject.
        if let Some(p) = (k.saturating_sub(5).max(from)..k)
            .find(|&m| words!["in", "on", "at", "for", "during", "over"].has(self.token_text(m)))
        {
            if (p + 1..k).all(|m| self.np_word(m, false)) && p > from {
                k = p;
                skip_between(&mut k);
            }
        }
        // "Beck, who has said …", "the police department which reported …": the relative pronoun is the
        // subject, standing for the phrase before it.
        if k > from + 1 && words!["who", "which"].has(self.token_text(k - 1)) {
            let rel = k - 1;
            let antecedent_end = if self.token_text(rel - 1) == "," { rel - 1 } else { rel };
            let antecedent = self.np_left_plain(antecedent_end, from)?;
            return Some(Np { start: rel, end: rel + 1, head: NpHead::Relative(Box::new(antecedent)) });
        }
        if k <= from {
            return None;
        }
        let head = k - 1;
        let w = self.token_text(head);
        if is_pronoun(w) {
            return Some(Np { start: head, end: k, head: NpHead::Pronoun(w.to_string()) });
        }
        // A mention covering the head word: take all of it (and a "the" before it).
        let head_span = self.token_span(head);
        if let Some((span, _, _)) = self
            .overlapping(head_span)
            .map(|i| &self.mentions[i])
            .filter(|(s, _, _)| s.contains(head_span))
            .max_by_key(|(s, _, _)| s.len())
        {
            let mut start = self.first_token_from(span.start).max(from);
            while start > from && self.np_word(start - 1, false) && head + 1 - start < 8 {
                start -= 1;
                if is_determiner(self.token_text(start)) {
                    break;
                }
            }
            return self.head_of(start, k);
        }
        if !self.np_word(head, false) || DETERMINERS.has(w) || takes_noun(w) || matches!(w, "'s" | "’s") {
            return None;
        }
        let mut s = head;
        while s > from && s + 7 > head && self.np_word(s - 1, false) {
            s -= 1;
            if is_determiner(self.token_text(s)) {
                break;
            }
        }
        self.head_of(s, k)
    }

    /// The person an aside between commas `open` and `comma` is nothing but the name of, with at most a
    /// few lowercase role words before it ("actor Devon Quist", "Devon Quist"); not a clause ("who met
    /// Kerry") or a description ("a friend of Kerry").
    fn apposed_name(&self, open: usize, comma: usize) -> Option<Np> {
        if comma < open + 2 || comma > open + 7 || !self.person_ends_at(comma) {
            return None;
        }
        let last = self.token_span(comma - 1);
        let (span, idx, _) = self
            .overlapping(last)
            .map(|i| &self.mentions[i])
            .find(|(s, i, _)| s.contains(last) && self.entities[*i].kind == EntityKind::Person)?;
        let start = self.first_token_from(span.start);
        let role_words = (open + 1..start.max(open + 1)).all(|m| {
            let w = self.token_text(m);
            w.chars().all(|c| c.is_lowercase() || c == '-') && !DETERMINERS.has(w) && !STOP.has(w)
        });
        (start > open && role_words).then_some(Np { start, end: comma, head: NpHead::Entity(*idx) })
    }

    /// "last year", "this week", "in 2010": two words of time between a subject and its verb.
    pub(super) fn is_time_phrase(&self, first: &str, second: &str) -> bool {
        let unit =
            matches!(second, "week" | "month" | "year" | "night" | "weekend" | "summer" | "spring" | "fall" | "winter");
        let year = second.len() == 4 && second.starts_with(['1', '2']) && second.chars().all(|c| c.is_ascii_digit());
        (unit && words!["last", "this", "next", "that", "earlier", "later"].has(first))
            || (year && words!["in", "since"].has(first))
    }

    /// Whether a person's name ends right before token `k`.
    /// Whether one organization's mention covers tokens `a..b` exactly.
    fn organization_spans(&self, a: usize, b: usize) -> bool {
        a < b && {
            let span = Span::new(self.token_span(a).start, self.token_span(b - 1).end);
            self.overlapping(span)
                .map(|i| &self.mentions[i])
                .any(|(s, i, _)| *s == span && self.entities[*i].kind == EntityKind::Organization)
        }
    }

    pub(super) fn person_ends_at(&self, k: usize) -> bool {
        k > 0 && {
            let last = self.token_span(k - 1);
            self.overlapping(last)
                .map(|i| &self.mentions[i])
                .any(|(s, i, _)| s.contains(last) && self.entities[*i].kind == EntityKind::Person)
        }
    }

    /// Decides what heads phrase `a..b`: a person named in it, else a common noun at its end, else an entity.
    pub(super) fn head_of(&self, a: usize, b: usize) -> Option<Np> {
        let mentions: Vec<&(Span, usize, How)> = self.mentions_in(a, b).collect();
        if let Some((span, idx, _)) = mentions.iter().find(|(_, i, _)| self.entities[*i].kind == EntityKind::Person) {
            let end = self.first_token_from(span.end).min(b).max(a + 1);
            return Some(Np { start: a, end, head: NpHead::Entity(*idx) });
        }
        // "the committee": a description the resolver tied to an organization ends the phrase.
        let last_span = self.token_span(b - 1);
        if let Some((_, idx, _)) =
            mentions.iter().find(|(s, _, how)| *how == How::Description && s.end == last_span.end)
        {
            return Some(Np { start: a, end: b, head: NpHead::Entity(*idx) });
        }
        let last = self.token_text(b - 1);
        if last.chars().next().is_some_and(char::is_lowercase) {
            return Some(Np { start: a, end: b, head: NpHead::Noun(last.to_string()) });
        }
        if let Some((span, idx, _)) = mentions.iter().max_by_key(|(s, _, _)| s.end) {
            let end = self.first_token_from(span.end).min(b).max(a + 1);
            return Some(Np { start: a, end, head: NpHead::Entity(*idx) });
        }
        // A capitalised name nobody resolved ("Tester"): keep the words as the source.
        Some(Np { start: a, end: b, head: NpHead::Noun(self.phrase_text(a, b)) })
    }

    /// The entity mention starting at token `k`, as a phrase (people only if `person_only`).
    pub fn mention_np_at(&self, k: usize, person_only: bool) -> Option<Np> {
        let at = self.token_span(k).start;
        let from = self.mentions.partition_point(|(s, _, _)| s.start < at);
        let (span, idx, _) = self.mentions[from..]
            .iter()
            .take_while(|(s, _, _)| s.start == at)
            .find(|(_, i, _)| !person_only || self.entities[*i].kind == EntityKind::Person)?;
        let end = self.first_token_from(span.end);
        Some(Np { start: k, end: end.max(k + 1), head: NpHead::Entity(*idx) })
    }

    /// The first pronoun or person named (not as a possessive, not inside a quotation) in tokens `from..to`.
    pub(super) fn first_actor(&self, from: usize, to: usize) -> Option<Np> {
        let to = to.min(from + NEAR_TOKENS);
        let mut k = from;
        while k < to {
            let w = self.token_text(k);
            if is_mark(w) {
                // Skip a quotation: its words are not the narrator's.
                k = (k + 1..to).find(|&m| is_mark(self.token_text(m))).map_or(to, |m| m + 1);
                continue;
            }
            if is_pronoun(w) && !w.eq_ignore_ascii_case("it") {
                return Some(Np { start: k, end: k + 1, head: NpHead::Pronoun(w.to_string()) });
            }
            if let Some(np) = self.mention_np_at(k, true) {
                if !(np.end < self.n() && matches!(self.token_text(np.end), "'s" | "’s")) {
                    return Some(np);
                }
            }
            k += 1;
        }
        None
    }

    /// The subject of a sentence's main clause, between tokens `from` and `to`: after an introductory
    /// phrase ended by a comma ("In his speech, Obama …"), a pronoun or a noun phrase; failing that, the
    /// first pronoun or person in the clause.
    pub fn main_subject(&self, from: usize, to: usize) -> Option<Np> {
        let mut s = from;
        while s < to && is_mark(self.token_text(s)) {
            s += 1;
        }
        if s < to && INTRO.has(self.token_text(s)) {
            match (s..to.min(s + 16)).find(|&k| self.token_text(k) == ",") {
                Some(comma) => s = comma + 1,
                None => return self.first_actor(s, to),
            }
        }
        self.np_right(s, to).or_else(|| self.first_actor(s, to))
    }

    /// The subject of the sentence holding token `t`.
    pub fn sentence_subject(&self, t: usize) -> Option<Np> {
        let r = self.sentence_range(t);
        self.main_subject(r.start, r.end)
    }

    /// The person named in apposition right after phrase `np`: ", Ali Shamkhani," after "The official", or
    /// after the prepositional phrases that complete it ("A lecturer in history at the city college,
    /// Pavel Karas, …").
    pub fn person_in_apposition(&self, np: &Np) -> Option<&'a Entity> {
        let tail = |k: usize| {
            let w = self.token_text(k);
            PREPOSITIONS.has_exact(w)
                || DETERMINERS.has_exact(w)
                || (self.np_word(k, false) && !self.looks_like_verb(k))
        };
        let comma = (np.end..self.n().min(np.end + 8)).find(|&k| !tail(k))?;
        if comma + 1 >= self.n() || self.token_text(comma) != "," {
            return None;
        }
        let at = self.token_span(comma + 1).start;
        self.mentions_in(comma + 1, comma + 2)
            .find(|(s, i, _)| s.start == at && self.entities[*i].kind == EntityKind::Person)
            .map(|(_, i, _)| &self.entities[*i])
    }

    /// The person a phrase names, if any: its head, or the name in apposition after a description ("The
    /// official, Ali Shamkhani,").
    pub fn person_of(&self, np: &Np) -> Option<&'a Entity> {
        match &np.head {
            NpHead::Entity(i) if self.entities[*i].kind == EntityKind::Person => Some(&self.entities[*i]),
            NpHead::Relative(antecedent) => self.person_of(antecedent),
            NpHead::Noun(_) => self.person_in_apposition(np),
            _ => None,
        }
    }

    /// Whether a phrase is its sentence's main subject.
    pub fn is_subject(&self, np: &Np) -> bool {
        self.sentence_subject(np.start).is_some_and(|s| s.start == np.start)
    }

    /// Whether a phrase is the object of a preposition ("cut into Bush", "a report in The Journal").
    pub fn after_preposition(&self, np: &Np) -> bool {
        np.start > 0 && {
            let w = self.token_text(np.start - 1);
            PREPOSITIONS.has(w) || words!["to", "than", "like", "toward", "towards"].has(w)
        }
    }

    /// Whether a phrase is followed by a possessive ("Putin's").
    pub fn is_possessive_np(&self, np: &Np) -> bool {
        np.end < self.n() && matches!(self.token_text(np.end), "'s" | "’s")
    }

    /// ", 58," or ", a doctor," (or a few of them: ", the attorney general of Oklahoma, one of the states
    /// suing the EPA,") after a name: skipped to reach the verb.
    pub(super) fn skip_apposition_right(&self, j: usize, end: usize) -> usize {
        if j < end && self.token_text(j) == "," {
            let limit = end.min(j + 32);
            let mut k = j + 1;
            while k < limit && !is_mark(self.token_text(k)) {
                if self.token_text(k) == "," && k + 1 < end && self.is_verb(k + 1) {
                    return k + 1;
                }
                k += 1;
            }
        }
        j
    }
}

/// A determiner in lowercase or capitalised ("the", "The"; not "THE").
fn is_determiner(w: &str) -> bool {
    DETERMINERS.has_exact(w) || DETERMINERS.has_capitalised(w)
}
