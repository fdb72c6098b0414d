//! The tagger's chunks made fit for resolving: a name ends where the name ends, and a chunk is of the kind
//! the corpus says it is. A cluster repeats its names, so each chunk is checked against all the others:
//!
//! - A chunk read in running prose (not in a headline, not in a run of capitalised words longer than itself,
//!   not opening its sentence with an ordinary lowercase word) is *reliable*; reliable chunks say which word sequences
//!   are names, and of what kind. A name that only quoted speech holds, with no given name and no table
//!   behind it, is not reliable: its capitals are the speaker's ("the Radical Greens" in a post), not the
//!   writer's; one such word the tagger reads as a person is nobody unless the corpus names a person so.
//! - An unreliable chunk ("Lindsay Lohan Checks Into Betty Ford", "Obama Announces Nominee", "Microsoft
//!   Microsoft" where a headline runs into the text) is cut into the reliable names it holds; with none, its
//!   edge words that are usually lowercase, weekdays and months are trimmed off.
//! - Titles of works are not people or organizations: in quotation marks (and then wherever the corpus
//!   writes the same name, unless its prose reads it as a person's), in apposition to a kind of work or
//!   programme ("her memoir, Silent Partners,"), or one word quoted after "on"/"in" ("on 'Kessler.'"). Nor
//!   are capitalised ordinary words ("NO COLLUSION"; a plural the writer never writes is read as its
//!   singular), chunks made only of titles ("Secretary of State"), treaties, laws, wars and games ("Korean
//!   Armistice Agreement") and their acronyms; names of landforms and zones are places.
//! - When most reliable occurrences of a name are of another kind, the name takes that kind.

use std::collections::{HashMap, HashSet};

use crate::lexis::fold::fold;
use crate::lexis::given_names::{given_name_gender, is_given_name};
use crate::lexis::set::{words, Words};
use crate::lexis::titles::{title_ending, title_starting};
use crate::lexis::words::{
    opens_landform, DETERMINERS, MONTH_NAMES, ORG_HEADS, PREPOSITIONS, TREATIES, WATERS, WEEKDAYS,
};
use crate::model::BlockKind;
use crate::resolve::countries::located;
use crate::resolve::Doc;
use crate::span::Span;
use crate::tag::article::NerChunk;
use crate::tag::hash;
use crate::tag::labels::EntityType;
use crate::tag::lexicon::Lexicon;

mod apposition;
mod casing;
mod person_words;
mod works;

use apposition::{apposed_organization, organizations_everywhere};
use casing::{casing_counts, Casing};
use person_words::PersonWords;
use works::{head_word, named_as_work, non_actor_acronyms, quoted_title_word, quoted_whole, Known};

/// A chunk as the resolvers use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunk {
    /// Token range in the article's tagged tokens.
    pub tokens: (usize, usize),
    pub span: Span,
    pub ty: EntityType,
    /// Read in running prose (see the module header).
    pub reliable: bool,
}

/// The longest name, in tokens, that reliable chunks vouch for.
const MAX_NAME: usize = 8;

/// Head words of names that are events, laws or works, never organizations or people (and treaties,
/// [`TREATIES`]).
const NOT_AN_ACTOR: Words = words![
    "act",
    "war",
    "wars",
    "olympics",
    "games",
    "initiative",
    "amendment",
    "doctrine",
    "award",
    "awards",
    "prize",
    "cup",
    "championship",
    "championships",
    "festival",
    "summit",
    "crisis",
    "scandal",
    "affair",
    "deal",
    "plan",
    "partnership",
    "bill",
    "law",
    "order",
    "resolution",
    "revolution",
    "election",
    "elections",
    "primary",
    "debate",
    "day",
    "week",
];

/// Head words of names of places that are not countries: landforms, zones (never organizations), and the
/// [`WATERS`].
const PLACE_HEADS: Words = words![
    "zone",
    "peninsula",
    "ocean",
    "mountains",
    "mountain",
    "valley",
    "island",
    "islands",
    "desert",
    "coast",
    "highway",
    "border",
];

/// Head words of names that are places unless the tagger saw an organization ("Hennepin County" may be its
/// government).
const PLACE_OR_BODY_HEADS: Words =
    words!["region", "province", "county", "district", "square", "street", "avenue", "park", "beach"];

