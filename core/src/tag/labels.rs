//! Entity types and the BILOU chunk labels the tagger predicts, with conversions from and to CoNLL's IOB tags.

use serde::Serialize;

/// The four CoNLL entity types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum EntityType {
    #[serde(rename = "PER")]
    Per,
    #[serde(rename = "LOC")]
    Loc,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityType {
    pub const ALL: [EntityType; 4] = [EntityType::Per, EntityType::Loc, EntityType::Org, EntityType::Misc];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Per => "PER",
            EntityType::Loc => "LOC",
            EntityType::Org => "ORG",
            EntityType::Misc => "MISC",
        }
    }

    pub fn parse(s: &str) -> Option<EntityType> {
        match s {
            "PER" => Some(EntityType::Per),
            "LOC" => Some(EntityType::Loc),
            "ORG" => Some(EntityType::Org),
            "MISC" => Some(EntityType::Misc),
            _ => None,
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// Position of a token in an entity chunk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Begin,
    Inside,
    Last,
    Unit,
}

/// A label: `O` (0) or one of B/I/L/U for each type (1..=16).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Label(pub u8);

pub const N_LABELS: usize = 17;
pub const O: Label = Label(0);

impl Label {
    pub fn new(part: Part, ty: EntityType) -> Label {
        let p = match part {
            Part::Begin => 0,
            Part::Inside => 1,
            Part::Last => 2,
            Part::Unit => 3,
        };
        Label((1 + ty.index() * 4 + p) as u8)
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }

    pub fn from_index(i: usize) -> Label {
        Label(i as u8)
    }

    pub fn entity(self) -> Option<(Part, EntityType)> {
        if self.0 == 0 {
            return None;
        }
        let i = (self.0 - 1) as usize;
        let part = [Part::Begin, Part::Inside, Part::Last, Part::Unit][i % 4];
        Some((part, EntityType::ALL[i / 4]))
    }

    pub fn ty(self) -> Option<EntityType> {
        self.entity().map(|(_, t)| t)
    }

    /// Whether `self` may follow `prev` in a well-formed BILOU sequence.
    pub fn can_follow(self, prev: Label) -> bool {
        let open = matches!(prev.entity(), Some((Part::Begin | Part::Inside, _)));
        match (prev.entity(), self.entity()) {
            (Some((Part::Begin | Part::Inside, pt)), Some((Part::Inside | Part::Last, t))) => pt == t,
            (_, Some((Part::Inside | Part::Last, _))) => false,
            _ => !open,
        }
    }

    /// Whether a sentence may end after this label.
    pub fn can_end(self) -> bool {
        !matches!(self.entity(), Some((Part::Begin | Part::Inside, _)))
    }

    /// A short name: "O", "B-PER", "U-LOC", ...
    pub fn name(self) -> String {
        match self.entity() {
            None => "O".into(),
            Some((p, t)) => {
                let p = match p {
                    Part::Begin => 'B',
                    Part::Inside => 'I',
                    Part::Last => 'L',
                    Part::Unit => 'U',
                };
                format!("{p}-{}", t.as_str())
            }
        }
    }
}

/// An entity chunk over tokens `start..end` of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub ty: EntityType,
}

/// Reads IOB1 or IOB2 tags ("I-PER", "B-LOC", "O") into chunks, as conlleval does.
pub fn chunks_from_iob(tags: &[&str]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (prefix, ty) = match tag.split_once('-') {
            Some((p, t)) => (p, EntityType::parse(t)),
            None => ("O", None),
        };
        let continues = matches!((open, ty, prefix), (Some((_, ot)), Some(t), "I") if ot == t);
        if !continues {
            if let Some((s, t)) = open.take() {
                out.push(Chunk { start: s, end: i, ty: t });
            }
            if let Some(t) = ty {
                open = Some((i, t));
            }
        }
    }
    if let Some((s, t)) = open {
        out.push(Chunk { start: s, end: tags.len(), ty: t });
    }
    out
}

/// BILOU labels for `n` tokens holding `chunks`.
pub fn bilou(n: usize, chunks: &[Chunk]) -> Vec<Label> {
    let mut labels = vec![O; n];
    for c in chunks {
        if c.end - c.start == 1 {
            labels[c.start] = Label::new(Part::Unit, c.ty);
        } else {
            labels[c.start] = Label::new(Part::Begin, c.ty);
            for l in &mut labels[c.start + 1..c.end - 1] {
                *l = Label::new(Part::Inside, c.ty);
            }
            labels[c.end - 1] = Label::new(Part::Last, c.ty);
        }
    }
    labels
}

/// Chunks from BILOU labels; tolerant of ill-formed sequences (a B without L closes where the type changes).
pub fn chunks_from_bilou(labels: &[Label]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (i, l) in labels.iter().enumerate() {
        match l.entity() {
            None => {
                if let Some((s, t)) = open.take() {
                    out.push(Chunk { start: s, end: i, ty: t });
                }
            }
            Some((part, ty)) => {
                if let Some((s, t)) = open {
                    if t != ty || matches!(part, Part::Begin | Part::Unit) {
                        out.push(Chunk { start: s, end: i, ty: t });
                        open = None;
                    }
                }
                match part {
                    Part::Unit => out.push(Chunk { start: i, end: i + 1, ty }),
                    Part::Begin | Part::Inside => {
                        if open.is_none() {
                            open = Some((i, ty));
                        }
                    }
                    Part::Last => {
                        let s = open.take().map_or(i, |(s, _)| s);
                        out.push(Chunk { start: s, end: i + 1, ty });
                    }
                }
            }
        }
    }
    if let Some((s, t)) = open {
        out.push(Chunk { start: s, end: labels.len(), ty: t });
    }
    out
}

/// IOB2 tags for chunks over `n` tokens ("B-PER", "I-PER", "O").
pub fn iob2(n: usize, chunks: &[Chunk]) -> Vec<String> {
    let mut tags = vec!["O".to_string(); n];
    for c in chunks {
        tags[c.start] = format!("B-{}", c.ty.as_str());
        for t in &mut tags[c.start + 1..c.end] {
            *t = format!("I-{}", c.ty.as_str());
        }
    }
    tags
}

#[cfg(test)]
mod tests;
