//! The steps of finding stories and analysing them, one partition at a time, for an engine that spreads a
//! corpus over machines (`newsprism.distributed`): each calls the same core functions the command line
//! calls on a whole corpus, so the stories and each story's analysis come out the same.

use std::collections::HashMap;

use newsprism_core::analysis::profile::profile_document;
use newsprism_core::analysis::{analyze_owned_profiled, text_key, Admitted, ArticleIds, Engine};
use newsprism_core::compare::stories::{label, link, sketch, story_id};
use newsprism_core::corpus::input::load_lines;
use newsprism_core::model::InputError;
use newsprism_core::tag::tagger::Scratch;
use newsprism_core::{load_lenient, Document, LoadError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::arrays;
use crate::records::{json, Record};
use crate::tables::{articles, tables};

type Error = (String, String, String);

/// What admitting a part gives: each document's index in the corpus (i64 bytes), its id, the duplicates.
type AdmittedPart<'py> = (Bound<'py, PyBytes>, Vec<Option<String>>, Vec<Error>);

fn error(e: &InputError) -> Error {
    (e.input.clone(), e.code.clone(), e.message.clone())
}

/// What the first pass gives of one part of the input: its documents (as records, with their origin, own
/// id and text key) and each one's profile terms, and what could not be loaded.
#[pyclass(frozen, get_all)]
struct ChunkProfiles {
    records: Vec<String>,
    origins: Vec<String>,
    own_ids: Vec<Option<String>>,
    text_keys: Py<PyBytes>,
    term_doc: Py<PyBytes>,
    term_key: Py<PyBytes>,
    term_units: Py<PyBytes>,
    errors: Vec<Error>,
}

/// Why an input is refused before its bytes are read: its size over the limit (when `size` is given and it
/// is read whole) or the operating system's `reason` it could not be read; None when neither.
#[pyfunction]
#[pyo3(signature = (name, size=None, reason=None))]
fn input_refusal(name: &str, size: Option<usize>, reason: Option<String>) -> Option<Error> {
    let refused = match (reason, size) {
        (Some(reason), _) => Some(LoadError::Unreadable { name: name.to_string(), reason }),
        (None, Some(size)) => newsprism_core::check_size(name, size).err(),
        (None, None) => None,
    };
    refused.map(|e| error(&InputError::from(&e)))
}

/// Whether the input `name` is read as JSON Lines (what the distributed run may cut into parts).
#[pyfunction]
fn is_json_lines(name: &str) -> bool {
    newsprism_core::corpus::input::Format::from_name(name) == Some(newsprism_core::corpus::input::Format::JsonLines)
}

/// Loads one part of the input `name` and profiles every document. `whole`: the bytes are the whole
/// input (read as the command line reads a file); else a run of JSON Lines whose first line is `first_line`.
#[pyfunction]
fn profile_chunk(
    py: Python<'_>,
    name: String,
    data: Vec<u8>,
    first_line: usize,
    whole: bool,
) -> PyResult<ChunkProfiles> {
    let (docs, errors, terms) = py.detach(move || {
        let loaded = if whole {
            load_lenient(&name, &data)
        } else {
            let part = data.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&data);
            match std::str::from_utf8(part) {
                Ok(text) => Ok(load_lines(&name, text, first_line)),
                Err(e) => Err(LoadError::InvalidUtf8 { name: format!("{name}:{first_line}"), offset: e.valid_up_to() }),
            }
        };
        drop(data);
        let (docs, errors): (Vec<Document>, Vec<InputError>) = match loaded {
            Ok(l) => (l.documents, l.problems.iter().map(InputError::from).collect()),
            Err(e) => (Vec::new(), vec![InputError::from(&e)]),
        };
        let engine = Engine::builtin();
        let mut scratch = Scratch::default();
        let terms: Vec<Vec<(u64, u32)>> =
            docs.iter().map(|d| profile_document(d, engine, &mut scratch).terms).collect();
        (docs, errors, terms)
    });
    let keys: Vec<u64> = docs.iter().map(|d| text_key(&d.text)).collect();
    let (mut doc, mut key, mut units) = (Vec::new(), Vec::new(), Vec::new());
    for (i, t) in terms.iter().enumerate() {
        for &(k, u) in t {
            doc.push(i as u32);
            key.push(k);
            units.push(u);
        }
    }
    Ok(ChunkProfiles {
        records: docs.iter().map(|d| json(&Record::of(d, d.id.as_deref().unwrap_or("")))).collect(),
        origins: docs.iter().map(|d| d.origin.clone()).collect(),
        own_ids: docs.iter().map(|d| d.id.clone()).collect(),
        text_keys: arrays::bytes(py, &keys, u64::to_le_bytes).unbind(),
        term_doc: arrays::bytes(py, &doc, u32::to_le_bytes).unbind(),
        term_key: arrays::bytes(py, &key, u64::to_le_bytes).unbind(),
        term_units: arrays::bytes(py, &units, u32::to_le_bytes).unbind(),
        errors: errors.iter().map(error).collect(),
    })
}

