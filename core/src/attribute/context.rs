//! The words around a quote as the attributor reads them: an article's tokens and sentences with the
//! resolver's entity mentions, and the look-ups every rule shares (token text and spans, mentions in a
//! range, whether a word is used as a reporting verb, how far a word is from a quote).

use std::borrow::Cow;
use std::collections::HashMap;

use crate::lexis::verbs::{is_noun_too, is_reporting, takes_infinitive};
use crate::lexis::words::{BETWEEN, DETERMINERS, PREPOSITIONS, PRONOUNS, QUANTIFIERS};
use crate::model::{Article, Entity, EntityKind, How, MentionSpan, Quote};
use crate::span::Span;
use crate::tag::article::TaggedArticle;

/// One mention of an entity in the article: its span, the entity's index, how it was found.
pub type ArticleMention = (Span, usize, How);

/// How far back a look-up for an antecedent or a speaker reaches, at most, in bytes: past a few paragraphs
/// nobody refers back, and the bound keeps attribution linear in the article's length.
pub(super) const LOOK_BACK: usize = 6_000;

/// How many tokens around a quote the candidate sources are gathered from, at most, on each side.
pub(super) const NEAR_TOKENS: usize = 80;

/// The article, its tokens and quotes, and the mentions of entities in it, indexed for range look-ups.
pub struct Ctx<'a> {
    pub article: &'a Article,
    pub tagged: &'a TaggedArticle,
    pub entities: &'a [Entity],
    /// This article's quotes, in text order (they do not overlap).
    pub quotes: &'a [Quote],
    /// Every mention in this article, by start.
    pub(super) mentions: Vec<ArticleMention>,
    /// `max_end[i]`: the furthest end among `mentions[..=i]`, so the mentions overlapping a span are found
    /// by a binary search and a short walk back.
    max_end: Vec<usize>,
    /// Entity id → index in `entities`, and family names' counts, shared by every article of an analysis.
    ids: Cow<'a, EntityIndex>,
    /// Per token: the index of the quote holding it, plus one (0: outside every quote).
    token_quote: Vec<u32>,
}

/// Per token, the index of the quote holding it plus one, or 0 (one sweep: tokens and quotes are both in
/// text order, and a token is held when it lies inside the last quote starting at or before it).
fn token_quotes(tagged: &TaggedArticle, quotes: &[Quote]) -> Vec<u32> {
    let mut next = 0;
    tagged
        .tokens
        .iter()
        .map(|t| {
            let (start, end) = (t.start as usize, t.end as usize);
            while next < quotes.len() && quotes[next].start <= start {
                next += 1;
            }
            match next.checked_sub(1) {
                Some(q) if end <= quotes[q].end => q as u32 + 1,
                _ => 0,
            }
        })
        .collect()
}

/// What every article's context looks up in the corpus's entities: made once per analysis.
#[derive(Debug, Clone, Default)]
pub struct EntityIndex {
    /// Entity id → index.
    ids: HashMap<String, usize>,
    /// A person's family name (the name's last word) → how many people of the corpus have it.
    families: HashMap<String, usize>,
}

/// The entity index, for [`Ctx::new`].
pub fn entity_ids(entities: &[Entity]) -> EntityIndex {
    let ids = entities.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
    let mut families: HashMap<String, usize> = HashMap::new();
    for e in entities.iter().filter(|e| e.kind == EntityKind::Person) {
        *families.entry(family_of(&e.name).to_string()).or_default() += 1;
    }
    EntityIndex { ids, families }
}

/// The last word of a person's name.
pub fn family_of(name: &str) -> &str {
    name.rsplit(' ').next().unwrap_or(name)
}

/// A quote mark token.
pub(super) fn is_mark(s: &str) -> bool {
    matches!(s, "“" | "”" | "\"" | "‘" | "’" | "'" | "«" | "»")
}

/// Whether a word after `w` is a noun: `w` is a preposition or a quantifier.
pub(super) fn takes_noun(w: &str) -> bool {
    PREPOSITIONS.has(w) || QUANTIFIERS.has(w)
}

pub(super) fn is_pronoun(w: &str) -> bool {
    PRONOUNS.has(w)
}

