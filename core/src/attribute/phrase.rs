//! The words around a quote: finding the reporting verb and the phrase naming its subject, on tokens, with
//! the resolver's entity mentions marking names. No parser: short, well-tested patterns over news prose.

use crate::attribute::verbs::{is_noun_too, is_participle, is_reporting, takes_infinitive};
use crate::attribute::{MentionSpan, Rule};
use crate::model::{Article, Quote};
use crate::resolve::entity::{Entity, EntityKind, How};
use crate::span::Span;
use crate::tagged::TaggedArticle;

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

/// A cue found next to a quote.
#[derive(Debug, Clone)]
pub struct Cue {
    pub np: Np,
    pub verb: Option<usize>,
    pub rule: Rule,
    pub confidence: f32,
}

const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it"];

/// Prepositions: a word after one of these is its object, not a verb, and none opens a phrase naming a source.
const PREPOSITIONS: &[&str] = &[
    "of", "in", "on", "at", "for", "with", "from", "by", "about", "into", "over", "under", "between", "during",
    "without", "against", "since", "until", "after", "before", "through", "among",
];

/// Quantifiers: a word after one of these is a noun ("some charges"), not a verb.
const QUANTIFIERS: &[&str] = &["such", "no", "any", "every", "each", "some", "many", "more", "most", "one"];

/// Whether a word after `w` is a noun: `w` is a preposition or a quantifier.
fn takes_noun(w: &str) -> bool {
    in_list(PREPOSITIONS, w) || in_list(QUANTIFIERS, w)
}

fn is_pronoun(w: &str) -> bool {
    PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(w))
}

fn in_list(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "another", "The", "A", "An", "This", "That", "These", "Those",
    "Another", "his", "her", "their", "its", "His", "Her", "Their", "Its",
];

/// Words that end a noun phrase.
const STOP: &[&str] = &[
    "who", "which", "that", "in", "on", "at", "to", "for", "with", "from", "by", "and", "or", "but", "as", "when",
    "while", "after", "before", "if", "because", "than", "then", "also", "has", "had", "have", "is", "was", "are",
    "were", "will", "would", "could", "should", "did", "does", "do", "not", "it", "this", "there", "here", "about",
    "into", "over", "under", "between", "during", "without", "against", "since", "until", "where", "how", "what",
    "why", "whom", "whose", "be", "been", "being", "can", "may", "might", "must",
];

/// Words between a subject and its verb: "Putin also said", "Trump has repeatedly said".
const BETWEEN: &[&str] = &[
    "also",
    "then",
    "later",
    "further",
    "again",
    "previously",
    "recently",
    "earlier",
    "once",
    "even",
    "just",
    "still",
    "repeatedly",
    "never",
    "has",
    "had",
    "have",
    "would",
    "will",
    "did",
    "does",
    "was",
    "is",
    "often",
    "first",
    "finally",
    "simply",
    "only",
    "now",
    "reportedly",
    "already",
];

/// Words that open an introductory phrase before a sentence's subject ("In his speech, Obama …").
const INTRO: &[&str] = &[
    "In",
    "On",
    "At",
    "After",
    "Before",
    "During",
    "Meanwhile",
    "However",
    "But",
    "And",
    "Then",
    "Later",
    "Earlier",
    "Ahead",
    "Despite",
    "Although",
    "While",
    "When",
    "As",
    "With",
    "Without",
    "For",
    "Since",
    "Over",
    "Under",
    "Beyond",
    "Still",
    "Yet",
    "Instead",
    "Asked",
    "Speaking",
    "Not",
    "Months",
    "Weeks",
    "Days",
    "Years",
    "Last",
    "This",
    "Then",
];

/// Words that open a circumstance after a reporting verb: "said as he left", "said on Friday".
const CIRCUMSTANCE: &[&str] = &[
    "as",
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "while",
    "with",
    "into",
    "from",
    "to",
    "when",
    "via",
    "through",
    "about",
    "last",
    "this",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
    "again",
    "then",
];

