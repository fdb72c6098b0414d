//! Titles and role nouns that come before or after a person's name ("Foreign Minister", "the Kremlin
//! leader"), with what they imply: a head of state or government, a gender.

/// A role word or phrase, lowercased, with whether it names a leader of a country.
pub struct Title {
    pub words: &'static [&'static str],
    pub leader: bool,
    /// 'm' or 'f' when the title implies a gender.
    pub gender: Option<char>,
}

const fn t(words: &'static [&'static str], leader: bool, gender: Option<char>) -> Title {
    Title { words, leader, gender }
}

/// Longest first, so "deputy foreign minister" wins over "foreign minister" and "minister".
pub const TITLES: &[Title] = &[
    t(&["national", "security", "adviser"], false, None),
    t(&["deputy", "foreign", "minister"], false, None),
    t(&["chief", "of", "staff"], false, None),
    t(&["attorney", "general"], false, None),
    t(&["district", "attorney"], false, None),
    t(&["special", "counsel"], false, None),
    t(&["surgeon", "general"], false, None),
    t(&["press", "secretary"], false, None),
    t(&["chief", "justice"], false, None),
    t(&["chief", "executive"], false, None),
    t(&["president-elect"], true, None),
    t(&["secretary", "of", "state"], false, None),
    t(&["supreme", "leader"], true, None),
    t(&["prime", "minister"], true, None),
    t(&["vice", "president"], false, None),
    t(&["foreign", "minister"], false, None),
    t(&["defense", "minister"], false, None),
    t(&["defence", "minister"], false, None),
    t(&["defense", "secretary"], false, None),
    t(&["foreign", "secretary"], false, None),
    t(&["secretary", "general"], false, None),
    t(&["secretary-general"], false, None),
    t(&["first", "lady"], false, Some('f')),
    t(&["president"], true, None),
    t(&["chancellor"], true, None),
    t(&["premier"], true, None),
    t(&["king"], true, Some('m')),
    t(&["queen"], true, Some('f')),
    t(&["emir"], true, Some('m')),
    t(&["sheikh"], false, Some('m')),
    t(&["prince"], false, Some('m')),
    t(&["princess"], false, Some('f')),
    t(&["pope"], false, Some('m')),
    t(&["ayatollah"], false, Some('m')),
    t(&["leader"], true, None),
    t(&["strongman"], true, Some('m')),
    t(&["dictator"], true, None),
    t(&["minister"], false, None),
    t(&["secretary"], false, None),
    t(&["ambassador"], false, None),
    t(&["envoy"], false, None),
    t(&["senator"], false, None),
    t(&["sen."], false, None),
    t(&["rep."], false, None),
    t(&["governor"], false, None),
    t(&["gov."], false, None),
    t(&["general"], false, None),
    t(&["gen."], false, None),
    t(&["spokesman"], false, Some('m')),
    t(&["spokeswoman"], false, Some('f')),
    t(&["spokesperson"], false, None),
    t(&["chairman"], false, Some('m')),
    t(&["chairwoman"], false, Some('f')),
    t(&["adviser"], false, None),
    t(&["advisor"], false, None),
    t(&["mayor"], false, None),
    t(&["congressman"], false, Some('m')),
    t(&["congresswoman"], false, Some('f')),
    t(&["representative"], false, None),
    t(&["speaker"], false, None),
    t(&["justice"], false, None),
    t(&["judge"], false, None),
    t(&["prosecutor"], false, None),
    t(&["attorney"], false, None),
    t(&["lawyer"], false, None),
    t(&["counsel"], false, None),
    t(&["sheriff"], false, None),
    t(&["deputy"], false, None),
    t(&["detective"], false, None),
    t(&["det."], false, None),
    t(&["officer"], false, None),
    t(&["commissioner"], false, None),
    t(&["superintendent"], false, None),
    t(&["director"], false, None),
    t(&["chief"], false, None),
    t(&["ceo"], false, None),
    t(&["coach"], false, None),
    t(&["captain"], false, None),
    t(&["capt."], false, None),
    t(&["sergeant"], false, None),
    t(&["sgt."], false, None),
    t(&["lieutenant"], false, None),
    t(&["lt."], false, None),
    t(&["colonel"], false, None),
    t(&["col."], false, None),
    t(&["agent"], false, None),
    t(&["bishop"], false, Some('m')),
    t(&["archbishop"], false, Some('m')),
    t(&["cardinal"], false, Some('m')),
    t(&["rabbi"], false, None),
    t(&["reverend"], false, None),
    t(&["rev."], false, None),
    t(&["actress"], false, Some('f')),
    t(&["mr."], false, Some('m')),
    t(&["mr"], false, Some('m')),
    t(&["mrs."], false, Some('f')),
    t(&["mrs"], false, Some('f')),
    t(&["ms."], false, Some('f')),
    t(&["ms"], false, Some('f')),
    t(&["miss"], false, Some('f')),
    t(&["dr."], false, None),
    t(&["dr"], false, None),
    t(&["prof."], false, None),
    t(&["sir"], false, Some('m')),
    t(&["dame"], false, Some('f')),
    // Kin before a name ("his wife, Brigitte", "her brother Tom"): a gender, no role.
    t(&["wife"], false, Some('f')),
    t(&["husband"], false, Some('m')),
    t(&["widow"], false, Some('f')),
    t(&["widower"], false, Some('m')),
    t(&["mother"], false, Some('f')),
    t(&["father"], false, Some('m')),
    t(&["daughter"], false, Some('f')),
    t(&["son"], false, Some('m')),
    t(&["sister"], false, Some('f')),
    t(&["brother"], false, Some('m')),
    t(&["grandmother"], false, Some('f')),
    t(&["grandfather"], false, Some('m')),
    t(&["granddaughter"], false, Some('f')),
    t(&["grandson"], false, Some('m')),
    t(&["aunt"], false, Some('f')),
    t(&["uncle"], false, Some('m')),
    t(&["niece"], false, Some('f')),
    t(&["nephew"], false, Some('m')),
    t(&["girlfriend"], false, Some('f')),
    t(&["boyfriend"], false, Some('m')),
];

