//! The words around a quote as the attributor reads them: an article's tokens and sentences with the
//! resolver's entity mentions, and the look-ups every rule shares (token text and spans, mentions in a
//! range, whether a word is used as a reporting verb, how far a word is from a quote).

use crate::lexis::verbs::{is_noun_too, is_reporting, takes_infinitive};
use crate::lexis::words::{in_list, BETWEEN, DETERMINERS, PREPOSITIONS, PRONOUNS, QUANTIFIERS};
use crate::model::{Article, Entity, EntityKind, How, MentionSpan, Quote};
use crate::span::Span;
use crate::tag::article::TaggedArticle;

/// The article, its tokens and the mentions of entities in it.
pub struct Ctx<'a> {
    pub article: &'a Article,
    pub tagged: &'a TaggedArticle,
    pub entities: &'a [Entity],
    /// (span, entity index, how) of every mention in this article, by start.
    pub(super) mentions: Vec<(Span, usize, How)>,
}

/// A quote mark token.
pub(super) fn is_mark(s: &str) -> bool {
    matches!(s, "“" | "”" | "\"" | "‘" | "’" | "'" | "«" | "»")
}

/// Whether a word after `w` is a noun: `w` is a preposition or a quantifier.
pub(super) fn takes_noun(w: &str) -> bool {
    in_list(PREPOSITIONS, w) || in_list(QUANTIFIERS, w)
}

pub(super) fn is_pronoun(w: &str) -> bool {
    in_list(PRONOUNS, w)
}