const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The article, its tokens and the mentions of entities in it.
pub struct Ctx<'a> {
    pub article: &'a Article,
    pub tagged: &'a TaggedArticle,
    pub entities: &'a [Entity],
    /// (span, entity index, how) of every mention in this article, by start.
    mentions: Vec<(Span, usize, How)>,
}

fn is_mark(s: &str) -> bool {
    matches!(s, "“" | "”" | "\"" | "‘" | "’" | "'" | "«" | "»")
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

    fn n(&self) -> usize {
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
    fn mentions_in(&self, a: usize, b: usize) -> impl Iterator<Item = &(Span, usize, How)> {
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
    fn is_verb(&self, t: usize) -> bool {
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

    /// A cue right after a quote's closing mark, in the same sentence.
    pub fn cue_after(&self, quote: Span) -> Option<Cue> {
        let mut t = self.first_token_from(quote.end);
        // Punctuation the writer put inside the marks, then the closing mark.
        while t < self.n() && matches!(self.token_text(t), "," | "." | "?" | "!" | "…") {
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
        self.cue_words_after(close + 1, end).or_else(|| {
            // "“This will be a challenge” for Clinton, said Kunin.": the sentence goes on, then reports.
            let comma = (close + 2..end.min(close + 14)).find(|&k| self.token_text(k) == ",")?;
            let cue = self.cue_words_after(comma + 1, end)?;
            self.reports_only(&cue, end).then_some(Cue { confidence: cue.confidence * 0.85, ..cue })
        })
    }

    /// Whether a cue's clause does nothing but report: its verb ends the clause or a circumstance follows
    /// ("as he launched", "on Friday", "pleasantly"); "Clinton says the mails were personal" is a statement.
    fn reports_only(&self, cue: &Cue, end: usize) -> bool {
        let Some(v) = cue.verb else { return true };
        let clause_end = cue.np.end.max(v + 1);
        clause_end >= end || {
            let w = self.token_text(clause_end);
            matches!(w, "." | "," | "!" | "?" | ";")
                || in_list(CIRCUMSTANCE, w)
                || WEEKDAYS.contains(&w)
                || (w.ends_with("ly") && w.chars().next().is_some_and(char::is_lowercase))
        }
    }

    /// "“…the emails.” Trump said.", "“…!” US Senator Jeff Sessions said as he launched the process.",
    /// "- Sanders." under a quoted paragraph: the quote closed its sentence and the cue makes the next one,
    /// when that clause does nothing but report.
    fn cue_in_next_sentence(&self, close: usize) -> Option<Cue> {
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
    fn cue_words_after(&self, mut i: usize, end: usize) -> Option<Cue> {
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
            && (in_list(DETERMINERS, self.token_text(i + 1)) || self.token_text(i + 1) == "one");
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
        // "a Democratic staffer in the room wondered": a short prepositional phrase after the subject.
        if j < end && in_list(&["in", "at", "from", "of", "for", "with", "on"], self.token_text(j)) {
            if let Some(m) = (j + 2..end.min(j + 6)).find(|&m| self.is_verb(m)) {
                if (j + 1..m).all(|t| self.np_word(t, t == j + 1)) {
                    j = m;
                }
            }
        }
        while j < end && (BETWEEN.contains(&self.token_text(j)) || self.token_text(j).ends_with("ly")) {
            j += 1;
        }
        if j < end && (self.is_verb(j) || self.looks_like_verb(j) || noun_too_verb(j)) {
            let confidence = if matches!(np.head, NpHead::Pronoun(_)) { 0.85 } else { 0.95 };
            return Some(Cue { np, verb: Some(j), rule: Rule::After, confidence });
        }
        None
    }

    /// Right after a quotation, "NP barked", "beamed NP", "NP went on": any past-tense or present verb
    /// form reports the quote.
    pub fn looks_like_verb(&self, t: usize) -> bool {
        let w = self.token_text(t);
        let lower = w.chars().next().is_some_and(char::is_lowercase);
        lower && (w.ends_with("ed") || matches!(w, "went" | "thought" | "spoke" | "began" | "sang" | "wrote" | "cried"))
    }

    /// ", 58," or ", a doctor," (or a few of them: ", the attorney general of Oklahoma, one of the states
    /// suing the EPA,") after a name: skipped to reach the verb.
    fn skip_apposition_right(&self, j: usize, end: usize) -> usize {
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

    /// "as a Homeland Security memo put it" starting at token `i`: the phrase and the verb.
    fn as_put_it(&self, i: usize, end: usize) -> Option<(Np, usize)> {
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
        let (start, fragments) = self.clause_before(sentence.start, open);
        let in_fragment = |k: usize| fragments.iter().any(|r| r.contains(&k));
        for k in start..open.saturating_sub(1) {
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

    /// Where the narrator's words before a quote's opening mark (token `open`) begin, within its sentence:
    /// after the previous quotation, unless that is a short fragment the same clause goes on past ("described
    /// him as “a lifetime politician” who “…”"). Returns the start and the fragments passed over.
    fn clause_before(&self, sentence_start: usize, open: usize) -> (usize, Vec<std::ops::RangeInclusive<usize>>) {
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

    /// "Said Dorothy Poynter, who grew up with Ali, “…”", "Continued Stone: “…”": the verb first.
    fn inverted(&self, v: usize, open: usize) -> Option<Cue> {
        let np = self.np_right(v + 1, open)?;
        Some(Cue { np, verb: Some(v), rule: Rule::Before, confidence: 0.8 })
    }

    /// The cue made by reporting verb `v`: its subject (or, for "…, saying", the main clause's subject).
    fn cue_at_verb(&self, v: usize, sentence_start: usize, distance: usize) -> Option<Cue> {
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

    /// Pronouns and entity mentions near a quote (from the previous paragraph's last sentence to the end of
    /// the quote's sentence), outside quotations, with a reporting verb next to them when there is one.
    pub fn nearby_phrases(&self, quote: Span, quotes: &[Quote]) -> Vec<(Np, Option<usize>)> {
        let first = self.first_token_from(quote.start);
        let Some(si) = self.tagged.sentence_of(first.min(self.n().saturating_sub(1))) else { return Vec::new() };
        let from_sentence = si.saturating_sub(2);
        let to_sentence = self.tagged.sentence_of(self.first_token_from(quote.end).min(self.n() - 1)).unwrap_or(si);
        let from = self.tagged.sentences[from_sentence].tokens.start;
        let to = self.tagged.sentences[to_sentence].tokens.end;
        let inside_quote = |t: usize| {
            let s = self.token_span(t);
            quotes.iter().any(|q| q.start <= s.start && s.end <= q.end) || quote.contains(s)
        };
        let mut out = Vec::new();
        let mut k = from;
        while k < to {
            if inside_quote(k) {
                k += 1;
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
        let sentence = self.sentence_range(open);
        let start =
            (sentence.start..open).rev().find(|&k| is_mark(self.token_text(k))).map_or(sentence.start, |k| k + 1);
        (start..open)
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

    /// A reporting verb within two tokens after, or right before, tokens `a..b`.
    fn verb_next_to(&self, a: usize, b: usize) -> Option<usize> {
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

    /// Whether a phrase is its sentence's main subject.
    pub fn is_subject(&self, np: &Np) -> bool {
        self.sentence_subject(np.start).is_some_and(|s| s.start == np.start)
    }

    /// Whether a phrase is the object of a preposition ("cut into Bush", "a report in The Journal").
    pub fn after_preposition(&self, np: &Np) -> bool {
        np.start > 0 && {
            let w = self.token_text(np.start - 1);
            in_list(PREPOSITIONS, w) || in_list(&["to", "than", "like", "toward", "towards"], w)
        }
    }

    /// Whether a phrase is followed by a possessive ("Putin's").
    pub fn is_possessive_np(&self, np: &Np) -> bool {
        np.end < self.n() && matches!(self.token_text(np.end), "'s" | "’s")
    }

    /// The word right before a quote's opening mark.
    pub fn word_before_quote(&self, start: usize) -> Option<&'a str> {
        let open = self.first_token_from(start).checked_sub(1)?;
        open.checked_sub(1).map(|t| self.token_text(t))
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

    /// The organization or country named last before byte `at` in its paragraph ("… it said").
    pub fn last_institution(&self, at: usize) -> Option<&'a Entity> {
        let floor = self.floor(at, 0);
        self.mentions
            .iter()
            .rev()
            .find(|(s, i, _)| s.end <= at && s.start >= floor && self.entities[*i].kind != EntityKind::Person)
            .map(|(_, i, _)| &self.entities[*i])
    }

    /// A cue in the sentence before a quote, same paragraph: "Obama said the West would act. “We cannot …”"
    pub fn cue_previous_sentence(&self, quote: Span, quotes: &[Quote]) -> Option<Cue> {
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
        let earlier = quotes.iter().rev().find(|q| q.end < quote.start && q.end >= prev_start);
        if let Some(cue) = earlier.and_then(|q| self.cue_after(Span::new(q.start, q.end))) {
            let confidence = if same_block { 0.65 } else { 0.6 };
            return Some(Cue { rule: Rule::PreviousSentence, confidence, ..cue });
        }
        if !same_block {
            return None;
        }
        let inside_quote = |t: usize| {
            let s = self.token_span(t);
            quotes.iter().any(|q| q.start <= s.start && s.end <= q.end)
        };
        let v = prev.tokens.clone().find(|&k| self.is_verb(k) && !inside_quote(k))?;
        let cue = self.cue_at_verb(v, prev.tokens.start, 10).or_else(|| self.inverted(v, prev.tokens.end))?;
        Some(Cue { rule: Rule::PreviousSentence, confidence: 0.65, ..cue })
    }

    /// The first pronoun or person named (not as a possessive, not inside a quotation) in tokens `from..to`.
    fn first_actor(&self, from: usize, to: usize) -> Option<Np> {
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

    /// The entity mention starting at token `k`, as a phrase (people only if `person_only`).
    pub fn mention_np_at(&self, k: usize, person_only: bool) -> Option<Np> {
        let at = self.token_span(k).start;
        let (span, idx, _) = self
            .mentions
            .iter()
            .find(|(s, i, _)| s.start == at && (!person_only || self.entities[*i].kind == EntityKind::Person))?;
        let end = self.first_token_from(span.end);
        Some(Np { start: k, end: end.max(k + 1), head: NpHead::Entity(*idx) })
    }

    /// The subject of a sentence's main clause, between tokens `from` and `to`: after an introductory
    /// phrase ended by a comma ("In his speech, Obama …"), a pronoun or a noun phrase; failing that, the
    /// first pronoun or person in the clause.
    pub fn main_subject(&self, from: usize, to: usize) -> Option<Np> {
        let mut s = from;
        while s < to && is_mark(self.token_text(s)) {
            s += 1;
        }
        if s < to && in_list(INTRO, self.token_text(s)) {
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

    /// The person a phrase names, if any.
    pub fn person_of(&self, np: &Np) -> Option<&'a Entity> {
        match &np.head {
            NpHead::Entity(i) if self.entities[*i].kind == EntityKind::Person => Some(&self.entities[*i]),
            NpHead::Relative(antecedent) => self.person_of(antecedent),
            _ => None,
        }
    }

    fn np_word(&self, k: usize, first: bool) -> bool {
        let w = self.token_text(k);
        let c = w.chars().next().unwrap_or(' ');
        let contraction = matches!(w, "n't" | "n’t" | "'re" | "’re" | "'ve" | "’ve" | "'ll" | "’ll" | "'d" | "’d");
        let word = !contraction && (c.is_alphanumeric() || matches!(w, "'s" | "’s" | "’" | "-"));
        // A reporting verb can be a noun after a determiner ("the text said").
        let after_determiner = k > 0 && in_list(DETERMINERS, self.token_text(k - 1));
        let noun_use = !first && after_determiner;
        // A lowercase "-ed" word after a noun is a verb ("opposition figures rejected").
        let past = !first && !after_determiner && c.is_lowercase() && w.ends_with("ed");
        word && !in_list(STOP, w) && (noun_use || !self.is_verb(k)) && !is_pronoun(w) && !past
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
        if in_list(PREPOSITIONS, w) || w.eq_ignore_ascii_case("to") || BETWEEN.contains(&w) {
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
            && in_list(
                &["through", "in", "on", "at", "from", "outside", "around", "across", "along", "into", "near"],
                self.token_text(s - 1),
            )
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

    fn np_left_plain(&self, v: usize, from: usize) -> Option<Np> {
        let mut k = v;
        let skip_between = |k: &mut usize| {
            while *k > from {
                let w = self.token_text(*k - 1);
                if BETWEEN.contains(&w) || (w.ends_with("ly") && w.chars().next().is_some_and(char::is_lowercase)) {
                    *k -= 1;
                } else if WEEKDAYS.contains(&w) && *k >= from + 2 && self.token_text(*k - 2) == "on" {
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
            .find(|&m| in_list(&["in", "on", "at", "for", "during", "over"], self.token_text(m)))
        {
            if (p + 1..k).all(|m| self.np_word(m, false)) && p > from {
                k = p;
                skip_between(&mut k);
            }
        }
        // "Beck, who has said …", "the police department which reported …": the relative pronoun is the
        // subject, standing for the phrase before it.
        if k > from + 1 && in_list(&["who", "which"], self.token_text(k - 1)) {
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
        if let Some((span, _, _)) =
            self.mentions.iter().filter(|(s, _, _)| s.contains(head_span)).max_by_key(|(s, _, _)| s.len())
        {
            let mut start = self.first_token_from(span.start).max(from);
            while start > from && self.np_word(start - 1, false) && head + 1 - start < 8 {
                start -= 1;
                if DETERMINERS.contains(&self.token_text(start)) {
                    break;
                }
            }
            return self.head_of(start, k);
        }
        if !self.np_word(head, false) || in_list(DETERMINERS, w) || takes_noun(w) || matches!(w, "'s" | "’s") {
            return None;
        }
        let mut s = head;
        while s > from && s + 7 > head && self.np_word(s - 1, false) {
            s -= 1;
            if DETERMINERS.contains(&self.token_text(s)) {
                break;
            }
        }
        self.head_of(s, k)
    }

    /// "last year", "this week", "in 2010": two words of time between a subject and its verb.
    fn is_time_phrase(&self, first: &str, second: &str) -> bool {
        let unit =
            matches!(second, "week" | "month" | "year" | "night" | "weekend" | "summer" | "spring" | "fall" | "winter");
        let year = second.len() == 4 && second.starts_with(['1', '2']) && second.chars().all(|c| c.is_ascii_digit());
        (unit && in_list(&["last", "this", "next", "that", "earlier", "later"], first))
            || (year && in_list(&["in", "since"], first))
    }

    /// Whether a person's name ends right before token `k`.
    fn person_ends_at(&self, k: usize) -> bool {
        k > 0 && {
            let last = self.token_span(k - 1);
            self.mentions.iter().any(|(s, i, _)| s.contains(last) && self.entities[*i].kind == EntityKind::Person)
        }
    }

    /// Decides what heads phrase `a..b`: a person named in it, else a common noun at its end, else an entity.
    fn head_of(&self, a: usize, b: usize) -> Option<Np> {
        let mentions: Vec<&(Span, usize, How)> = self.mentions_in(a, b).collect();
        if let Some((span, idx, _)) = mentions.iter().find(|(_, i, _)| self.entities[*i].kind == EntityKind::Person) {
            let end = self.first_token_from(span.end).min(b).max(a + 1);
            return Some(Np { start: a, end, head: NpHead::Entity(*idx) });
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

    /// The most recent person before byte `at`, within three paragraphs, who holds `role`.
    pub fn person_with_role(&self, at: usize, role: &str, quotes: &[Quote]) -> Option<&'a Entity> {
        let floor = self.floor(at, 3);
        self.mentions.iter().rev().find_map(|(span, idx, _)| {
            let e = &self.entities[*idx];
            let ok = span.end <= at
                && span.start >= floor
                && e.kind == EntityKind::Person
                && e.roles.iter().any(|r| r.eq_ignore_ascii_case(role))
                && !quotes.iter().any(|q| q.start <= span.start && span.end <= q.end);
            ok.then_some(e)
        })
    }

    /// The start of the paragraph `back` paragraphs before the one holding `at` (or of its block).
    fn floor(&self, at: usize, back: usize) -> usize {
        match self.article.paragraphs.iter().position(|p| p.start <= at && at <= p.end) {
            Some(p) => self.article.paragraphs[p.saturating_sub(back)].start,
            None => self.article.blocks.iter().find(|b| b.start <= at && at <= b.end).map_or(0, |b| b.start),
        }
    }

    /// Whom "he" or "she" at byte `at` refers to. In order: a person named earlier in the pronoun's own
    /// sentence; the subject of the sentence before (same or previous paragraph); then, among the people
    /// named in the last two paragraphs (outside quotations, not as possessives), the latest one whose
    /// gender is known to match, the last speaker if among the latest two, or the latest one. People known
    /// to be of the other gender are skipped throughout.
    pub fn resolve_pronoun(
        &self,
        at: usize,
        gender: Option<&str>,
        quotes: &[Quote],
        last_speaker: Option<&'a Entity>,
    ) -> Option<&'a Entity> {
        let fits = |e: &Entity| {
            e.kind == EntityKind::Person
                && match (e.gender.as_deref(), gender) {
                    (Some(g), Some(want)) => g == want,
                    _ => true,
                }
        };
        let inside_quote = |s: &Span| quotes.iter().any(|q| q.start <= s.start && s.end <= q.end);
        let possessive = |s: &Span| {
            let t = self.first_token_from(s.end);
            t < self.n() && matches!(self.token_text(t), "'s" | "’s")
        };
        let t = self.first_token_from(at);
        let sentence = self.sentence_range(t);
        let sentence_start = self.token_span(sentence.start).start;
        let in_sentence = self.mentions.iter().rev().find(|(span, idx, _)| {
            span.start >= sentence_start
                && span.end <= at
                && !inside_quote(span)
                && !possessive(span)
                && fits(&self.entities[*idx])
        });
        if let Some((_, idx, _)) = in_sentence {
            return Some(&self.entities[*idx]);
        }
        let floor = self.floor(at, 1);
        if let Some(si) = self.tagged.sentence_of(t).and_then(|s| s.checked_sub(1)) {
            let prev = &self.tagged.sentences[si];
            if prev.span.start >= floor {
                if let Some(e) =
                    self.main_subject(prev.tokens.start, prev.tokens.end).and_then(|np| self.person_of(&np))
                {
                    if fits(e) {
                        return Some(e);
                    }
                }
            }
        }
        let floor = self.floor(at, 2);
        let mut candidates: Vec<&'a Entity> = Vec::new();
        for (span, idx, _) in self.mentions.iter().rev() {
            let e = &self.entities[*idx];
            if span.end <= at
                && span.start >= floor
                && !inside_quote(span)
                && !possessive(span)
                && fits(e)
                && !candidates.iter().any(|c| c.id == e.id)
            {
                candidates.push(e);
            }
        }
        if gender.is_some() {
            if let Some(e) = candidates.iter().find(|e| e.gender.is_some()) {
                return Some(e);
            }
        }
        if let Some(s) = last_speaker.filter(|s| candidates.iter().take(2).any(|c| c.id == s.id)) {
            return Some(s);
        }
        candidates.first().copied()
    }
}
