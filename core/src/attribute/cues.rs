//! Cues: the reporting verb and its subject next to a quote. After the closing mark ("“…,” Putin said",
//! "said the official", "— Name", "according to X", "per X", "as X put it", "the paper quoted X as
//! saying", or the next sentence when the quote closed its own); before the opening mark ("Putin insisted
//! that “…”", "…, saying, “…”", "Said X, “…”"), across short fragments of the same clause; a lead-in
//! ending the paragraph before ("Cruz continued:"), a headline's "Name: … “…”"; the sentence or quote
//! before; and the phrases near a quote the ranker may choose from.

use crate::attribute::context::{is_mark, is_pronoun, Ctx, NEAR_TOKENS};
use crate::attribute::np::{Np, NpHead};
use crate::lexis::set::{words, Words};
use crate::lexis::verbs::{is_participle, is_reporting};
use crate::lexis::words::{BETWEEN, CIRCUMSTANCE, DETERMINERS, PREPOSITIONS, WEEKDAYS};
use crate::model::Rule;
use crate::span::Span;

/// Finite forms that make a clause of the words before them ("she was", "the deal had").
const FINITE: Words =
    words!["was", "is", "were", "are", "had", "has", "have", "would", "will", "could", "can", "did", "does", "should"];

/// At most this many tokens from a headline's "Name:" to the quote it gives to the name.
const NAME_TO_QUOTE: usize = 10;

/// A cue found next to a quote.
#[derive(Debug, Clone)]
pub struct Cue {
    pub np: Np,
    pub verb: Option<usize>,
    pub rule: Rule,
    pub confidence: f32,
}

impl<'a> Ctx<'a> {
    /// A cue right after a quote's closing mark, in the same sentence.
    pub fn cue_after(&self, quote: Span) -> Option<Cue> {
        let mut t = self.first_token_from(quote.end);
        // Punctuation the writer put inside the marks, then the closing mark.
        let mut closed_sentence = t > 0 && matches!(self.token_text(t - 1), "." | "?" | "!" | "…");
        while t < self.n() && matches!(self.token_text(t), "," | "." | "?" | "!" | "…") {
            closed_sentence |= self.token_text(t) != ",";
            t += 1;
        }
        if t >= self.n() || !is_mark(self.token_text(t)) {
            return None;
        }
        let close = t;
        let sentence = self.sentence_range(close);
        if close + 1 >= sentence.end {
            return self.cue_in_next_sentence(close);
        }
        let end = (close + 1..sentence.end).find(|&k| is_mark(self.token_text(k))).unwrap_or(sentence.end);
        let cue = self.cue_words_after(close + 1, end).or_else(|| {
            // "“This will be a challenge” for Clinton, said Kunin.": the sentence goes on, then reports.
            let comma = (close + 2..end.min(close + 14)).find(|&k| self.token_text(k) == ",")?;
            let cue = self.cue_words_after(comma + 1, end)?;
            self.reports_only(&cue, end).then_some(Cue { confidence: cue.confidence * 0.85, ..cue })
        })?;
        // "“…right now.” The website reported she was shopping": a quote that closed its own sentence is
        // signed off by a clause that reports it, not by the next statement.
        (!closed_sentence || !self.states_more(&cue, end)).then_some(cue)
    }

    /// Whether a cue's clause goes on to state something of its own after its verb: a clause follows
    /// ("reported she was shopping", "told CNN that …", "said the deal had"), or a verb that is no reporting
    /// verb takes an object ("the company has released a patch"). A circumstance or a preposition after
    /// the verb ("argued after a prosecutor objected", "said in a statement") is reporting.
    pub(super) fn states_more(&self, cue: &Cue, end: usize) -> bool {
        let Some(v) = cue.verb.filter(|&v| v >= cue.np.end) else { return false };
        let stop =
            (v + 1..end).find(|&k| matches!(self.token_text(k), "." | "," | ";" | ":" | "!" | "?")).unwrap_or(end);
        if v + 1 >= stop {
            return false;
        }
        let next = self.token_text(v + 1);
        if !is_reporting(self.token_text(v)) {
            return DETERMINERS.has_exact(next);
        }
        if next == "that" {
            return true;
        }
        for k in v + 1..stop.min(v + 7) {
            let w = self.token_text(k);
            if CIRCUMSTANCE.has_exact(w) || PREPOSITIONS.has_exact(w) || w == "to" {
                return false;
            }
            if k > v + 1 && (FINITE.has_exact(w) || self.looks_like_verb(k)) {
                return true;
            }
        }
        false
    }