/// A weekday or a month's name in full ("May" aside: usually the verb), ASCII case aside: never the edge of
/// a name.
fn weekday_or_month(w: &str) -> bool {
    WEEKDAYS.has(w) || (MONTH_NAMES.has(w) && !w.eq_ignore_ascii_case("may"))
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Words that join the words of a name without being one ("and", "'s").
const JOINERS: Words = words!["and", "&", "to", "-", "'s", "’s"];

pub(super) fn is_function_word(w: &str) -> bool {
    PREPOSITIONS.has(w) || DETERMINERS.has(w) || JOINERS.has(w)
}

/// A sentence written like a headline: its ordinary words (those the lexicon knows as usually lowercase)
/// nearly all capitalised, or nearly every word in capitals. A lede dense with names and titles ("Iranian
/// Foreign Minister Mohammad Javad Zarif met John Kerry") is prose: its verb is lowercase.
fn headline_like(d: &Doc, range: std::ops::Range<usize>, lexicon: &Lexicon) -> bool {
    let (mut content, mut upper, mut ordinary, mut ordinary_caps) = (0, 0, 0, 0);
    let mut first = true;
    for t in range {
        let w = d.token_text(t);
        if !w.chars().next().is_some_and(char::is_alphabetic) {
            continue;
        }
        // The sentence's first word is capitalised in any sentence.
        if std::mem::take(&mut first) || is_function_word(w) {
            continue;
        }
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
            content += 1;
            upper += w.chars().all(|c| !c.is_lowercase()) as usize;
        }
        if lexicon.get(&w.to_lowercase()).is_some_and(|c| c.cap <= 1) {
            ordinary += 1;
            ordinary_caps += capitalised(w) as usize;
        }
    }
    (ordinary >= 2 && ordinary_caps * 10 >= ordinary * 8) || (content >= 4 && upper * 10 >= content * 8)
}

/// The folded key of a token sequence.
fn key(d: &Doc, a: usize, b: usize) -> u64 {
    (a..b).fold(0u64, |h, t| hash::mix(h.rotate_left(5) ^ hash::str(&fold(d.token_text(t)))))
}

/// Name particles a person's name may hold in lowercase ("Ludwig van Beethoven").
const PARTICLES: Words = words![
    "de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "ter", "bin", "ibn", "al", "el", "la", "le",
    "y",
];

/// A person's name with an ordinary word in it after its first word: "Lindsay Lohan Checks Into Rehab",
/// "Gary Ross Still" (a family name after a given name may be an ordinary word: "Samantha Power").
fn person_glue(d: &Doc, (a, b): (usize, usize), casing: &Casing) -> bool {
    (a + 1..b).any(|t| {
        let w = d.token_text(t);
        let surname_after_given = t + 1 == b && is_given_name(&fold(d.token_text(t - 1)));
        // Only a capitalised ordinary word is glue; "al-Assad", "van" are written so in names.
        capitalised(w) && casing.usually_lowercase(w) && !PARTICLES.has(w) && !surname_after_given
    })
}

