//! What an attribution rests on, kept for its confidence: how sure the ranker was of the words naming the
//! source, how those words became a speaker (a full name, a family name alone, a pronoun, a description, a
//! group, a document), how many others they could have meant, and the other speakers the candidates
//! proposed. [`crate::attribute::confidence`] turns it into a probability.

use crate::attribute::context::{family_of, Ctx};
use crate::attribute::np::{Np, NpHead};
use crate::model::{EntityKind, How, Speaker};

/// How the words naming the source became the speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Via {
    /// No speaker.
    #[default]
    None,
    /// A name of two words or more ("Shinzo Abe", "Mr. Abe" counts as short).
    Name,
    /// One word of a name ("Abe", "Trump").
    Short,
    /// "he", "she".
    Pronoun,
    /// A pronoun nobody was found for ("unidentified (he)").
    Unresolved,
    /// "it", "they" for an institution or a group.
    Other,
    /// "the president", "the congresswoman", a description's name in apposition.
    Description,
    /// People named together.
    Group,
    /// An organization or a country named, or speaking through its document or description.
    Institution,
    /// An unnamed source: "a senior official", "protesters".
    Unnamed,
    /// "I" or "we" outside quotation marks: the writer.
    Writer,
}

impl Via {
    /// The name in feature strings; stable, since the confidence model is keyed by it.
    pub fn name(self) -> &'static str {
        match self {
            Via::None => "none",
            Via::Name => "name",
            Via::Short => "short",
            Via::Pronoun => "pronoun",
            Via::Unresolved => "unresolved",
            Via::Other => "other",
            Via::Description => "description",
            Via::Group => "group",
            Via::Institution => "institution",
            Via::Unnamed => "unnamed",
            Via::Writer => "writer",
        }
    }

    pub const ALL: [Via; 11] = [
        Via::None,
        Via::Name,
        Via::Short,
        Via::Pronoun,
        Via::Unresolved,
        Via::Other,
        Via::Description,
        Via::Group,
        Via::Institution,
        Via::Unnamed,
        Via::Writer,
    ];
}

/// What an attribution rests on.
#[derive(Debug, Clone, Default)]
pub struct Evidence {
    /// The ranker's probability for the words it chose (the share of the candidates' softmax).
    pub p: f32,
    pub via: Via,
    /// Others the words could have meant: people of agreeing gender named nearby for a pronoun, other
    /// people of the family for a family name alone.
    pub rivals: usize,
    /// Other speakers the candidates proposed, each with the ranker's probability for its words.
    pub alternatives: Vec<(Speaker, f32)>,
}

/// How phrase `np` became `speaker`.
pub fn via(ctx: &Ctx, np: &Np, speaker: &Speaker) -> Via {
    if !speaker.members.is_empty() {
        return Via::Group;
    }
    if speaker.key.starts_with("writer:") {
        return Via::Writer;
    }
    let person = speaker
        .entity
        .as_ref()
        .and_then(|id| ctx.entity_index(id))
        .filter(|&i| ctx.entities[i].kind == EntityKind::Person);
    match &np.head {
        NpHead::Relative(antecedent) => via(ctx, antecedent, speaker),
        NpHead::Pronoun(p) => match (p.to_lowercase().as_str(), speaker.unnamed) {
            (_, true) => Via::Unresolved,
            ("he" | "she", false) => Via::Pronoun,
            _ => Via::Other,
        },
        NpHead::Entity(i) => match person {
            Some(p) if p == *i => {
                let described = ctx.mention_in(*i, np.start, np.end).is_some_and(|(how, _)| how == How::Description);
                let words = ctx.mention_in(*i, np.start, np.end).map_or(1, |(_, text)| text.split_whitespace().count());
                if described {
                    Via::Description
                } else if words >= 2 {
                    Via::Name
                } else {
                    Via::Short
                }
            }
            Some(_) => Via::Description,
            None if speaker.unnamed => Via::Unnamed,
            None => Via::Institution,
        },
        NpHead::Noun(_) => match (person, speaker.unnamed) {
            (Some(_), _) => Via::Description,
            (None, true) => Via::Unnamed,
            (None, false) => Via::Institution,
        },
    }
}

/// How many others the words could have meant ([`Evidence::rivals`]).
pub fn rivals(ctx: &Ctx, np: &Np, speaker: &Speaker, via: Via) -> usize {
    let Some(chosen) = speaker.entity.as_ref() else { return 0 };
    let at = ctx.token_span(np.start).start;
    match via {
        Via::Pronoun => {
            let gender = match &np.head {
                NpHead::Pronoun(p) if p.eq_ignore_ascii_case("he") => Some("m"),
                NpHead::Pronoun(p) if p.eq_ignore_ascii_case("she") => Some("f"),
                _ => None,
            };
            let mut seen: Vec<&str> = Vec::new();
            for i in ctx.within(ctx.floor(at, 2), at) {
                let (span, idx, _) = ctx.mentions[i];
                let e = &ctx.entities[idx];
                let agrees = e.gender.is_none() || e.gender.as_deref() == gender;
                if e.kind == EntityKind::Person
                    && agrees
                    && &e.id != chosen
                    && !ctx.inside_quote(span)
                    && !seen.contains(&e.id.as_str())
                {
                    seen.push(&e.id);
                }
            }
            seen.len()
        }
        Via::Short => {
            let Some(e) = ctx.entity_index(chosen).map(|i| &ctx.entities[i]) else { return 0 };
            ctx.namesakes(family_of(&e.name)).saturating_sub(1)
        }
        _ => 0,
    }
}