impl<'a> Ctx<'a> {
    pub fn new(article: &'a Article, tagged: &'a TaggedArticle, entities: &'a [Entity]) -> Ctx<'a> {
        let mut mentions: Vec<(Span, usize, How)> = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                e.mentions
                    .iter()
                    .filter(|m| m.article == article.id)
                    .map(move |m| (Span::new(m.start, m.end), i, m.how))
            })
            .collect();
        mentions.sort_by_key(|(s, _, _)| (s.start, s.end));
        Ctx { article, tagged, entities, mentions }
    }

    pub fn token_text(&self, t: usize) -> &'a str {
        self.tagged.tokens[t].text(&self.article.text)
    }

    pub fn token_span(&self, t: usize) -> Span {
        self.tagged.tokens[t].span()
    }

    pub(super) fn n(&self) -> usize {
        self.tagged.tokens.len()
    }

    /// The words of tokens `a..b` (at least one token).
    pub fn mention_span(&self, a: usize, b: usize) -> MentionSpan {
        let b = b.max(a + 1);
        let span = Span::new(self.token_span(a).start, self.token_span(b - 1).end);
        MentionSpan { start: span.start, end: span.end, text: span.of(&self.article.text).to_string() }
    }

    /// The words of tokens `a..b` on one line; empty when `b <= a`.
    pub fn phrase_text(&self, a: usize, b: usize) -> String {
        if b <= a {
            return String::new();
        }
        let span = Span::new(self.token_span(a).start, self.token_span(b - 1).end);
        span.of(&self.article.text).split_whitespace().collect::<Vec<_>>().join(" ")
    }

    pub fn sentence_range(&self, t: usize) -> std::ops::Range<usize> {
        self.tagged.sentence_of(t).map_or(t..t + 1, |s| self.tagged.sentences[s].tokens.clone())
    }

    /// Mentions (span, entity index) overlapping tokens `a..b`.
    pub(super) fn mentions_in(&self, a: usize, b: usize) -> impl Iterator<Item = &(Span, usize, How)> {
        let b = b.max(a + 1);
        let span = Span::new(self.token_span(a).start, self.token_span(b - 1).end);
        self.mentions.iter().filter(move |(s, _, _)| s.overlaps(span))
    }

    /// The entities mentioned in tokens `a..b`, with the token range of the mention.
    pub fn entities_in(&self, a: usize, b: usize) -> impl Iterator<Item = (&Entity, usize, usize)> {
        self.mentions_in(a, b)
            .map(|(s, i, _)| (&self.entities[*i], self.first_token_from(s.start), self.first_token_from(s.end)))
    }

    pub fn mention_how(&self, idx: usize, a: usize, b: usize) -> Option<How> {
        self.mentions_in(a, b).find(|(_, i, _)| *i == idx).map(|(_, _, h)| *h)
    }

    /// How and as what words entity `idx` is mentioned in tokens `a..b`.
    pub fn mention_in(&self, idx: usize, a: usize, b: usize) -> Option<(How, String)> {
        self.mentions_in(a, b)
            .find(|(_, i, _)| *i == idx)
            .map(|(s, _, h)| (*h, s.of(&self.article.text).split_whitespace().collect::<Vec<_>>().join(" ")))
    }

    /// People mentioned inside a byte span, outside the given quotes.
    pub fn person_mentions_in<'q>(&'q self, span: Span, quotes: &'q [Quote]) -> impl Iterator<Item = &'q Entity> + 'q {
        self.mentions
            .iter()
            .filter(move |(s, i, _)| {
                span.contains(*s)
                    && self.entities[*i].kind == EntityKind::Person
                    && !quotes.iter().any(|q| q.start <= s.start && s.end <= q.end)
            })
            .map(|(_, i, _)| &self.entities[*i])
    }

    /// Whether a quote fills its paragraph (marks and final punctuation aside).
    pub fn is_whole_paragraph(&self, q: &Quote) -> bool {
        let Some(p) = q.paragraph.and_then(|p| self.article.paragraphs.get(p)) else { return false };
        let text = &self.article.text;
        let only_marks = |s: &str| s.chars().all(|c| c.is_whitespace() || "“”\"‘’'.,!?…".contains(c));
        only_marks(&text[p.start..q.start]) && only_marks(&text[q.end..p.end])
    }

    pub fn first_token_from(&self, at: usize) -> usize {
        self.tagged.tokens.partition_point(|t| (t.start as usize) < at)
    }

    /// Token `t` is a reporting verb used as a verb: lowercase (or opening its sentence), not after a
    /// determiner or possessive ("Russia’s charge"), not "continued to …".
    pub(super) fn is_verb(&self, t: usize) -> bool {
        let w = self.token_text(t);
        if !is_reporting(w) {
            return false;
        }
        let sentence_start = self.sentence_range(t).start == t;
        let prev = (t > 0 && !sentence_start).then(|| self.token_text(t - 1));
        // Capitalised mid-sentence only after a comma ("Murphy, the head of the group, Tweeted").
        if prev.is_some_and(|p| p != ",") && w.chars().next().is_some_and(char::is_uppercase) {
            return false;
        }
        if let Some(p) = prev {
            // "the so-called “…”": an adjective, not a cue.
            if in_list(DETERMINERS, p) || takes_noun(p) || matches!(p, "'s" | "’s" | "so") {
                return false;
            }
            let ends_subject = is_pronoun(p)
                || p.chars().next().is_some_and(char::is_uppercase)
                || matches!(p, "," | "to" | "and" | "but" | "—" | "who")
                || BETWEEN.contains(&p)
                || p.ends_with("ly");
            if is_noun_too(w) && !ends_subject {
                return false;
            }
        }
        !(t + 1 < self.n() && self.token_text(t + 1) == "to" && takes_infinitive(w))
    }

    /// Right after a quotation, "NP barked", "beamed NP", "NP went on": any past-tense or present verb
    /// form reports the quote.
    pub fn looks_like_verb(&self, t: usize) -> bool {
        let w = self.token_text(t);
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        lower && (w.ends_with("ed") || matches!(w, "went" | "thought" | "spoke" | "began" | "sang" | "wrote" | "cried"))
    }

    /// A reporting verb within two tokens after, or right before, tokens `a..b`.
    pub(super) fn verb_next_to(&self, a: usize, b: usize) -> Option<usize> {
        (b..(b + 3).min(self.n())).find(|&t| self.is_verb(t)).or_else(|| a.checked_sub(1).filter(|&t| self.is_verb(t)))
    }

    /// Whether a reporting verb follows (within two tokens) and whether one comes right before.
    pub fn verb_touches(&self, a: usize, b: usize) -> (bool, bool) {
        let after = (b..(b + 3).min(self.n())).any(|t| self.is_verb(t) || self.looks_like_verb(t));
        let before = a.checked_sub(1).is_some_and(|t| self.is_verb(t));
        (after, before)
    }

    /// How many sentences before the quote's sentence a token sits: "same", "prev", "prev2", "later".
    pub fn sentence_distance(&self, t: usize, quote: Span) -> &'static str {
        let q = self.tagged.sentence_of(self.first_token_from(quote.start).min(self.n().saturating_sub(1)));
        let qe = self.tagged.sentence_of(self.first_token_from(quote.end).min(self.n().saturating_sub(1)));
        match (self.tagged.sentence_of(t), q, qe) {
            (Some(s), Some(a), Some(b)) if s >= a && s <= b => "same",
            (Some(s), Some(a), _) if s + 1 == a => "prev",
            (Some(s), Some(a), _) if s < a => "prev2",
            _ => "later",
        }
    }

    /// The word right before a quote's opening mark.
    pub fn word_before_quote(&self, start: usize) -> Option<&'a str> {
        let open = self.first_token_from(start).checked_sub(1)?;
        open.checked_sub(1).map(|t| self.token_text(t))
    }

    /// The start of the paragraph `back` paragraphs before the one holding `at` (or of its block).
    pub(super) fn floor(&self, at: usize, back: usize) -> usize {
        match self.article.paragraphs.iter().position(|p| p.start <= at && at <= p.end) {
            Some(p) => self.article.paragraphs[p.saturating_sub(back)].start,
            None => self.article.blocks.iter().find(|b| b.start <= at && at <= b.end).map_or(0, |b| b.start),
        }
    }
}