    /// Whether a cue's clause does nothing but report: its verb ends the clause or a circumstance follows
    /// ("as he launched", "on Friday", "pleasantly"); "Clinton says the mails were personal" is a statement.
    pub(super) fn reports_only(&self, cue: &Cue, end: usize) -> bool {
        let Some(v) = cue.verb else { return true };
        let clause_end = cue.np.end.max(v + 1);
        clause_end >= end || {
            let w = self.token_text(clause_end);
            matches!(w, "." | "," | "!" | "?" | ";")
                || CIRCUMSTANCE.has(w)
                || WEEKDAYS.has_exact(w)
                || (w.ends_with("ly") && w.chars().next().is_some_and(char::is_lowercase))
        }
    }

    /// "“…the emails.” Trump said.", "“…!” US Senator Jeff Sessions said as he launched the process.",
    /// "- Sanders." under a quoted paragraph: the quote closed its sentence and the cue makes the next one,
    /// when that clause does nothing but report.
    pub(super) fn cue_in_next_sentence(&self, close: usize) -> Option<Cue> {
        let si = self.tagged.sentence_of(close)?;
        let next = self.tagged.sentences.get(si + 1)?;
        let range = next.tokens.clone();
        let first = self.token_text(range.start);
        let sign_off = matches!(first, "-" | "―" | "—" | "--" | "–") && range.len() <= 8;
        if next.block != self.tagged.sentences[si].block && !sign_off {
            return None;
        }
        let end = (range.start..range.end).find(|&k| is_mark(self.token_text(k))).unwrap_or(range.end);
        let cue = self.cue_words_after(range.start, end)?;
        self.reports_only(&cue, range.end).then_some(Cue { confidence: cue.confidence * 0.9, ..cue })
    }

