//! Function words the attributor reads prose by: pronouns, prepositions, determiners, the words that end a
//! noun phrase, that sit between a subject and its verb, that open an introduction or a circumstance, and
//! the nouns that name an unnamed source or a document; weekdays, months, treaties and landforms. Each fact
//! has one list here, a [`Words`] set, and every stage reads that one.

use crate::lexis::set::words;
pub use crate::lexis::set::Words;

/// Personal pronouns that can name a speaker.
pub const PRONOUNS: Words = words!["he", "she", "they", "i", "we", "it"];

/// Prepositions: a word after one of these is its object, not a verb, and none opens a phrase naming a source.
pub const PREPOSITIONS: Words = words![
    "of", "in", "on", "at", "for", "with", "from", "by", "about", "into", "over", "under", "between", "during",
    "without", "against", "since", "until", "after", "before", "through", "among",
];

/// Quantifiers: a word after one of these is a noun ("some charges"), not a verb.
pub const QUANTIFIERS: Words = words!["such", "no", "any", "every", "each", "some", "many", "more", "most", "one"];

/// Determiners and possessive pronouns that open a noun phrase.
pub const DETERMINERS: Words =
    words!["the", "a", "an", "this", "that", "these", "those", "another", "his", "her", "their", "its"];

/// Words that end a noun phrase.
pub const STOP: Words = words![
    "who", "which", "that", "in", "on", "at", "to", "for", "with", "from", "by", "and", "or", "but", "as", "when",
    "while", "after", "before", "if", "because", "than", "then", "also", "has", "had", "have", "is", "was", "are",
    "were", "will", "would", "could", "should", "did", "does", "do", "not", "it", "this", "there", "here", "about",
    "into", "over", "under", "between", "during", "without", "against", "since", "until", "where", "how", "what",
    "why", "whom", "whose", "be", "been", "being", "can", "may", "might", "must",
];