/// The corpus's articles admitted in input order, as the command line admits them: a text already seen
/// (by its key) is reported as a duplicate, every other article gets the next index and its unique id.
#[pyclass]
#[derive(Default)]
struct Admission {
    ids: ArticleIds,
    /// Text key → the origin of the article that has it.
    seen: HashMap<u64, String>,
    admitted: usize,
}

#[pymethods]
impl Admission {
    #[new]
    fn new() -> Admission {
        Admission::default()
    }

    /// How many articles are admitted so far.
    #[getter]
    fn admitted(&self) -> usize {
        self.admitted
    }

    /// Admits one part's documents: each one's index in the corpus (-1 for a duplicate) as i64 bytes, its
    /// id (None for a duplicate), and the duplicates' errors.
    fn admit<'py>(
        &mut self,
        py: Python<'py>,
        origins: Vec<String>,
        own_ids: Vec<Option<String>>,
        text_keys: &[u8],
    ) -> PyResult<AdmittedPart<'py>> {
        let keys = arrays::u64s(text_keys, "text_keys")?;
        let (mut index, mut ids, mut errors) = (Vec::new(), Vec::new(), Vec::new());
        for ((origin, own), key) in origins.into_iter().zip(own_ids).zip(keys) {
            if let Some(first) = self.seen.get(&key) {
                let e = LoadError::Duplicate { name: origin, first: first.clone() };
                errors.push(error(&InputError::from(&e)));
                index.push(-1i64);
                ids.push(None);
                continue;
            }
            let doc = Document { id: own, ..Document::from_text(&origin, "") };
            ids.push(Some(self.ids.next(&doc)));
            self.seen.insert(key, origin);
            index.push(self.admitted as i64);
            self.admitted += 1;
        }
        Ok((arrays::bytes(py, &index, i64::to_le_bytes), ids, errors))
    }
}

/// Runs of equal values in `keys` (sorted): (start, end) index pairs.
fn runs<T: PartialEq>(keys: &[T]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=keys.len() {
        if i == keys.len() || keys[i] != keys[start] {
            out.push((start, i));
            start = i;
        }
    }
    out
}

/// Sketches from profile terms with their document frequencies in a corpus of `n` articles; rows of one
/// article together in any order. Returns (article, feature, weight) rows.
#[pyfunction]
fn sketch_rows<'py>(
    py: Python<'py>,
    article: &[u8],
    key: &[u8],
    units: &[u8],
    df: &[u8],
    n: usize,
) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
    let (article, key, units, df) = (
        arrays::i64s(article, "article")?,
        arrays::u64s(key, "key")?,
        arrays::u32s(units, "units")?,
        arrays::u32s(df, "df")?,
    );
    let (a, k, q) = py.detach(|| {
        let mut order: Vec<usize> = (0..article.len()).collect();
        order.sort_unstable_by_key(|&i| (article[i], key[i]));
        let sorted: Vec<i64> = order.iter().map(|&i| article[i]).collect();
        let (mut a, mut k, mut q) = (Vec::new(), Vec::new(), Vec::new());
        for (s, e) in runs(&sorted) {
            let rows = &order[s..e];
            let terms: Vec<(u64, u32)> = rows.iter().map(|&i| (key[i], units[i])).collect();
            let frequency: HashMap<u64, u32> = rows.iter().map(|&i| (key[i], df[i])).collect();
            for (f, w) in sketch::sketch(&terms, |x| frequency.get(&x).copied().unwrap_or(0), n) {
                a.push(sorted[s]);
                k.push(f);
                q.push(w);
            }
        }
        (a, k, q)
    });
    Ok((
        arrays::bytes(py, &a, i64::to_le_bytes),
        arrays::bytes(py, &k, u64::to_le_bytes),
        arrays::bytes(py, &q, u32::to_le_bytes),
    ))
}