    /// The cue in tokens `i..end` right after a quote's closing mark: "said Putin", "Putin said",
    /// "— Name", "according to X", "per X", "as X put it".
    pub(super) fn cue_words_after(&self, mut i: usize, end: usize) -> Option<Cue> {
        while i < end && self.token_text(i) == "," {
            i += 1;
        }
        if i >= end {
            return None;
        }
        let first = self.token_text(i);
        // "“…,” read the statement": "read" is no cue after a quotation unless a phrase follows it.
        let noun_too_first = matches!(first, "read" | "reads")
            && i + 1 < end
            && (DETERMINERS.has(self.token_text(i + 1)) || self.token_text(i + 1) == "one");
        if (self.is_verb(i) || self.looks_like_verb(i) || noun_too_first) && !is_participle(first) {
            let np = self.np_right(i + 1, end)?;
            return Some(Cue { np, verb: Some(i), rule: Rule::After, confidence: 0.9 });
        }
        if matches!(first, "―" | "—" | "--" | "–" | "-") {
            // A sign-off names someone: "— Adriana Rodarte", not "— just as he did".
            let starts_name = i + 1 < end && self.token_text(i + 1).chars().next().is_some_and(char::is_uppercase);
            let np = self.np_right(i + 1, end).filter(|_| starts_name)?;
            return Some(Cue { np, verb: None, rule: Rule::After, confidence: 0.8 });
        }
        if first.eq_ignore_ascii_case("according") && i + 1 < end && self.token_text(i + 1) == "to" {
            let np = self.np_right(i + 2, end)?;
            return Some(Cue { np, verb: Some(i), rule: Rule::AccordingTo, confidence: 0.9 });
        }
        // "…,” per the party’s bylaws": a document stands as the source.
        if first.eq_ignore_ascii_case("per") {
            let np = self.np_right(i + 1, end)?;
            return Some(Cue { np, verb: Some(i), rule: Rule::AccordingTo, confidence: 0.8 });
        }
        if let Some((np, verb)) = self.as_put_it(i, end) {
            return Some(Cue { np, verb: Some(verb), rule: Rule::After, confidence: 0.85 });
        }
        // "“…,” the letter reads.": a verb that is a noun too, but nothing after it can make it one.
        let closes_sentence = |k: usize| k + 1 >= end || matches!(self.token_text(k + 1), "." | "," | ";" | "!" | "?");
        let noun_too_verb = |k: usize| {
            let w = self.token_text(k);
            is_reporting(w) && w.chars().next().is_some_and(char::is_lowercase) && closes_sentence(k)
        };
        let mut np = self.np_right(i, end)?;
        if np.end > np.start + 1 && noun_too_verb(np.end - 1) {
            np = self.np_right(i, np.end - 1)?;
        }
        let mut j = self.skip_apposition_right(np.end, end);
        // "the campaign's manager, Brad Parscale, said": a role, then the person holding it.
        if j > np.end && !matches!(np.head, NpHead::Pronoun(_)) && self.person_of(&np).is_none() {
            if let Some(person) = self.mention_np_at(np.end + 1, true).filter(|p| p.end + 1 == j) {
                np = person;
            }
        }
        // "a Democratic staffer in the room wondered": a short prepositional phrase after the subject.
        if j < end && words!["in", "at", "from", "of", "for", "with", "on"].has(self.token_text(j)) {
            if let Some(m) = (j + 2..end.min(j + 6)).find(|&m| self.is_verb(m)) {
                if (j + 1..m).all(|t| self.np_word(t, t == j + 1)) {
                    j = m;
                }
            }
        }
        while j < end && (BETWEEN.has_exact(self.token_text(j)) || self.token_text(j).ends_with("ly")) {
            j += 1;
        }
        if j < end && (self.is_verb(j) || self.looks_like_verb(j) || noun_too_verb(j)) {
            // "“…,” the paper quoted a witness as saying": the one quoted speaks.
            if let Some(quoted) = self.quoted_as_saying(j, end) {
                return Some(Cue { np: quoted, verb: Some(j), rule: Rule::After, confidence: 0.9 });
            }
            let confidence = if matches!(np.head, NpHead::Pronoun(_)) { 0.85 } else { 0.95 };
            return Some(Cue { np, verb: Some(j), rule: Rule::After, confidence });
        }
        None
    }

    /// "quoted a witness, Dev Browne, as saying": for "quoted" at token `v`, the phrase it quotes, when an
    /// "as" and a reporting verb follow it before `end`.
    pub(super) fn quoted_as_saying(&self, v: usize, end: usize) -> Option<Np> {
        if !matches!(self.token_text(v), "quoted" | "quotes" | "quote" | "quoting") {
            return None;
        }
        let end = end.min(self.n());
        let r#as = (v + 2..end.min(v + 14)).find(|&k| self.token_text(k) == "as")?;
        if r#as + 1 >= end || !is_reporting(self.token_text(r#as + 1)) {
            return None;
        }
        // "a neighbour, Ana Ruiz,": the speaker is read from the description as any other's (its apposition).
        self.np_right(v + 1, r#as)
    }

    /// "as a Homeland Security memo put it" starting at token `i`: the phrase and the verb.
    pub(super) fn as_put_it(&self, i: usize, end: usize) -> Option<(Np, usize)> {
        if !self.token_text(i).eq_ignore_ascii_case("as") {
            return None;
        }
        let verb = (i + 2..end.min(i + 12))
            .find(|&k| matches!(self.token_text(k), "put" | "puts") && k + 1 < end && self.token_text(k + 1) == "it")?;
        Some((self.np_right(i + 1, verb)?, verb))
    }

