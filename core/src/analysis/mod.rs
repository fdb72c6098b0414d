//! The pipeline: loads inputs, runs every stage over the documents and assembles the [`Analysis`].
//!
//! [`analyze_inputs`] is the one entry point of the CLI, the page's worker, the wasm API and the tests:
//! inputs (bytes, or a refusal already known such as an unreadable or oversized file) in, the analysis
//! out, with every input that could not be loaded listed in `errors` and progress reported as it goes.

mod article;
pub mod corrections;
pub mod open;

pub use article::{base_id, ArticleIds};
pub mod profile;

use std::collections::HashMap;

use crate::attribute::confidence::{self, Calibrator, Features};
use crate::attribute::rank::Ranker;
use crate::attribute::{self, Mode};
use crate::compare;
use crate::compare::stories::Profile;
use crate::corpus::input::{self, Document};
use crate::error::LoadError;
use crate::model::{Analysis, Article, Entity, InputError, Quote};
use crate::resolve;
use crate::tag::article::{tag_article, TaggedArticle};
use crate::tag::tagger::{Scratch, Tagger};

/// One input as a front end hands it over.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    /// The name to report it by (a file name, a path, a label).
    pub name: &'a str,
    pub content: Content<'a>,
}

/// What a front end has of an input.
#[derive(Debug, Clone, Copy)]
pub enum Content<'a> {
    /// Its bytes.
    Bytes(&'a [u8]),
    /// Its size, when that alone is over the limit and the bytes were not read.
    Oversized(usize),
    /// Why it could not be read (the operating system's or the browser's words).
    Unreadable(&'a str),
}

impl<'a> Input<'a> {
    pub fn bytes(name: &'a str, bytes: &'a [u8]) -> Input<'a> {
        Input { name, content: Content::Bytes(bytes) }
    }

    pub fn text(name: &'a str, text: &'a str) -> Input<'a> {
        Input::bytes(name, text.as_bytes())
    }
}

/// Where an analysis has got to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Progress {
    /// 0..=1.
    pub fraction: f32,
    pub stage: Stage,
}

/// The stages, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Loading,
    Parsing,
    Tagging,
    Resolving,
    Attributing,
    Done,
}

impl Stage {
    /// What a person is told while the stage runs.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Loading => "reading the files",
            Stage::Parsing => "parsing",
            Stage::Tagging => "tagging entities",
            Stage::Resolving => "merging entities",
            Stage::Attributing => "attributing quotes",
            Stage::Done => "done",
        }
    }
}

/// The models an analysis runs with, and how many threads the per-article stages may use.
#[derive(Clone, Copy)]
pub struct Engine<'m> {
    pub tagger: &'m Tagger,
    pub attribution: Mode<'m>,
    /// The quotes' confidence ([`crate::attribute::confidence`]).
    pub calibrator: &'m Calibrator,
    /// The reference tables and their gazetteers, for the resolvers.
    pub tables: &'m resolve::Tables,
    /// 1 in the browser; the command line uses every core on large inputs. The output is the same.
    pub threads: usize,
}

impl Engine<'static> {
    /// The committed tagger and attribution ranker, on one thread.
    pub fn builtin() -> Engine<'static> {
        Engine {
            tagger: Tagger::builtin(),
            attribution: Mode::Ranked(Ranker::builtin()),
            calibrator: Calibrator::builtin(),
            tables: builtin_tables(),
            threads: 1,
        }
    }
}

/// The built-in tables, built once for every analysis of the process.
fn builtin_tables() -> &'static resolve::Tables {
    static TABLES: std::sync::OnceLock<resolve::Tables> = std::sync::OnceLock::new();
    TABLES.get_or_init(resolve::Tables::builtin)
}

/// Loads each input and analyses everything that loaded; the rest are listed in `errors`.
pub fn analyze_inputs(inputs: &[Input], progress: &mut dyn FnMut(Progress)) -> Analysis {
    analyze_inputs_with(inputs, Engine::builtin(), progress)
}

/// [`analyze_inputs`] with given models and threads.
pub fn analyze_inputs_with(inputs: &[Input], engine: Engine, progress: &mut dyn FnMut(Progress)) -> Analysis {
    let (docs, errors) = load_all(inputs, progress);
    analyze_owned(docs, errors, engine, progress)
}

/// [`analyze_docs`] for documents it may drop once parsed (their text is not held twice meanwhile).
pub fn analyze_owned(
    docs: Vec<Document>,
    errors: Vec<InputError>,
    engine: Engine,
    progress: &mut dyn FnMut(Progress),
) -> Analysis {
    analyze_owned_profiled(docs, errors, engine, progress).0
}