/// Titles that are forms of address or kin, not roles worth listing.
pub fn is_honorific(title: &Title) -> bool {
    matches!(
        title.words,
        ["wife"]
            | ["husband"]
            | ["widow"]
            | ["widower"]
            | ["mother"]
            | ["father"]
            | ["daughter"]
            | ["son"]
            | ["sister"]
            | ["brother"]
            | ["grandmother"]
            | ["grandfather"]
            | ["granddaughter"]
            | ["grandson"]
            | ["aunt"]
            | ["uncle"]
            | ["niece"]
            | ["nephew"]
            | ["girlfriend"]
            | ["boyfriend"]
            | ["mr."]
            | ["mr"]
            | ["mrs."]
            | ["mrs"]
            | ["ms."]
            | ["ms"]
            | ["miss"]
            | ["dr."]
            | ["dr"]
            | ["prof."]
            | ["sir"]
            | ["dame"]
    )
}

/// The longest title ending exactly at the end of `words` (lowercased), with how many words it takes.
pub fn title_ending(words: &[String]) -> Option<(&'static Title, usize)> {
    TITLES.iter().find_map(|title| {
        let n = title.words.len();
        (words.len() >= n && words[words.len() - n..].iter().zip(title.words).all(|(a, b)| a == b))
            .then_some((title, n))
    })
}

/// The longest title starting exactly at the start of `words` (lowercased).
pub fn title_starting(words: &[String]) -> Option<(&'static Title, usize)> {
    TITLES.iter().find_map(|title| {
        let n = title.words.len();
        (words.len() >= n && words[..n].iter().zip(title.words).all(|(a, b)| a == b)).then_some((title, n))
    })
}

/// A title as a role label: "Deputy Foreign Minister".
pub fn role_name(title: &Title) -> String {
    title
        .words
        .iter()
        .map(|w| {
            if *w == "of" {
                return "of".to_string();
            }
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One key for the words that name the same role: "Rep.", "representative", "congressman" and
/// "congresswoman" are one; so are "Sen." and "senator", "chairwoman" and "chairman".
pub fn role_key(role: &str) -> String {
    let lower = role.to_lowercase();
    let key = match lower.as_str() {
        "rep." | "rep" | "congressman" | "congresswoman" | "congressmen" | "congresswomen" | "representatives" => {
            "representative"
        }
        "sen." | "sen" | "senators" => "senator",
        "gov." | "gov" | "governors" => "governor",
        "gen." | "generals" => "general",
        "lt." => "lieutenant",
        "col." => "colonel",
        "capt." => "captain",
        "sgt." => "sergeant",
        "det." => "detective",
        "rev." => "reverend",
        "chairwoman" | "chairperson" | "chair" | "chairmen" | "chairwomen" => "chairman",
        "spokeswoman" | "spokesperson" | "spokesmen" | "spokeswomen" => "spokesman",
        other => other,
    };
    key.to_string()
}

/// Whether two role words name the same role ([`role_key`]).
pub fn same_role(a: &str, b: &str) -> bool {
    role_key(a) == role_key(b)
}

/// The title a plural role noun is the plural of: "chairmen", "senators", "ministers", "leaders".
pub fn plural_title(word: &str) -> Option<&'static Title> {
    let lower = word.to_lowercase();
    let singular = if let Some(stem) = lower.strip_suffix("men") {
        format!("{stem}man")
    } else if let Some(stem) = lower.strip_suffix("ies") {
        format!("{stem}y")
    } else {
        lower.strip_suffix('s').filter(|s| !s.ends_with('s'))?.to_string()
    };
    TITLES.iter().find(|t| t.words.len() == 1 && t.words[0] == singular && !is_honorific(t))
}