    /// A cue before a quote's opening mark, in the same sentence.
    pub fn cue_before(&self, quote: Span) -> Option<Cue> {
        let open = self.first_token_from(quote.start).checked_sub(1)?;
        if !is_mark(self.token_text(open)) {
            return None;
        }
        let sentence = self.sentence_range(open);
        if let Some(cue) = self.name_and_colon(sentence.start, open) {
            return Some(cue);
        }
        let (start, fragments) = self.clause_before(sentence.start.max(open.saturating_sub(NEAR_TOKENS)), open);
        let in_fragment = |k: usize| fragments.iter().any(|r| r.contains(&k));
        for k in start.max(open.saturating_sub(30))..open.saturating_sub(1) {
            if self.token_text(k).eq_ignore_ascii_case("according") && self.token_text(k + 1) == "to" {
                if let Some(np) = self.np_right(k + 2, open) {
                    return Some(Cue { np, verb: Some(k), rule: Rule::AccordingTo, confidence: 0.9 });
                }
            }
        }
        let lowest = start.max(open.saturating_sub(30));
        // The reporting verb nearest the quote whose subject can be found.
        let by_verb = (lowest..open)
            .rev()
            .take_while(|&k| self.token_text(k) != ";")
            .filter(|&k| !in_fragment(k) && self.is_verb(k))
            .find_map(|v| self.cue_at_verb(v, sentence.start, open - v).or_else(|| self.inverted(v, open)));
        if by_verb.is_some() {
            return by_verb;
        }
        // "Trump leaned in and boomed: “…”": a colon before the quote; its clause's subject speaks.
        if open > start && self.token_text(open - 1) == ":" {
            let np = self.main_subject(start, open - 1)?;
            return Some(Cue { np, verb: None, rule: Rule::Before, confidence: 0.7 });
        }
        None
    }

    /// A headline's "Name: …" before the quote ("Macron: Europe 'must wake up'", "Related: Senator Ruiz:
    /// 'We …'", "Ruiz on the vote: 'We …'"): a sentence that opens with a name and a colon gives the words
    /// after it to that name, whatever verb follows ("Ruiz: report shows 'they lied'" is Ruiz's claim). A
    /// label before it ("Related:", "Watch:") is passed over; the phrase must be a name the corpus knows,
    /// not a common noun.
    fn name_and_colon(&self, sentence_start: usize, open: usize) -> Option<Cue> {
        let is_colon = |k: usize| k < open && self.token_text(k) == ":";
        let mut from = sentence_start;
        // One capitalised label word first ("Related:"), unless it is the name.
        let label = is_colon(from + 1) && self.token_text(from).chars().next().is_some_and(char::is_uppercase);
        if label && !self.np_right(from, from + 1).is_some_and(|np| matches!(np.head, NpHead::Entity(_))) {
            from += 2;
        }
        // The name's colon, near the quote: a headline's, not a run-on line's ("New Zealand: … A climber,
        // described as 'lacking experience', …").
        let colon = (from + 1..open.min(from + 15)).find(|&k| is_colon(k)).filter(|&k| open - k <= NAME_TO_QUOTE)?;
        // "Trump on Macron:", "Ruiz after the vote:": a preposition's phrase, with no verb, before the colon.
        let verbless_adjunct = |np_end: usize| {
            PREPOSITIONS.has(self.token_text(np_end))
                && (np_end..colon).all(|k| !self.is_verb(k) && !self.looks_like_verb(k))
        };
        let np = self.np_right(from, colon)?;
        let named = matches!(np.head, NpHead::Entity(_)) && (np.end == colon || verbless_adjunct(np.end));
        named.then_some(Cue { np, verb: None, rule: Rule::Before, confidence: 0.8 })
    }

    /// Where the narrator's words before a quote's opening mark (token `open`) begin, within its sentence:
    /// after the previous quotation, unless that is a short fragment the same clause goes on past ("described
    /// him as “a lifetime politician” who “…”"). Returns the start and the fragments passed over.
    pub(super) fn clause_before(
        &self,
        sentence_start: usize,
        open: usize,
    ) -> (usize, Vec<std::ops::RangeInclusive<usize>>) {
        let mut fragments = Vec::new();
        let mut k = open;
        loop {
            let Some(close) = (sentence_start..k).rev().find(|&m| is_mark(self.token_text(m))) else {
                return (sentence_start, fragments);
            };
            let opening =
                (sentence_start.max(close.saturating_sub(8))..close).rev().find(|&m| is_mark(self.token_text(m)));
            match opening {
                Some(o) if fragments.len() < 3 => {
                    fragments.push(o..=close);
                    k = o;
                }
                _ => return (close + 1, fragments),
            }
        }
    }