/// Cleans the chunks of every article; the result is per article, in text order.
pub fn clean(docs: &[Doc], lexicon: &Lexicon) -> Vec<Vec<Chunk>> {
    // Per article, per sentence: a headline, or written like one (computed once: sentences can be long).
    let headlines: Vec<Vec<bool>> = docs
        .iter()
        .map(|d| {
            d.tagged
                .sentences
                .iter()
                .map(|s| {
                    d.article.blocks[s.block].kind == BlockKind::Headline || headline_like(d, s.tokens.clone(), lexicon)
                })
                .collect()
        })
        .collect();
    let casing = Casing { counts: casing_counts(docs, &headlines), lexicon };
    let non_actors = non_actor_acronyms(docs);
    let people = PersonWords::of(docs);
    // How often each name is read in prose (out of headlines and capitalised runs): a name the corpus
    // repeats word for word is a name, even if its last word is an ordinary one ("Protect Democracy").
    // And the names the writer writes outside quotations: a name only quoted speech holds has no capitals
    // of the writer's behind it (a tweet's "Obstructionist Democrats", "the DNC Server").
    let mut repeated: HashMap<u64, u32> = HashMap::new();
    let mut written: HashSet<u64> = HashSet::new();
    // Names the corpus sets in quotation marks on their own somewhere: titles of works, wherever written
    // (“Rising Tide” in one article, "the Rising Tide star" in the next).
    let mut titles: HashSet<u64> = HashSet::new();
    for d in docs {
        for c in &d.tagged.chunks {
            let k = key(d, c.tokens.0, c.tokens.1);
            if in_prose(d, c.tokens, &headlines[d.index]) {
                *repeated.entry(k).or_default() += 1;
            }
            let quoted = quoted_whole(d, c.tokens);
            if !d.in_speech(c.tokens.0, c.tokens.1) && !quoted {
                written.insert(k);
            }
            let org_head = ORG_HEADS.has(d.token_text(c.tokens.1 - 1));
            if quoted && c.tokens.1 - c.tokens.0 >= 2 && !vouched(d, c.tokens) && !org_head {
                titles.insert(k);
            }
        }
    }
    // Which chunks are reliable; what kinds reliable names have.
    let mut marked: Vec<Vec<Chunk>> = Vec::with_capacity(docs.len());
    let mut names: HashMap<u64, [u32; 4]> = HashMap::new();
    for d in docs {
        let mut out = Vec::with_capacity(d.tagged.chunks.len());
        for c in &d.tagged.chunks {
            let c = &with_given_name(d, c, &casing);
            let k = key(d, c.tokens.0, c.tokens.1);
            // A person's name is vouched for by a given name only ("Liberty" is a town, not a person's name).
            let vouched_here = if c.ty == EntityType::Per { has_given_name(d, c.tokens) } else { vouched(d, c.tokens) };
            let speech_only = d.in_speech(c.tokens.0, c.tokens.1) && !written.contains(&k) && !vouched_here;
            // A name alone in quotation marks may be a title or a word held at arm's length (“Convoys”).
            let held_at_arms_length = speech_only || quoted_whole(d, c.tokens);
            let glued = (repeated.get(&k).is_none_or(|&n| n < 2) && edge_glue(d, c.tokens, &casing))
                || (c.ty == EntityType::Per && person_glue(d, c.tokens, &casing));
            let reliable = in_prose(d, c.tokens, &headlines[d.index]) && !held_at_arms_length && !glued;
            if reliable && c.tokens.1 - c.tokens.0 <= MAX_NAME {
                names.entry(k).or_default()[c.ty as usize] += 1;
            }
            out.push(Chunk { tokens: c.tokens, span: c.span, ty: c.ty, reliable });
        }
        marked.push(out);
    }
    let decided: Vec<Vec<Chunk>> = docs
        .iter()
        .zip(marked)
        .map(|(d, chunks)| {
            let mut out = Vec::with_capacity(chunks.len());
            for c in chunks {
                if c.reliable && !made_of_names(d, c, &names) {
                    out.push(trim(d, c));
                } else if c.tokens.1 - c.tokens.0 >= 2 && quoted_whole(d, c.tokens) {
                    // A title in quotation marks is no name to cut into names: it is left to be dropped whole.
                    out.push(c);
                } else {
                    let headline = d.tagged.sentence_of(c.tokens.0).is_some_and(|s| headlines[d.index][s]);
                    segment(d, c, headline, &Corpus { names: &names, casing: &casing, people: &people }, &mut out);
                }
            }
            out.into_iter()
                .filter_map(|c| decide_kind(d, c, &names, &Known { titles: &titles, non_actors: &non_actors }, &casing))
                .collect()
        })
        .collect();
    organizations_everywhere(docs, decided)
}

/// A person's chunk with the given name the tagger left out before it, often a sentence's first word
/// ("Harold James King led …" tagged "James King").
fn with_given_name(d: &Doc, c: &NerChunk, casing: &Casing) -> NerChunk {
    let a = c.tokens.0;
    if c.ty != EntityType::Per || a == 0 || d.tagged.sentence_of(a - 1) != d.tagged.sentence_of(a) {
        return *c;
    }
    let w = d.token_text(a - 1);
    let outside = d.tagged.chunks_overlapping(d.span_of(a - 1, a)).next().is_none();
    if outside && capitalised(w) && is_given_name(&fold(w)) && !casing.usually_lowercase(w) {
        return NerChunk { tokens: (a - 1, c.tokens.1), span: d.span_of(a - 1, c.tokens.1), ..*c };
    }
    *c
}

