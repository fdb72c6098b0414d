//! Function words the attributor reads prose by: pronouns, prepositions, determiners, the words that end a
//! noun phrase, that sit between a subject and its verb, that open an introduction or a circumstance, and
//! the nouns that name an unnamed source or a document.

/// Personal pronouns that can name a speaker.
pub const PRONOUNS: &[&str] = &["he", "she", "they", "i", "we", "it"];

/// Prepositions: a word after one of these is its object, not a verb, and none opens a phrase naming a source.
pub const PREPOSITIONS: &[&str] = &[
    "of", "in", "on", "at", "for", "with", "from", "by", "about", "into", "over", "under", "between", "during",
    "without", "against", "since", "until", "after", "before", "through", "among",
];

/// Quantifiers: a word after one of these is a noun ("some charges"), not a verb.
pub const QUANTIFIERS: &[&str] = &["such", "no", "any", "every", "each", "some", "many", "more", "most", "one"];

/// Determiners and possessive pronouns that open a noun phrase.
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "another", "The", "A", "An", "This", "That", "These", "Those",
    "Another", "his", "her", "their", "its", "His", "Her", "Their", "Its",
];

/// Words that end a noun phrase.
pub const STOP: &[&str] = &[
    "who", "which", "that", "in", "on", "at", "to", "for", "with", "from", "by", "and", "or", "but", "as", "when",
    "while", "after", "before", "if", "because", "than", "then", "also", "has", "had", "have", "is", "was", "are",
    "were", "will", "would", "could", "should", "did", "does", "do", "not", "it", "this", "there", "here", "about",
    "into", "over", "under", "between", "during", "without", "against", "since", "until", "where", "how", "what",
    "why", "whom", "whose", "be", "been", "being", "can", "may", "might", "must",
];

/// Words between a subject and its verb: "Putin also said", "Trump has repeatedly said".
pub const BETWEEN: &[&str] = &[
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
pub const INTRO: &[&str] = &[
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
pub const CIRCUMSTANCE: &[&str] = &[
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

pub const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// The unnamed-source nouns: a phrase headed by one of these names a source without naming a person.
pub const SOURCE_NOUNS: &[&str] = &[
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

/// Documents that speak for someone: "the statement said", "the letter reads".
pub const DOCUMENT_NOUNS: &[&str] =
    &["statement", "report", "letter", "ad", "email", "post", "tweet", "release", "headline", "campaign"];

/// Whether `w` is in `list`, ignoring case.
pub fn in_list(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}