    /// "Said Dorothy Poynter, who grew up with Ali, “…”", "Continued Stone: “…”", "…, said Chan.": the verb
    /// first, opening its sentence or after a comma. A participle is followed by what is reported, not by
    /// who reports it ("…, saying it helped expose “…”": "it" is the reported clause's subject).
    pub(super) fn inverted(&self, v: usize, open: usize) -> Option<Cue> {
        let w = self.token_text(v);
        let opens = w.chars().next().is_some_and(char::is_uppercase);
        let after_comma = v > 0 && self.token_text(v - 1) == ",";
        if !(opens || (after_comma && !is_participle(w))) {
            return None;
        }
        let np = self.np_right(v + 1, open)?;
        Some(Cue { np, verb: Some(v), rule: Rule::Before, confidence: 0.8 })
    }

    /// The cue made by reporting verb `v`: its subject (or, for "…, saying", the main clause's subject).
    pub(super) fn cue_at_verb(&self, v: usize, sentence_start: usize, distance: usize) -> Option<Cue> {
        if is_participle(self.token_text(v)) {
            // "Trump went after Bush, calling him …", "Obama punctuated his list by saying …".
            let np = self.first_actor(sentence_start, v).or_else(|| self.main_subject(sentence_start, v))?;
            return Some(Cue { np, verb: Some(v), rule: Rule::Participle, confidence: 0.75 });
        }
        // "He denounced …, but stressed that “…”": the subject of the first verb.
        let coordinated = v > sentence_start && matches!(self.token_text(v - 1), "and" | "but");
        // "he laughed and said": the subject of the verb right before the "and", when one is there.
        let first_verb = (coordinated && v >= sentence_start + 3)
            .then(|| v - 2)
            .filter(|&u| self.is_verb(u) || self.looks_like_verb(u));
        let mut np = match first_verb {
            Some(u) => self.np_left(u, sentence_start).or_else(|| self.main_subject(sentence_start, v))?,
            None if coordinated => self.main_subject(sentence_start, v)?,
            None => self.np_left(v, sentence_start)?,
        };
        if matches!(&np.head, NpHead::Pronoun(p) if p.eq_ignore_ascii_case("they")) {
            // "…, opposition figures rejected what they said were …": the main clause's subject.
            if let Some(main) =
                self.main_subject(sentence_start, np.start).filter(|m| !matches!(m.head, NpHead::Pronoun(_)))
            {
                np = main;
            }
        }
        let confidence = if distance <= 3 { 0.9 } else { 0.8 };
        Some(Cue { np, verb: Some(v), rule: Rule::Before, confidence })
    }

    /// A lead-in ending the paragraph before a quote that opens its paragraph: "Cruz continued:" /
    /// "Breitbart News responded:" then the quote.
    pub fn cue_lead_in(&self, quote: Span) -> Option<Cue> {
        let open = self.first_token_from(quote.start).checked_sub(1)?;
        let si = self.tagged.sentence_of(open)?;
        let sentence = &self.tagged.sentences[si];
        if sentence.tokens.start != open {
            return None;
        }
        let prev = &self.tagged.sentences[si.checked_sub(1)?];
        let last = prev.tokens.end.checked_sub(1)?;
        if prev.block == sentence.block || self.token_text(last) != ":" {
            return None;
        }
        let v = (prev.tokens.start..last).rev().find(|&k| self.is_verb(k))?;
        let mut cue = self.cue_at_verb(v, prev.tokens.start, last - v)?;
        cue.confidence = 0.8;
        Some(cue)
    }