/// Out of headlines, headline-like sentences and runs of capitalised words longer than the chunk (titles
/// before a name do not count).
fn in_prose(d: &Doc, (a, b): (usize, usize), headlines: &[bool]) -> bool {
    let sentence = d.sentence_tokens(a);
    if d.tagged.sentence_of(a).is_some_and(|s| headlines[s]) {
        return false;
    }
    let mut extra = 0;
    let mut k = b;
    while k < sentence.end && capitalised(d.token_text(k)) {
        extra += 1;
        k += 1;
    }
    let mut k = a;
    while k > sentence.start && capitalised(d.token_text(k - 1)) {
        k -= 1;
    }
    // Before the name, titles and country words are no glue: "Indian Prime Minister Narendra Modi".
    let mut words: Vec<String> = (k..a).map(|t| d.token_text(t).to_lowercase()).collect();
    let mut end = a;
    while end > k {
        if let Some((_, n)) = title_ending(&words) {
            words.truncate(words.len() - n);
            end -= n;
        } else if d.tables.country_forms.lookup(&d.keys[end - 1..end]).is_some() {
            words.pop();
            end -= 1;
        } else {
            break;
        }
    }
    extra + (end - k) < 2
}

/// An ordinary word at an edge of the chunk: opening its sentence ("Startup SeaMicro …"), or glued after a
/// name ("the DNC Server") unless it is what names of organizations end in.
fn edge_glue(d: &Doc, (a, b): (usize, usize), casing: &Casing) -> bool {
    let sentence = d.sentence_tokens(a);
    // Only marks and brackets before it (a few at most).
    let first_word =
        a - sentence.start <= 3 && (sentence.start..a).all(|t| !d.token_text(t).chars().any(char::is_alphanumeric));
    if first_word && casing.usually_lowercase(d.token_text(a)) {
        return true;
    }
    let last = d.token_text(b - 1);
    // "Samantha Power": after a given name, an ordinary word is a surname.
    let given_name_before = (a..b - 1).any(|t| is_given_name(&fold(d.token_text(t))));
    b - a >= 2
        && !given_name_before
        && casing.usually_lowercase(last)
        && !ORG_HEADS.has(last)
        && !casing.usually_lowercase(d.token_text(b - 2))
}

/// A chunk that is two names the corpus knows far better on their own, side by side: "Colts Beat Chiefs",
/// "Lindsay Lohan Checks Into Betty Ford" (but "Boston Red Sox", as common as "Boston", stays whole).
fn made_of_names(d: &Doc, c: Chunk, names: &HashMap<u64, [u32; 4]>) -> bool {
    let (a, b) = c.tokens;
    if b - a < 2 {
        return false;
    }
    let count = |x: usize, y: usize| names.get(&key(d, x, y)).map_or(0, |k| k.iter().sum::<u32>());
    let whole = count(a, b);
    let longest_from =
        |x: usize| (x + 1..b.min(x + MAX_NAME) + 1).rev().find(|&y| y - x < b - a && count(x, y) >= 3 * whole.max(1));
    let longest_to =
        |y: usize| (a.max(y.saturating_sub(MAX_NAME))..y).find(|&x| y - x < b - a && count(x, y) >= 3 * whole.max(1));
    match (longest_from(a), longest_to(b)) {
        (Some(first_end), Some(last_start)) => first_end <= last_start,
        _ => false,
    }
}

/// A reliable chunk keeps its words, bar a weekday, month or number glued at either end ("Oscar Sunday").
fn trim(d: &Doc, c: Chunk) -> Chunk {
    let (mut a, mut b) = c.tokens;
    // Weekdays, months and numbers ("2012 Chiefs") are no part of a name's edges.
    let edge = |w: &str| weekday_or_month(w) || w.chars().all(|c| c.is_ascii_digit());
    while b > a + 1 && edge(d.token_text(b - 1)) {
        b -= 1;
    }
    while b > a + 1 && edge(d.token_text(a)) {
        a += 1;
    }
    Chunk { tokens: (a, b), span: d.span_of(a, b), ..c }
}

/// What the corpus says of its names, for cutting unreliable chunks.
struct Corpus<'a> {
    /// Reliable names' keys → how often each kind reads them.
    names: &'a HashMap<u64, [u32; 4]>,
    casing: &'a Casing<'a>,
    people: &'a PersonWords,
}

