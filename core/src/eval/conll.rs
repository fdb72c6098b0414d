//! Reading CoNLL-2003 files: documents of sentences of `word POS chunk NER` lines, kept line for line.

/// One token line: its columns as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub columns: Vec<String>,
}

impl Line {
    pub fn word(&self) -> &str {
        &self.columns[0]
    }

    /// The last column: the gold tag in a CoNLL-2003 file.
    pub fn tag(&self) -> &str {
        self.columns.last().map_or("O", String::as_str)
    }
}

/// A sentence: its token lines.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sentence {
    pub lines: Vec<Line>,
}

impl Sentence {
    pub fn words(&self) -> impl Iterator<Item = &str> {
        self.lines.iter().map(Line::word)
    }

    pub fn tags(&self) -> Vec<&str> {
        self.lines.iter().map(Line::tag).collect()
    }
}

/// A document: the sentences after one `-DOCSTART-` line.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    pub sentences: Vec<Sentence>,
}

/// Reads a CoNLL file. A file without `-DOCSTART-` lines is one document.
pub fn parse(text: &str) -> Vec<Document> {
    let mut docs = vec![Document::default()];
    let mut sentence = Sentence::default();
    let flush = |docs: &mut Vec<Document>, sentence: &mut Sentence| {
        if !sentence.lines.is_empty() {
            if let Some(d) = docs.last_mut() {
                d.sentences.push(std::mem::take(sentence));
            }
        }
    };
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            flush(&mut docs, &mut sentence);
        } else if line.starts_with("-DOCSTART-") {
            flush(&mut docs, &mut sentence);
            if docs.last().is_some_and(|d| !d.sentences.is_empty()) {
                docs.push(Document::default());
            }
        } else {
            let columns = line.split_whitespace().map(str::to_string).collect();
            sentence.lines.push(Line { columns });
        }
    }
    flush(&mut docs, &mut sentence);
    docs.retain(|d| !d.sentences.is_empty());
    docs
}
