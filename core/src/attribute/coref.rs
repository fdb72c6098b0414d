//! Who a pronoun or a role names: "he" and "she" resolved to the person the sentence or the one before
//! speaks of outside quotations (gender agreeing), "the president" to the person of that role named last,
//! "it" to the organization or country named last in the paragraph.

use crate::attribute::context::{is_mark, Ctx, LOOK_BACK};
use crate::attribute::np::{Np, NpHead};
use crate::lexis::titles::same_role;
use crate::lexis::verbs::is_reporting;
use crate::model::{Entity, EntityKind};
use crate::span::Span;

impl<'a> Ctx<'a> {
    /// The most recent person before byte `at`, within three paragraphs, who holds `role`.
    pub fn person_with_role(&self, at: usize, role: &str) -> Option<&'a Entity> {
        self.within(self.floor(at, 3), at).rev().find_map(|i| {
            let (span, idx, _) = self.mentions[i];
            let e = &self.entities[idx];
            let ok =
                e.kind == EntityKind::Person && e.roles.iter().any(|r| same_role(r, role)) && !self.inside_quote(span);
            ok.then_some(e)
        })
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
        last_speaker: Option<&'a Entity>,
        avoid: Option<&str>,
    ) -> Option<&'a Entity> {
        self.resolve_pronoun_at(at, gender, last_speaker, avoid, 4)
    }

    /// [`Ctx::resolve_pronoun`]; when the sentence before has a pronoun for its subject, that pronoun is
    /// resolved in turn (`depth` times at most): "While Mr. Abe praised Mr. Trump, he did not … / “…,” he
    /// said" is Abe.
    fn resolve_pronoun_at(
        &self,
        at: usize,
        gender: Option<&str>,
        last_speaker: Option<&'a Entity>,
        avoid: Option<&str>,
        depth: usize,
    ) -> Option<&'a Entity> {
        let fits = |e: &Entity| {
            e.kind == EntityKind::Person
                && match (e.gender.as_deref(), gender) {
                    (Some(g), Some(want)) => g == want,
                    _ => true,
                }
        };
        let possessive = |s: &Span| {
            let t = self.first_token_from(s.end);
            t < self.n() && matches!(self.token_text(t), "'s" | "’s")
        };
        let t = self.first_token_from(at);
        let sentence = self.sentence_range(t);
        let sentence_start = self.token_span(sentence.start).start.max(at.saturating_sub(LOOK_BACK));
        let named_before = |own: bool| {
            self.within(sentence_start, at).rev().map(|i| self.mentions[i]).find(|(span, idx, _)| {
                let e = &self.entities[*idx];
                !self.inside_quote(*span) && possessive(span) != own && fits(e) && avoid != Some(e.id.as_str())
            })
        };
        // A possessor stands when no one else is named: "Kell's clinic closed after he told the staff …".
        let in_sentence = named_before(false).or_else(|| named_before(true));
        if let Some((_, idx, _)) = in_sentence {
            // The subject of a clause earlier in the sentence outranks a later object ("While Mr. Abe
            // praised Mr. Trump, he …").
            let subject = self
                .main_subject(sentence.start, t)
                .filter(|np| self.token_span(np.start).end <= at)
                .and_then(|np| self.person_of(&np))
                .filter(|e| fits(e) && avoid != Some(e.id.as_str()));
            return Some(subject.unwrap_or(&self.entities[idx]));
        }
        let floor = self.floor(at, 1);
        if let Some(prev) = self.narrated_sentence_before(t, floor) {
            let prev = &self.tagged.sentences[prev];
            // Who the sentence before reports as speaking ("…, said Rick Tyler, a consultant."), then its
            // subject. A subject inside a quotation is the speaker's word, not the narration's ("“… He
            // can't stop the case.” / “…,” he added" is the speaker, not whom the speaker spoke of).
            let reporter = self.reporting_subject(prev.tokens.clone()).and_then(|np| self.person_of(&np));
            if let Some(e) = reporter.filter(|e| fits(e) && avoid != Some(e.id.as_str())) {
                return Some(e);
            }
            let subject = self
                .main_subject(prev.tokens.start, prev.tokens.end)
                .filter(|np| self.quote_holding_token(np.start).is_none());
            if let Some(e) = subject.as_ref().and_then(|np| self.person_of(np)) {
                if fits(e) && avoid != Some(e.id.as_str()) {
                    return Some(e);
                }
            }
            // "He also tamped down expectations." / "“…,” he said": the same "he".
            if let Some(np) = subject.filter(
                |np| matches!(&np.head, NpHead::Pronoun(p) if Some(p.to_lowercase().as_str()) == pronoun_of(gender)),
            ) {
                if depth > 0 {
                    let at = self.token_span(np.start).start;
                    if let Some(e) = self.resolve_pronoun_at(at, gender, last_speaker, avoid, depth - 1) {
                        return Some(e);
                    }
                }
            }
        }
        // Among the people named in the last two paragraphs: those whose gender is known to agree, else the
        // last speaker if among the latest two, else all; of them the most salient (named often in the
        // article so far, and recently).
        let floor = self.floor(at, 2);
        let mut candidates: Vec<(&'a Entity, usize)> = Vec::new(); // (person, rank by recency)
        for i in self.within(floor, at).rev() {
            let (span, idx, _) = self.mentions[i];
            let e = &self.entities[idx];
            if !self.inside_quote(span)
                && fits(e)
                && avoid != Some(e.id.as_str())
                && !candidates.iter().any(|c| c.0.id == e.id)
            {
                candidates.push((e, candidates.len()));
            }
        }
        let named_before =
            |e: &Entity| self.within(0, at).filter(|&i| self.entities[self.mentions[i].1].id == e.id).count();
        let salience = |(e, rank): &(&'a Entity, usize)| -> f64 {
            1.5 * (1.0 + named_before(e) as f64).ln() - 0.35 * *rank as f64
        };
        let most_salient = |among: &[(&'a Entity, usize)]| {
            among.iter().max_by(|a, b| salience(a).total_cmp(&salience(b)).then(b.1.cmp(&a.1))).map(|c| c.0)
        };
        // Those whose gender is known to agree come first; then the last speaker, if among the latest two.
        if gender.is_some() {
            let agreeing: Vec<(&'a Entity, usize)> =
                candidates.iter().copied().filter(|c| c.0.gender.is_some()).collect();
            if let Some(e) = most_salient(&agreeing) {
                return Some(e);
            }
        }
        if let Some(s) = last_speaker.filter(|s| candidates.iter().take(2).any(|c| c.0.id == s.id)) {
            return Some(s);
        }
        most_salient(&candidates)
    }

    /// The sentence before the one holding token `t` that the narration speaks in: sentences wholly inside
    /// a quotation (the earlier sentences of the same quote) are passed over. `None` before `floor`.
    fn narrated_sentence_before(&self, t: usize, floor: usize) -> Option<usize> {
        let mut si = self.tagged.sentence_of(t)?.checked_sub(1)?;
        for _ in 0..6 {
            let s = &self.tagged.sentences[si];
            if s.span.start < floor {
                return None;
            }
            let quoted = (s.tokens.start..s.tokens.end)
                .filter(|&k| !is_mark(self.token_text(k)) && !matches!(self.token_text(k), "." | "," | "?" | "!"))
                .all(|k| self.quote_holding_token(k).is_some());
            if !quoted {
                return Some(si);
            }
            si = si.checked_sub(1)?;
        }
        None
    }

    /// The person-naming subject of the last reporting verb of a sentence's narration that has one: "Rick
    /// Tyler" in "…, said Rick Tyler, a consultant", "Trump" in "Trump acknowledged the meeting in a tweet,
    /// saying it went well".
    pub fn reporting_subject(&self, sentence: std::ops::Range<usize>) -> Option<Np> {
        // Inverted ("said Rick Tyler, a consultant."), only when the clause ends with the name: in "said Trump
        // would go", Trump begins what was said.
        let ends_clause = |np: &Np| np.end >= sentence.end || matches!(self.token_text(np.end), "," | "." | ";" | "—");
        let person = |np: &Np| self.person_of(np).is_some();
        sentence
            .clone()
            .rev()
            .filter(|&k| is_reporting(self.token_text(k)) && self.is_verb(k) && self.quote_holding_token(k).is_none())
            .take(4)
            .find_map(|v| {
                let after = self.np_right(v + 1, sentence.end).filter(|np| person(np) && ends_clause(np));
                after.or_else(|| self.np_left(v, sentence.start).filter(person))
            })
    }

    /// The organization or country named last before byte `at` in its paragraph ("… it said").
    pub fn last_institution(&self, at: usize) -> Option<&'a Entity> {
        self.within(self.floor(at, 0), at)
            .rev()
            .map(|i| self.mentions[i].1)
            .find(|&i| self.entities[i].kind != EntityKind::Person)
            .map(|i| &self.entities[i])
    }
}

/// The subject pronoun of a gender: "he" for "m", "she" for "f".
fn pronoun_of(gender: Option<&str>) -> Option<&'static str> {
    match gender {
        Some("m") => Some("he"),
        Some("f") => Some("she"),
        _ => None,
    }
}