/// Cuts an unreliable chunk into the reliable names inside it, longest first from the left; with none,
/// trims its edges.
fn segment(d: &Doc, c: Chunk, headline: bool, corpus: &Corpus, out: &mut Vec<Chunk>) {
    let (names, casing) = (corpus.names, corpus.casing);
    let (a, b) = c.tokens;
    let mut found = Vec::new();
    let mut t = a;
    while t < b {
        let best = (t + 1..=b.min(t + MAX_NAME)).rev().find_map(|e| {
            let kinds = names.get(&key(d, t, e))?;
            let ty = majority(kinds)?;
            Some((e, ty))
        });
        match best {
            Some((e, ty)) => {
                found.push(Chunk { tokens: (t, e), span: d.span_of(t, e), ty, reliable: true });
                t = e;
            }
            None => t += 1,
        }
    }
    if !found.is_empty() {
        if c.ty == EntityType::Per {
            with_given_names_before(d, a, &mut found);
        }
        out.extend(found);
        return;
    }
    // One word of quoted speech taken for a person, with no given name and no person the corpus names with
    // it ("In the name of Heaven"): the speaker's capital.
    if c.ty == EntityType::Per
        && b == a + 1
        && d.in_speech(a, b)
        && !has_given_name(d, (a, b))
        && !corpus.people.known_elsewhere(d, a)
    {
        return;
    }
    // A person only a headline names, with no given name and no name the prose confirms, is a run of
    // capitalised words ("Vows Fight Over Bridge Tolls").
    if headline && c.ty == EntityType::Per && !(a..b).any(|t| is_given_name(&fold(d.token_text(t)))) {
        return;
    }
    let glue = |w: &str| casing.usually_lowercase_or_plural(w) || weekday_or_month(w) || !capitalised(w);
    let (mut a, mut b) = (a, b);
    while a < b && glue(d.token_text(b - 1)) {
        b -= 1;
    }
    while a < b && glue(d.token_text(a)) {
        a += 1;
    }
    if a < b {
        out.push(Chunk { tokens: (a, b), span: d.span_of(a, b), ..c });
    }
}

/// A person's name cut out of a longer chunk of the tagger's person, not opened by a given name, takes back
/// the given names and initials the chunk held just before it ("LRA District Flood Engineer Imelda T.
/// Oyelaran", where only "Oyelaran" is known on its own, is "Imelda T. Oyelaran"): titles before a name make
/// a long capitalised run, but the words a given name opens are that person's.
fn with_given_names_before(d: &Doc, a: usize, found: &mut [Chunk]) {
    let mut floor = a;
    for c in found.iter_mut() {
        let mut start = c.tokens.0;
        // A name that has its given name already takes no more ("Fire Marshall John Bond").
        let (first, end) = c.tokens;
        if c.ty == EntityType::Per && (end - first < 2 || !has_given_name(d, (first, first + 1))) {
            let mut t = start;
            while t > floor && (has_given_name(d, (t - 1, t)) || initial(d.token_text(t - 1))) {
                t -= 1;
                if has_given_name(d, (t, t + 1)) {
                    start = t;
                }
            }
        }
        c.tokens.0 = start;
        c.span = d.span_of(start, c.tokens.1);
        floor = c.tokens.1;
    }
}

