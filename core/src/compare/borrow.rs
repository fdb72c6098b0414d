//! A quote with no cue of its own takes the speaker its other versions are credited to. A pull quote set
//! apart from the story, or an outlet that quotes without saying who spoke, leaves the attributor only the
//! names nearby ("nearby", or nobody); when two or more versions of the same utterance, of about the same
//! length, each have a cue of their own and all name one entity, that entity is the speaker (rule
//! "same_quote"). Versions that name different speakers, or that are much longer (a quote nested in another
//! speaker's), lend nothing. Linear: each group is looked at once, and a group too large to be one
//! utterance is passed over.

use crate::attribute::evidence::Evidence;
use crate::model::{Quote, Rule, Speaker};

/// Versions whose cue is their own: the rules that read a reporting clause next to the quote.
const CUED: [Rule; 5] = [Rule::After, Rule::Before, Rule::AccordingTo, Rule::Participle, Rule::PreviousSentence];
/// The ranker's least share for a version's words to lend its speaker.
const DONOR_P: f32 = 0.8;
/// How many agreeing versions it takes.
const DONORS: usize = 2;
/// Versions of about the same length: neither has more than this many times the other's words.
const LENGTH_RATIO: f32 = 1.5;
/// A group larger than this is no single utterance (a slogan everyone repeats): left alone.
const MAX_GROUP: usize = 64;

/// Gives each uncued quote of `groups` (lists of indexes into `quotes`, as [`super::quotes::groups`] makes
/// them) the speaker its cued versions agree on; `evidence` follows. Returns how many quotes took one.
pub fn borrow_speakers(quotes: &mut [Quote], evidence: &mut [Evidence], groups: &[Vec<usize>]) -> usize {
    let words: Vec<usize> = quotes.iter().map(|q| q.text.split_whitespace().count()).collect();
    let similar = |a: usize, b: usize| {
        let (x, y) = (words[a].max(1) as f32, words[b].max(1) as f32);
        x.max(y) <= LENGTH_RATIO * x.min(y)
    };
    let mut lent = 0;
    for members in groups.iter().filter(|m| m.len() <= MAX_GROUP) {
        let donors: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&i| {
                let q = &quotes[i];
                q.rule.is_some_and(|r| CUED.contains(&r)) && evidence[i].p >= DONOR_P && named(q.speaker.as_ref())
            })
            .collect();
        for &i in members {
            if !matches!(quotes[i].rule, None | Some(Rule::Nearby)) {
                continue;
            }
            let near: Vec<usize> = donors.iter().copied().filter(|&j| similar(i, j)).collect();
            let Some(&first) = near.first() else { continue };
            let entity = |j: usize| quotes[j].speaker.as_ref().and_then(|s| s.entity.clone());
            if near.len() < DONORS || near.iter().any(|&j| entity(j) != entity(first)) {
                continue;
            }
            if entity(i).is_some() && entity(i) == entity(first) {
                continue;
            }
            let donor = near.iter().copied().find(|&j| quotes[j].article == quotes[i].article).unwrap_or(first);
            lend(quotes, evidence, donor, i);
            lent += 1;
        }
    }
    lent
}

/// A speaker that is one named entity: no unnamed source (its key is its article's), no group.
fn named(s: Option<&Speaker>) -> bool {
    s.is_some_and(|s| s.entity.is_some() && !s.unnamed && s.members.is_empty())
}

/// Quote `to` takes quote `from`'s speaker; the mention only when both are in one article. What it had is
/// kept as an alternative.
fn lend(quotes: &mut [Quote], evidence: &mut [Evidence], from: usize, to: usize) {
    let mut speaker = quotes[from].speaker.clone().expect("a donor has a speaker");
    if quotes[from].article != quotes[to].article {
        speaker.mention = None;
    }
    let before = quotes[to].speaker.take();
    let old_p = evidence[to].p;
    let q = &mut quotes[to];
    q.speaker = Some(speaker);
    q.verb = None;
    q.cue = None;
    q.rule = Some(Rule::SameQuote);
    let mut ev = Evidence { p: evidence[from].p, via: evidence[from].via, rivals: 0, alternatives: Vec::new() };
    if let Some(s) = before {
        ev.alternatives.push((s, old_p));
    }
    evidence[to] = ev;
}