impl<'a> Ctx<'a> {
    /// A context over the mentions of this article (`mentions`, in any order).
    pub fn new(
        article: &'a Article,
        tagged: &'a TaggedArticle,
        entities: &'a [Entity],
        mentions: Vec<ArticleMention>,
        quotes: &'a [Quote],
        ids: &'a EntityIndex,
    ) -> Ctx<'a> {
        Ctx::build(article, tagged, entities, mentions, quotes, Cow::Borrowed(ids))
    }

    fn build(
        article: &'a Article,
        tagged: &'a TaggedArticle,
        entities: &'a [Entity],
        mut mentions: Vec<ArticleMention>,
        quotes: &'a [Quote],
        ids: Cow<'a, EntityIndex>,
    ) -> Ctx<'a> {
        mentions.sort_by_key(|(s, _, _)| (s.start, s.end));
        let max_end = mentions
            .iter()
            .scan(0, |m, (s, _, _)| {
                *m = s.end.max(*m);
                Some(*m)
            })
            .collect();
        let token_quote = token_quotes(tagged, quotes);
        Ctx { article, tagged, entities, quotes, mentions, max_end, ids, token_quote }
    }

    /// A context whose mentions are read off `entities` (for one article alone: it scans every mention).
    pub fn for_article(
        article: &'a Article,
        tagged: &'a TaggedArticle,
        entities: &'a [Entity],
        quotes: &'a [Quote],
    ) -> Ctx<'a> {
        let mentions = entities
            .iter()
            .enumerate()
            .flat_map(|(i, e)| {
                e.mentions
                    .iter()
                    .filter(|m| m.article == article.id)
                    .map(move |m| (Span::new(m.start, m.end), i, m.how))
            })
            .collect();
        Ctx::build(article, tagged, entities, mentions, quotes, Cow::Owned(entity_ids(entities)))
    }

    /// The index of an entity in `entities`.
    pub fn entity_index(&self, id: &str) -> Option<usize> {
        self.ids.ids.get(id).copied()
    }

    /// How many people of the corpus have this family name.
    pub fn namesakes(&self, family: &str) -> usize {
        self.ids.families.get(family).copied().unwrap_or(0)
    }

    /// The indexes of the mentions overlapping `span`.
    pub(super) fn overlapping(&self, span: Span) -> impl DoubleEndedIterator<Item = usize> + '_ {
        let hi = self.mentions.partition_point(|(s, _, _)| s.start < span.end);
        let mut lo = hi;
        while lo > 0 && self.max_end[lo - 1] > span.start {
            lo -= 1;
        }
        (lo..hi).filter(move |&i| self.mentions[i].0.overlaps(span))
    }

    /// The indexes of the mentions inside `from..to` (bytes), in text order.
    pub(super) fn within(&self, from: usize, to: usize) -> impl DoubleEndedIterator<Item = usize> + '_ {
        let lo = self.mentions.partition_point(|(s, _, _)| s.start < from);
        let hi = self.mentions.partition_point(|(s, _, _)| s.start < to);
        (lo..hi).filter(move |&i| self.mentions[i].0.end <= to)
    }

    /// Whether `span` lies inside one of the article's quotes.
    pub fn inside_quote(&self, span: Span) -> bool {
        let i = self.quotes.partition_point(|q| q.start <= span.start);
        i > 0 && span.end <= self.quotes[i - 1].end
    }

    /// The index of the quote holding token `t`, if one does (a look-up, for scans token by token).
    pub fn quote_holding_token(&self, t: usize) -> Option<usize> {
        self.token_quote.get(t).and_then(|&q| q.checked_sub(1)).map(|q| q as usize)
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
    pub(super) fn mentions_in(&self, a: usize, b: usize) -> impl Iterator<Item = &ArticleMention> {
        let b = b.max(a + 1);
        let span = Span::new(self.token_span(a).start, self.token_span(b - 1).end);
        self.overlapping(span).map(|i| &self.mentions[i])
    }

    /// The entities mentioned in tokens `a..b`, with the token range of the mention.
    pub fn entities_in(&self, a: usize, b: usize) -> impl Iterator<Item = (&'a Entity, usize, usize)> + '_ {
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

    /// People mentioned inside a byte span, outside the article's quotes.
    pub fn person_mentions_in(&self, span: Span) -> impl Iterator<Item = &'a Entity> + '_ {
        self.within(span.start, span.end)
            .map(|i| self.mentions[i])
            .filter(|(s, i, _)| self.entities[*i].kind == EntityKind::Person && !self.inside_quote(*s))
            .map(|(_, i, _)| &self.entities[i])
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
            if DETERMINERS.has(p) || takes_noun(p) || matches!(p, "'s" | "’s" | "so") {
                return false;
            }
            let ends_subject = is_pronoun(p)
                || p.chars().next().is_some_and(char::is_uppercase)
                || matches!(p, "," | "to" | "and" | "but" | "—" | "who")
                || BETWEEN.has_exact(p)
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
    /// Never further back than [`LOOK_BACK`] bytes.
    pub(super) fn floor(&self, at: usize, back: usize) -> usize {
        let paragraphs = &self.article.paragraphs;
        let p = paragraphs.partition_point(|p| p.end < at);
        let start = if p < paragraphs.len() && paragraphs[p].start <= at {
            paragraphs[p.saturating_sub(back)].start
        } else {
            let blocks = &self.article.blocks;
            let b = blocks.partition_point(|b| b.end < at);
            blocks.get(b).filter(|b| b.start <= at).map_or(0, |b| b.start)
        };
        start.max(at.saturating_sub(LOOK_BACK))
    }
}