/// A capital with a full stop: a name's initial ("S.").
fn initial(w: &str) -> bool {
    let mut chars = w.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

/// Evidence beyond capitals that tokens `a..b` are a name: a given name among them (with nicknames, or
/// of a gender), or a country,
/// organization or place of the reference tables.
fn vouched(d: &Doc, (a, b): (usize, usize)) -> bool {
    let (keys, tables) = (&d.keys[a..b], d.tables);
    has_given_name(d, (a, b))
        || tables.country_forms.lookup(keys).is_some()
        || tables.org_forms.lookup(keys).is_some()
        || tables.place_forms.lookup(keys).is_some()
}

/// Whether tokens `a..b` hold a given name (with nicknames, or of a gender).
pub(super) fn has_given_name(d: &Doc, (a, b): (usize, usize)) -> bool {
    (a..b).any(|t| {
        let w = fold(d.token_text(t));
        is_given_name(&w) || given_name_gender(&w).is_some()
    })
}

fn majority(kinds: &[u32; 4]) -> Option<EntityType> {
    let (best, n) = kinds.iter().enumerate().max_by_key(|&(i, n)| (*n, 4 - i))?;
    (*n > 0).then_some(EntityType::ALL[best])
}

/// The chunk's kind from the corpus, or `None` when it is no name of a person, organization or place.
fn decide_kind(d: &Doc, c: Chunk, names: &HashMap<u64, [u32; 4]>, known: &Known, casing: &Casing) -> Option<Chunk> {
    let (a, b) = c.tokens;
    let words: Vec<&str> = (a..b).map(|t| d.token_text(t)).collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    // Only titles: "Secretary of State", "Special Counsel".
    if title_starting(&lower).is_some_and(|(_, n)| n == lower.len()) {
        return None;
    }
    // Ordinary words in capitals: "NO COLLUSION", "DESPERATION".
    let shouted = words
        .iter()
        .all(|w| w.chars().all(|c| !c.is_lowercase()) && w.chars().filter(|c| c.is_alphabetic()).count() >= 2);
    if shouted && words.iter().all(|w| casing.lexicon.get(&w.to_lowercase()).is_some_and(|k| k.cap <= 1)) {
        return None;
    }
    // A title of a work in quotation marks: “A Quiet Reckoning”; one word only after "on" or "in" ("on
    // 'Tonight.'", where a nickname is "dubbed 'Tonight'") and when no table and no reliable use elsewhere
    // vouches for it as a name.
    // (Not a name that ends as organizations' names do: “The Harbour Corporation”.)
    let title_like = c.ty != EntityType::Loc && !ORG_HEADS.has(&lower[lower.len() - 1]);
    if title_like && quoted_whole(d, c.tokens) && (words.len() >= 2 || quoted_title_word(d, c, names)) {
        return None;
    }
    // A title elsewhere is one here, unless the prose mostly reads the name as a person's (“Rosa Lind” in
    // one article, "the TV host Rosa Lind" in others).
    let k = key(d, a, b);
    let mostly_person = names.get(&k).is_some_and(|kinds| majority(kinds) == Some(EntityType::Per));
    if title_like && words.len() >= 2 && known.titles.contains(&k) && !mostly_person && !vouched(d, c.tokens) {
        return None;
    }
    // "Rivet Rivet": one name twice, a headline's last word glued to a sentence's first, is one
    // mention of the name, of the kind the corpus gives it alone.
    if words.len() == 2 && lower[0] == lower[1] {
        let ty = names.get(&key(d, b - 1, b)).and_then(majority).unwrap_or(c.ty);
        return Some(Chunk { tokens: (b - 1, b), span: d.span_of(b - 1, b), ty, ..c });
    }
    let head = head_word(&lower);
    // The acronym of a treaty, law or plan the corpus names ("NWFA" beside "Northern Waters Fisheries
    // Accord") is no actor either.
    if words.len() == 1 && known.non_actors.contains(words[0]) {
        return None;
    }
    // A title in apposition to a kind of work: "a book, A Higher Calling:".
    if named_as_work(d, c) {
        return None;
    }
    let mut ty = c.ty;
    // "Lake Champlain", "Mount Hood", "Gulf of Aden": a landform's word first.
    let place_first = opens_landform(&lower[0]) && !ORG_HEADS.has(head);
    if words.len() >= 2 && (NOT_AN_ACTOR.has_exact(head) || TREATIES.has_exact(head)) {
        return None;
    } else if apposed_organization(d, c).is_some() {
        ty = EntityType::Org;
    } else if words.len() >= 2
        && (place_first
            || (PLACE_HEADS.has_exact(head) || WATERS.has_exact(head))
            || (PLACE_OR_BODY_HEADS.has_exact(head) && ty != EntityType::Org))
    {
        ty = EntityType::Loc;
    } else if ty != EntityType::Per
        && (2..=3).contains(&words.len())
        && is_given_name(&lower[0])
        && !ORG_HEADS.has(head)
        && words.iter().all(|w| capitalised(w) && !is_function_word(w))
        && names.get(&key(d, a, b)).is_none_or(|k| k[EntityType::Per as usize] * 2 >= k.iter().sum::<u32>())
    {
        // "Sonia Sotomayor" tagged as an organization: a given name, then names, is a person unless the
        // corpus mostly says otherwise.
        ty = EntityType::Per;
    } else if ty == EntityType::Org
        && !ORG_HEADS.has(head)
        && located(d, a)
        && d.tables.place_forms.lookup(&d.keys[a..b]).is_some()
    {
        // "in suburban Detroit": a city after a preposition of place is the place, not its team.
        ty = EntityType::Loc;
    } else if let Some(kinds) = names.get(&key(d, a, b)) {
        // The corpus's reliable uses outvote this one when two in three agree.
        let total: u32 = kinds.iter().sum();
        if let Some(m) = majority(kinds).filter(|&m| m != ty && kinds[m as usize] * 3 >= total * 2 && total >= 2) {
            ty = m;
        }
    }
    Some(Chunk { ty, ..c })
}