/// [`analyze_owned`], with each article's profile (what a story's label is made of).
pub fn analyze_owned_profiled(
    docs: Vec<Document>,
    errors: Vec<InputError>,
    engine: Engine,
    progress: &mut dyn FnMut(Progress),
) -> (Analysis, Vec<Profile>) {
    let parsed = parse_all(&docs, engine, progress);
    drop(docs);
    let prepared = prepare_parsed(parsed, engine, progress);
    progress(Progress { fraction: 0.95, stage: Stage::Attributing });
    let (analysis, _, profiles) = finish_all(prepared, engine, errors);
    progress(Progress { fraction: 1.0, stage: Stage::Done });
    (analysis, profiles)
}

/// Analyses documents already loaded. Never fails: odd text yields less structure, not an error.
pub fn analyze(docs: &[Document]) -> Analysis {
    analyze_docs(docs, Vec::new(), Engine::builtin(), &mut |_| {})
}

/// Loads the inputs in order; a refused input, a bad record and a text loaded twice each become an error
/// naming them, and everything else loads.
pub fn load_all(inputs: &[Input], progress: &mut dyn FnMut(Progress)) -> (Vec<Document>, Vec<InputError>) {
    let mut admitted = Admitted::default();
    let n = inputs.len().max(1) as f32;
    for (i, input) in inputs.iter().enumerate() {
        progress(Progress { fraction: 0.02 * i as f32 / n, stage: Stage::Loading });
        admitted.add(match input.content {
            Content::Bytes(bytes) => input::load_lenient(input.name, bytes),
            Content::Oversized(bytes) => input::check_size(input.name, bytes).map(|_| input::Loaded::default()),
            Content::Unreadable(why) => {
                Err(LoadError::Unreadable { name: input.name.to_string(), reason: why.to_string() })
            }
        });
    }
    admitted.finish()
}

/// Documents as inputs give them, in order: every problem and refusal kept as an error, and a text
/// already admitted reported (naming where it came first) instead of admitted twice.
#[derive(Default)]
pub struct Admitted {
    docs: Vec<Document>,
    errors: Vec<InputError>,
    /// The texts admitted so far, by hash: where each is in `docs`.
    seen: HashMap<u64, usize>,
}

impl Admitted {
    /// Admits what one input gave.
    pub fn add(&mut self, loaded: Result<input::Loaded, LoadError>) {
        match loaded {
            Ok(loaded) => {
                self.errors.extend(loaded.problems.iter().map(InputError::from));
                for d in loaded.documents {
                    let key = text_key(&d.text);
                    match self.seen.get(&key).filter(|&&k| self.docs[k].text.trim() == d.text.trim()) {
                        Some(&k) => {
                            let e = LoadError::Duplicate { name: d.origin.clone(), first: self.docs[k].origin.clone() };
                            self.errors.push(InputError::from(&e));
                        }
                        None => {
                            self.seen.insert(key, self.docs.len());
                            self.docs.push(d);
                        }
                    }
                }
            }
            Err(e) => self.errors.push(InputError::from(&e)),
        }
    }

    /// The documents admitted and the errors, in input order.
    pub fn finish(self) -> (Vec<Document>, Vec<InputError>) {
        (self.docs, self.errors)
    }
}

/// The key a text is known by when telling a text loaded twice: the hash of the text without the
/// whitespace around it.
pub fn text_key(text: &str) -> u64 {
    crate::tag::hash::str(text.trim())
}

/// Runs every stage with the given models; `errors` (inputs that failed to load) are carried into the result.
pub fn analyze_docs(
    docs: &[Document],
    errors: Vec<InputError>,
    engine: Engine,
    progress: &mut dyn FnMut(Progress),
) -> Analysis {
    let prepared = prepare_with(docs, engine, progress);
    progress(Progress { fraction: 0.95, stage: Stage::Attributing });
    let analysis = finish_with(prepared, engine, errors);
    progress(Progress { fraction: 1.0, stage: Stage::Done });
    analysis
}

/// Everything before quote attribution: parsed articles, their quotes, the tagger's view, the entities,
/// and what each article is about on its own (what stories are found from).
pub struct Prepared {
    pub articles: Vec<Article>,
    pub quotes: Vec<Quote>,
    pub tagged: Vec<TaggedArticle>,
    pub entities: Vec<Entity>,
    pub profiles: Vec<Profile>,
}

/// Parses, tags and resolves; quotes are found but not yet attributed.
pub fn prepare(docs: &[Document], tagger: &Tagger, progress: &mut dyn FnMut(Progress)) -> Prepared {
    prepare_with(docs, Engine { tagger, ..Engine::builtin() }, progress)
}

/// [`prepare`] with `engine.threads` threads for parsing and tagging. On one thread, parsing reports the
/// first tenth of the progress and tagging most of the rest, article by article.
pub fn prepare_with(docs: &[Document], engine: Engine, progress: &mut dyn FnMut(Progress)) -> Prepared {
    let parsed = parse_all(docs, engine, progress);
    prepare_parsed(parsed, engine, progress)
}