    /// A cue in the sentence before a quote, same paragraph: "Obama said the West would act. “We cannot …”"
    pub fn cue_previous_sentence(&self, quote: Span) -> Option<Cue> {
        let open = self.first_token_from(quote.start).checked_sub(1)?;
        let si = self.tagged.sentence_of(open)?;
        let prev = si.checked_sub(1).map(|p| &self.tagged.sentences[p])?;
        let same_block = prev.block == self.tagged.sentences[si].block;
        // A paragraph that opens with a quote may take its cue from the quote closing the paragraph before.
        if !same_block && self.tagged.sentences[si].tokens.start != open {
            return None;
        }
        // "“…,” said Paul Beck. “…”": the quote before this one ends the previous sentence with its own cue.
        let prev_start = self.token_span(prev.tokens.start).start;
        let before = self.quotes.partition_point(|q| q.end < quote.start);
        let earlier = before.checked_sub(1).map(|i| &self.quotes[i]).filter(|q| q.end >= prev_start);
        if let Some(cue) = earlier.and_then(|q| self.cue_after(Span::new(q.start, q.end))) {
            let confidence = if same_block { 0.65 } else { 0.6 };
            return Some(Cue { rule: Rule::PreviousSentence, confidence, ..cue });
        }
        if !same_block {
            return None;
        }
        let scan = prev.tokens.start..prev.tokens.end.min(prev.tokens.start + NEAR_TOKENS);
        let v = scan.into_iter().find(|&k| self.is_verb(k) && self.quote_holding_token(k).is_none())?;
        let cue = self.cue_at_verb(v, prev.tokens.start, 10).or_else(|| self.inverted(v, prev.tokens.end))?;
        Some(Cue { rule: Rule::PreviousSentence, confidence: 0.65, ..cue })
    }

    /// Pronouns and entity mentions near a quote (from the previous paragraph's last sentence to the end of
    /// the quote's sentence, and no more than [`NEAR_TOKENS`] tokens away), outside quotations, with a
    /// reporting verb next to them when there is one.
    pub fn nearby_phrases(&self, quote: Span) -> Vec<(Np, Option<usize>)> {
        let first = self.first_token_from(quote.start);
        let Some(si) = self.tagged.sentence_of(first.min(self.n().saturating_sub(1))) else { return Vec::new() };
        let after_quote = self.first_token_from(quote.end);
        let to_sentence = self.tagged.sentence_of(after_quote.min(self.n() - 1)).unwrap_or(si);
        let from = self.tagged.sentences[si.saturating_sub(2)].tokens.start.max(first.saturating_sub(NEAR_TOKENS));
        let to = self.tagged.sentences[to_sentence].tokens.end.min(after_quote + NEAR_TOKENS);
        let mut out = Vec::new();
        let mut k = from;
        while k < to {
            if (first..after_quote).contains(&k) {
                k = after_quote;
                continue;
            }
            if let Some(q) = self.quote_holding_token(k) {
                // Jump past the quotation holding this token.
                k = self.first_token_from(self.quotes[q].end).max(k + 1);
                continue;
            }
            let w = self.token_text(k);
            if is_pronoun(w) {
                out.push((
                    Np { start: k, end: k + 1, head: NpHead::Pronoun(w.to_string()) },
                    self.verb_next_to(k, k + 1),
                ));
                k += 1;
                continue;
            }
            if let Some(np) = self.mention_np_at(k, false) {
                let end = np.end;
                let verb = self.verb_next_to(np.start, np.end);
                out.push((np, verb));
                k = end.max(k + 1);
                continue;
            }
            k += 1;
        }
        out
    }

    /// The subjects of verb-like words between the start of the quote's sentence and the quote.
    pub fn verb_subjects_before(&self, quote: Span) -> Vec<(Np, usize)> {
        let Some(open) = self.first_token_from(quote.start).checked_sub(1) else { return Vec::new() };
        let floor = self.sentence_range(open).start.max(open.saturating_sub(NEAR_TOKENS));
        let start = (floor..open).rev().find(|&k| is_mark(self.token_text(k))).map_or(floor, |k| k + 1);
        (start.max(open.saturating_sub(40))..open)
            .filter(|&k| {
                let w = self.token_text(k);
                let lower = w.chars().next().is_some_and(char::is_lowercase);
                self.is_verb(k)
                    || self.looks_like_verb(k)
                    || (lower && w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
            })
            .filter_map(|k| self.np_left(k, start).map(|np| (np, k)))
            .collect()
    }
}
