//! A reader's corrections of an analysis, as data: give a quotation another speaker, merge two entities,
//! split an alias off an entity, rename an entity, mark a false entity as no entity. One contract
//! everywhere: the page's link, a corrections file, `newsprism analyze --corrections FILE`, and the
//! `corrections` an analysis carries once they are applied. Ids are the analysis's stable ids.

use serde::{Deserialize, Serialize};

/// Give quotation `quote` another speaker: an entity (`entity`) or a name typed by the reader (`name`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assign {
    pub quote: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Take the mentions written `alias` off entity `entity`: they become an entity of their own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Split {
    pub entity: String,
    pub alias: String,
}

/// Call entity `entity` `name`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rename {
    pub entity: String,
    pub name: String,
}

/// Every correction of one analysis. `merge` pairs keep the first entity and fold the second into it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Corrections {
    #[serde(default)]
    pub assign: Vec<Assign>,
    #[serde(default)]
    pub merge: Vec<[String; 2]>,
    #[serde(default)]
    pub split: Vec<Split>,
    #[serde(default)]
    pub rename: Vec<Rename>,
    #[serde(default)]
    pub drop: Vec<String>,
}

impl Corrections {
    pub fn is_empty(&self) -> bool {
        self.assign.is_empty()
            && self.merge.is_empty()
            && self.split.is_empty()
            && self.rename.is_empty()
            && self.drop.is_empty()
    }

    /// How many corrections there are.
    pub fn len(&self) -> usize {
        self.assign.len() + self.merge.len() + self.split.len() + self.rename.len() + self.drop.len()
    }

    /// Reads a corrections file (JSON); the message says what is wrong and where.
    pub fn from_json(text: &str) -> Result<Corrections, String> {
        serde_json::from_str(text).map_err(|e| format!("not a corrections file: {e}"))
    }

    /// These corrections and then `more`, each correction once (a later one of the same quote or entity
    /// replaces an earlier assignment or name).
    pub fn then(&self, more: &Corrections) -> Corrections {
        let mut out = self.clone();
        for a in &more.assign {
            out.assign.retain(|x| x.quote != a.quote);
            out.assign.push(a.clone());
        }
        for m in &more.merge {
            if !out.merge.contains(m) {
                out.merge.push(m.clone());
            }
        }
        for s in &more.split {
            if !out.split.contains(s) {
                out.split.push(s.clone());
            }
        }
        for r in &more.rename {
            out.rename.retain(|x| x.entity != r.entity);
            out.rename.push(r.clone());
        }
        for d in &more.drop {
            if !out.drop.contains(d) {
                out.drop.push(d.clone());
            }
        }
        out
    }
}