/// The shared-weight contributions of the posting lists in (feature, article, weight) rows, every row of
/// a feature in this call; summed per pair within the call. Returns (earlier, later, weight) rows.
#[pyfunction]
fn pair_rows<'py>(
    py: Python<'py>,
    key: &[u8],
    article: &[u8],
    weight: &[u8],
) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
    let (key, article, weight) =
        (arrays::u64s(key, "key")?, arrays::i64s(article, "article")?, arrays::u32s(weight, "weight")?);
    let (i, j, w) = py.detach(|| {
        let mut order: Vec<usize> = (0..key.len()).collect();
        order.sort_unstable_by_key(|&r| (key[r], article[r]));
        let sorted: Vec<u64> = order.iter().map(|&r| key[r]).collect();
        let mut shared: HashMap<(u32, u32), u64> = HashMap::new();
        for (s, e) in runs(&sorted) {
            let posting: Vec<(u32, u32)> = order[s..e].iter().map(|&r| (article[r] as u32, weight[r])).collect();
            link::posting_pairs(&posting, |a, b, x| *shared.entry((a, b)).or_default() += x);
        }
        let mut pairs: Vec<((u32, u32), u64)> = shared.into_iter().collect();
        pairs.sort_unstable();
        let i: Vec<i64> = pairs.iter().map(|p| p.0 .0 as i64).collect();
        let j: Vec<i64> = pairs.iter().map(|p| p.0 .1 as i64).collect();
        let w: Vec<u64> = pairs.iter().map(|p| p.1).collect();
        (i, j, w)
    });
    Ok((
        arrays::bytes(py, &i, i64::to_le_bytes),
        arrays::bytes(py, &j, i64::to_le_bytes),
        arrays::bytes(py, &w, u64::to_le_bytes),
    ))
}

/// Which shared weights are close enough for a link (one byte each, 1 or 0).
#[pyfunction]
fn close_enough<'py>(py: Python<'py>, weight: &[u8]) -> PyResult<Bound<'py, PyBytes>> {
    let w = arrays::u64s(weight, "weight")?;
    let mask: Vec<u8> = w.iter().map(|&x| link::close_enough(x) as u8).collect();
    Ok(PyBytes::new(py, &mask))
}

/// Each article's links from its candidates close enough, in (article, other, weight) rows, every row of
/// an article in this call. Returns (article, linked article) rows.
#[pyfunction]
fn link_rows<'py>(
    py: Python<'py>,
    article: &[u8],
    other: &[u8],
    weight: &[u8],
) -> PyResult<(Bound<'py, PyBytes>, Bound<'py, PyBytes>)> {
    let (article, other, weight) =
        (arrays::i64s(article, "article")?, arrays::i64s(other, "other")?, arrays::u64s(weight, "weight")?);
    let mut order: Vec<usize> = (0..article.len()).collect();
    order.sort_unstable_by_key(|&r| article[r]);
    let sorted: Vec<i64> = order.iter().map(|&r| article[r]).collect();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    for (s, e) in runs(&sorted) {
        let mut candidates: Vec<(u32, u64)> = order[s..e].iter().map(|&r| (other[r] as u32, weight[r])).collect();
        for o in link::best_links(&mut candidates) {
            a.push(sorted[s]);
            b.push(o as i64);
        }
    }
    Ok((arrays::bytes(py, &a, i64::to_le_bytes), arrays::bytes(py, &b, i64::to_le_bytes)))
}

