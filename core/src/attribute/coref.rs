//! Who a pronoun or a role names: "he" and "she" resolved to the person the sentence or the one before
//! speaks of outside quotations (gender agreeing), "the president" to the person of that role named last,
//! "it" to the organization or country named last in the paragraph.

use crate::attribute::context::{Ctx, LOOK_BACK};
use crate::attribute::np::NpHead;
use crate::lexis::titles::same_role;
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
    ) -> Option<&'a Entity> {
        self.resolve_pronoun_at(at, gender, last_speaker, 2)
    }

    /// [`Ctx::resolve_pronoun`]; when the sentence before has a pronoun for its subject, that pronoun is
    /// resolved in turn (`depth` times at most): "While Mr. Abe praised Mr. Trump, he did not … / “…,” he
    /// said" is Abe.
    fn resolve_pronoun_at(
        &self,
        at: usize,
        gender: Option<&str>,
        last_speaker: Option<&'a Entity>,
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
                !self.inside_quote(*span) && possessive(span) != own && fits(&self.entities[*idx])
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
                .filter(|e| fits(e));
            return Some(subject.unwrap_or(&self.entities[idx]));
        }
        let floor = self.floor(at, 1);
        if let Some(si) = self.tagged.sentence_of(t).and_then(|s| s.checked_sub(1)) {
            let prev = &self.tagged.sentences[si];
            if prev.span.start >= floor {
                // A subject inside a quotation is the speaker's word, not the narration's ("“… He can't
                // stop the case.” / “…,” he added" is the speaker, not whom the speaker spoke of).
                let subject = self
                    .main_subject(prev.tokens.start, prev.tokens.end)
                    .filter(|np| self.quote_holding_token(np.start).is_none());
                if let Some(e) = subject.as_ref().and_then(|np| self.person_of(np)) {
                    if fits(e) {
                        return Some(e);
                    }
                }
                // "He also tamped down expectations." / "“…,” he said": the same "he".
                if let Some(np) = subject.filter(|np| matches!(&np.head, NpHead::Pronoun(p) if Some(p.to_lowercase().as_str()) == pronoun_of(gender))) {
                    if depth > 0 {
                        if let Some(e) = self.resolve_pronoun_at(self.token_span(np.start).start, gender, last_speaker, depth - 1) {
                            return Some(e);
                        }
                    }
                }
            }
        }
        let floor = self.floor(at, 2);
        let mut candidates: Vec<&'a Entity> = Vec::new();
        for i in self.within(floor, at).rev() {
            let (span, idx, _) = self.mentions[i];
            let e = &self.entities[idx];
            if !self.inside_quote(span) && !possessive(&span) && fits(e) && !candidates.iter().any(|c| c.id == e.id) {
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