/// Words between a subject and its verb: "Putin also said", "Trump has repeatedly said".
pub const BETWEEN: Words = words![
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
pub const INTRO: Words = words![
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
];

/// Words that open a circumstance after a reporting verb: "said as he left", "said on Friday".
pub const CIRCUMSTANCE: Words = words![
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

/// The days of the week, as written.
pub const WEEKDAYS: Words = words!["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The unnamed-source nouns: a phrase headed by one of these names a source without naming a person.
pub const SOURCE_NOUNS: Words = words![
    "official",
    "officials",
    "source",
    "sources",
    "aide",
    "aides",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "diplomat",
    "diplomats",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "staffer",
    "staffers",
    "insider",
    "insiders",
    "person",
    "people",
    "analyst",
    "analysts",
    "observer",
    "observers",
    "lawmaker",
    "lawmakers",
];

/// Documents that speak for whoever wrote or filed them: "the statement said", "the DNC's lawsuit
/// claims", "the letter reads".
pub const DOCUMENTS: Words = words![
    "lawsuit",
    "suit",
    "complaint",
    "filing",
    "filings",
    "statement",
    "report",
    "letter",
    "memo",
    "memorandum",
    "indictment",
    "ruling",
    "motion",
    "brief",
    "document",
    "documents",
    "study",
    "survey",
    "editorial",
    "release",
    "ad",
    "advertisement",
    "email",
    "post",
    "tweet",
    "website",
    "petition",
    "order",
    "affidavit",
    "transcript",
    "headline",
];

/// Nouns of kinds of organization: an organization's description ("the committee said": the organization
/// whose name holds the word) and what the name beside them is ("a Dutch newspaper, Telders Kamp,
/// reported", "a law firm, Brandt Okafor,", "the broadcaster NHK").
pub const ORG_NOUNS: Words = words![
    "committee",
    "bureau",
    "agency",
    "department",
    "ministry",
    "campaign",
    "company",
    "firm",
    "party",
    "group",
    "network",
    "newspaper",
    "paper",
    "council",
    "commission",
    "court",
    "board",
    "union",
    "organization",
    "organisation",
    "foundation",
    "institute",
    "university",
    "administration",
    "government",
    "team",
    "club",
    "league",
    "association",
    "office",
    "service",
    "corporation",
    "bank",
    "channel",
    "magazine",
    "station",
    "daily",
    "weekly",
    "tabloid",
    "broadcaster",
    "conglomerate",
    "lender",
    "insurer",
    "airline",
    "carmaker",
    "automaker",
    "retailer",
    "manufacturer",
    "startup",
    "start-up",
    "nonprofit",
    "charity",
    "publisher",
    "website",
    "outlet",
    "consultancy",
    "watchdog",
    "tank",
    "coalition",
    "militia",
];

/// A noun of a kind of organization written as a common noun: "a newspaper," (not the end of a name,
/// "the National Intelligence Service,").
pub fn is_org_noun(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase) && ORG_NOUNS.has(w)
}

/// Words that end the names of organizations ("Indian Navy", "ABC Entertainment Group"): capitalised there
/// though ordinary lowercase words elsewhere.
pub const ORG_HEADS: Words = words![
    "navy",
    "army",
    "police",
    "guard",
    "force",
    "forces",
    "corps",
    "group",
    "foundation",
    "association",
    "society",
    "office",
    "network",
    "team",
    "council",
    "committee",
    "department",
    "agency",
    "bureau",
    "court",
    "party",
    "commission",
    "institute",
    "university",
    "college",
    "school",
    "center",
    "centre",
    "fund",
    "bank",
    "corporation",
    "company",
    "service",
    "services",
    "authority",
    "ministry",
    "administration",
    "board",
    "union",
    "league",
    "federation",
    "coalition",
    "campaign",
    "club",
    "church",
    "hospital",
    "times",
    "post",
    "news",
    "airlines",
    "airways",
    "press",
    "reporter",
    "magazine",
    "journal",
    "institution",
    "organization",
    "organisation",
    "alliance",
    "assembly",
    "parliament",
    "congress",
    "senate",
    "house",
    "government",
    "cabinet",
    "trust",
    "partners",
    "associates",
    "advisors",
    "advisers",
    "capital",
    "holdings",
    "industries",
    "systems",
    "studios",
    "records",
    "entertainment",
    "media",
    "labs",
    "laboratories",
    "exchange",
    "division",
    "unit",
    "command",
    "brigade",
    "regiment",
    "squad",
    "patrol",
    "attorney",
];

/// The months' names in full.
pub const MONTH_NAMES: Words = words![
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The months' names as dates abbreviate them: in three letters, and "sept" ("may" is written in full).
pub const MONTH_ABBREVIATIONS: Words =
    words!["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];

/// Whether a word is a month's name or its abbreviation ("march", "Mar", "sept").
pub fn is_month(word: &str) -> bool {
    MONTH_NAMES.has(word) || MONTH_ABBREVIATIONS.has(word)
}

/// Words naming a treaty or an agreement between states: a name they head ("the Minsk agreements",
/// "the Paris Accord") is no actor, and a place in it ("Treaty of Paris") is no mention of the place.
pub const TREATIES: Words = words![
    "agreement",
    "agreements",
    "accord",
    "accords",
    "treaty",
    "protocol",
    "convention",
    "conventions",
    "memorandum",
    "declaration",
];

/// Kinds of titled works: a name in apposition to one ("his book, A Higher Calling:", "Rising Tide, the
/// documentary") is the work's title, no person, organization or place.
pub const WORKS: Words = words![
    "book",
    "books",
    "memoir",
    "novel",
    "biography",
    "autobiography",
    "film",
    "movie",
    "documentary",
    "show",
    "series",
    "sitcom",
    "programme",
    "program",
    "podcast",
    "album",
    "song",
    "play",
    "musical",
    "opera",
    "poem",
    "painting",
    "sculpture",
    "essay",
    "column",
    "policy",
    "scheme",
];

/// Waters, whose word opens or ends a name: "Lake Champlain", "Chesapeake Bay", "Gulf of Aden".
pub const WATERS: Words = words!["lake", "gulf", "bay", "sea", "strait", "river"];

/// Words that open the name of a landform or a strait, besides [`WATERS`]: "Mount Hood", "Horn of Africa".
pub const LANDFORMS: Words = words!["mount", "mt.", "cape", "isle", "isles", "straits", "horn", "bight"];

/// Whether a word opens the name of a landform or a water, ASCII case aside ([`WATERS`], [`LANDFORMS`]).
pub fn opens_landform(w: &str) -> bool {
    WATERS.has(w) || LANDFORMS.has(w)
}