/// Stories as links join them (union-find over the corpus's article indexes: 8 bytes an article).
#[pyclass]
struct Linker(Option<link::Linker>, usize);

#[pymethods]
impl Linker {
    #[new]
    fn new(n_articles: usize) -> Linker {
        Linker(Some(link::Linker::new(n_articles)), n_articles)
    }

    /// Joins each (a[k], b[k]).
    fn join(&mut self, a: &[u8], b: &[u8]) -> PyResult<()> {
        let (a, b) = (arrays::i64s(a, "a")?, arrays::i64s(b, "b")?);
        if let Some(l) = &mut self.0 {
            for (x, y) in a.into_iter().zip(b) {
                if (x as usize) < self.1 && (y as usize) < self.1 {
                    l.join(x as usize, y as usize);
                }
            }
        }
        Ok(())
    }

    /// Each article's story (0-based, in the order of the stories' first articles) as i64 bytes, and
    /// how many stories there are.
    fn stories<'py>(&mut self, py: Python<'py>) -> (Bound<'py, PyBytes>, usize) {
        let lists = self.0.take().map(link::Linker::stories).unwrap_or_default();
        let mut story_of = vec![0i64; self.1];
        for (s, members) in lists.iter().enumerate() {
            for &i in members {
                story_of[i] = s as i64;
            }
        }
        (arrays::bytes(py, &story_of, i64::to_le_bytes), lists.len())
    }
}

/// The id of the story numbered `n` (0-based).
#[pyfunction]
fn story_name(n: usize) -> String {
    story_id(n)
}

/// What one story's analysis gives: the analysis JSON (what `newsprism analyze` prints for the story's
/// records), the story's label, and its articles, entities, mentions and quotes tables as column JSON.
#[pyclass(frozen, get_all)]
struct StoryAnalysis {
    analysis: String,
    label: String,
    articles: String,
    entities: String,
    mentions: String,
    quotes: String,
}

/// One story analysed: its articles' records, in corpus order, and their ids.
#[pyfunction]
fn analyze_story(py: Python<'_>, records: Vec<String>, ids: Vec<String>) -> StoryAnalysis {
    py.detach(move || {
        let mut docs = load_lines("story.jsonl", &records.join("\n"), 1).documents;
        drop(records);
        for (d, id) in docs.iter_mut().zip(ids) {
            d.id = Some(id);
        }
        let mut admitted = Admitted::default();
        admitted.add(Ok(newsprism_core::Loaded { documents: docs, problems: Vec::new() }));
        let (docs, errors) = admitted.finish();
        let (analysis, profiles) = analyze_owned_profiled(docs, errors, Engine::builtin(), &mut |_| {});
        let title = || analysis.articles.first().map(|a| a.display_title()).unwrap_or_default();
        let label = label::label(&profiles, title);
        let (e, m, q) = tables(&analysis);
        StoryAnalysis {
            analysis: serde_json::to_string_pretty(&analysis).unwrap_or_default(),
            label,
            articles: articles(&analysis).to_json(),
            entities: e.to_json(),
            mentions: m.to_json(),
            quotes: q.to_json(),
        }
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<ChunkProfiles>()?;
    m.add_class::<Admission>()?;
    m.add_class::<Linker>()?;
    m.add_class::<StoryAnalysis>()?;
    m.add_function(wrap_pyfunction!(input_refusal, m)?)?;
    m.add_function(wrap_pyfunction!(profile_chunk, m)?)?;
    m.add_function(wrap_pyfunction!(is_json_lines, m)?)?;
    m.add_function(wrap_pyfunction!(sketch_rows, m)?)?;
    m.add_function(wrap_pyfunction!(pair_rows, m)?)?;
    m.add_function(wrap_pyfunction!(close_enough, m)?)?;
    m.add_function(wrap_pyfunction!(link_rows, m)?)?;
    m.add_function(wrap_pyfunction!(story_name, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_story, m)?)?;
    Ok(())
}