/// Each document parsed into its article and quotes, with ids unique in the analysis.
fn parse_all(docs: &[Document], engine: Engine, progress: &mut dyn FnMut(Progress)) -> Vec<(Article, Vec<Quote>)> {
    let mut ids = ArticleIds::default();
    let ids: Vec<String> = docs.iter().map(|d| ids.next(d)).collect();
    progress(Progress { fraction: 0.02, stage: Stage::Parsing });
    crate::parallel::map_with(docs, engine.threads, || (), |_, i, doc| article::parse_article(ids[i].clone(), doc, 0))
}

/// Tags and resolves parsed articles.
fn prepare_parsed(parsed: Vec<(Article, Vec<Quote>)>, engine: Engine, progress: &mut dyn FnMut(Progress)) -> Prepared {
    let n = parsed.len().max(1) as f32;
    let one = engine.threads <= 1;
    let mut articles = Vec::with_capacity(parsed.len());
    let mut quotes = Vec::new();
    for (article, mut article_quotes) in parsed {
        // Quote indexes were counted from the article's first quote; the analysis counts from its first.
        let offset = quotes.len();
        for q in &mut article_quotes {
            q.continues = q.continues.map(|c| c + offset);
        }
        articles.push(article);
        quotes.extend(article_quotes);
    }
    progress(Progress { fraction: 0.1, stage: Stage::Tagging });
    let tagged: Vec<TaggedArticle> = if one {
        let mut scratch = Scratch::default();
        articles
            .iter()
            .enumerate()
            .map(|(i, a)| {
                if i % 4 == 0 {
                    progress(Progress { fraction: 0.1 + 0.75 * i as f32 / n, stage: Stage::Tagging });
                }
                tag_article(a, engine.tagger, &mut scratch)
            })
            .collect()
    } else {
        crate::parallel::map_with(&articles, engine.threads, Scratch::default, |scratch, _, a| {
            tag_article(a, engine.tagger, scratch)
        })
    };
    progress(Progress { fraction: 0.85, stage: Stage::Resolving });
    let profiles = profile::profile_tagged(&articles, &tagged, &quotes, engine);
    let speech = resolve::speech(&articles, &quotes);
    let entities = resolve::resolve(&articles, &tagged, &speech, &engine.tagger.lexicon, engine.tables);
    Prepared { articles, quotes, tagged, entities, profiles }
}

/// Attributes the quotes and assembles the analysis.
pub fn finish(prepared: Prepared, mode: Mode, errors: Vec<InputError>) -> Analysis {
    finish_with(prepared, Engine { attribution: mode, ..Engine::builtin() }, errors)
}

/// [`finish`] with the engine's models and threads.
pub fn finish_with(prepared: Prepared, engine: Engine, errors: Vec<InputError>) -> Analysis {
    finish_parts(prepared, engine, errors).0
}

/// [`finish_with`], with what each quote's confidence was computed from (the features, in the quotes'
/// order): what `newsprism train-confidence` fits the calibrator on.
pub fn finish_parts(prepared: Prepared, engine: Engine, errors: Vec<InputError>) -> (Analysis, Vec<Features>) {
    let (analysis, features, _) = finish_all(prepared, engine, errors);
    (analysis, features)
}

/// [`finish_parts`], with the articles' profiles too.
fn finish_all(prepared: Prepared, engine: Engine, errors: Vec<InputError>) -> (Analysis, Vec<Features>, Vec<Profile>) {
    let Prepared { articles, mut quotes, tagged, entities, profiles } = prepared;
    let evidence =
        attribute::attribute_all(&articles, &tagged, &entities, &mut quotes, engine.attribution, engine.threads);
    // The tokens are no longer needed: their memory goes before the cross-article comparisons.
    drop(tagged);
    let same_quote = compare::quotes::groups(&quotes);
    let mut evidence = evidence;
    compare::borrow::borrow_speakers(&mut quotes, &mut evidence, &same_quote);
    let agreement = compare::quotes::agreement(&quotes, &same_quote);
    let features: Vec<Vec<(String, f32)>> =
        quotes.iter().zip(&evidence).zip(&agreement).map(|((q, ev), ag)| confidence::features(q, ev, *ag)).collect();
    confidence::apply(&mut quotes, &evidence, &agreement, engine.calibrator);
    drop(evidence);
    let speakers = compare::scope::speaker_counts(&quotes);
    let quote_clusters = compare::quotes::describe_groups(&articles, &quotes, same_quote);
    let stories = compare::stories::find(&articles, &profiles);
    let mut analysis = Analysis {
        articles,
        quotes,
        entities,
        speakers,
        stories,
        quote_clusters,
        errors,
        corrections: Default::default(),
    };
    analysis.label_speakers();
    (analysis, features, profiles)
}
