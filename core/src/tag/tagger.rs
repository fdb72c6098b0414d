//! The entity tagger: Viterbi decoding of BILOU labels with an averaged-perceptron model, and document
//! memory (casing seen, labels given) carried across a document's sentences.

use std::sync::OnceLock;

use crate::tag::binary::FormatError;
use crate::tag::decode::Lattice;
use crate::tag::features::{DocMemory, SentenceInfo};
use crate::tag::gazetteer::{tagger_gazetteer, Gazetteer};
use crate::tag::labels::Label;
use crate::tag::lexicon::Lexicon;
use crate::tag::weights::Weights;

/// The model files committed in `core/model/`, made by `newsprism train-ner`.
pub const BUILTIN_WEIGHTS: &[u8] = include_bytes!("../../model/ner-weights.bin");
pub const BUILTIN_LEXICON: &[u8] = include_bytes!("../../model/ner-lexicon.bin");

/// Everything needed to tag: word classes, gazetteer, weights.
pub struct Tagger {
    pub lexicon: Lexicon,
    pub gazetteer: Gazetteer,
    pub weights: Weights,
}

/// Buffers reused from sentence to sentence, and the memory of the current document.
#[derive(Default)]
pub struct Scratch {
    pub infos: Vec<SentenceInfo>,
    pub memory: DocMemory,
    lattice: Lattice,
}

impl Tagger {
    /// The committed model, loaded once.
    ///
    /// # Panics
    /// If the committed model files are corrupt; a test checks they load.
    pub fn builtin() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| match Tagger::from_bytes(BUILTIN_WEIGHTS, BUILTIN_LEXICON) {
            Ok(t) => t,
            Err(e) => panic!("the committed tagger model does not load: {e}"),
        })
    }

    /// A tagger from model bytes, with the country gazetteer of [`crate::lexis::countries`].
    pub fn from_bytes(weights: &[u8], lexicon: &[u8]) -> Result<Tagger, FormatError> {
        Tagger::with_gazetteer(weights, lexicon, tagger_gazetteer(crate::lexis::countries::Countries::builtin()))
    }

    /// A tagger from model bytes and a gazetteer.
    pub fn with_gazetteer(weights: &[u8], lexicon: &[u8], gazetteer: Gazetteer) -> Result<Tagger, FormatError> {
        Ok(Tagger { lexicon: Lexicon::decode(lexicon)?, gazetteer, weights: Weights::decode(weights)? })
    }

    /// Tags a document given as sentences of words; returns one label per word.
    pub fn tag_document<S: AsRef<[W]>, W: AsRef<str>>(
        &self,
        sentences: &[S],
        scratch: &mut Scratch,
    ) -> Vec<Vec<Label>> {
        scratch.memory.clear();
        scratch.infos.resize_with(sentences.len().max(scratch.infos.len()), SentenceInfo::default);
        for (s, info) in sentences.iter().zip(scratch.infos.iter_mut()) {
            info.fill(s.as_ref().iter().map(AsRef::as_ref), &self.lexicon, &self.gazetteer);
            scratch.memory.observe(info);
        }
        let mut out = Vec::with_capacity(sentences.len());
        let mut infos = std::mem::take(&mut scratch.infos);
        for info in infos.iter().take(sentences.len()) {
            let mut labels = Vec::with_capacity(info.tokens.len());
            self.tag_sentence(info, scratch, &mut labels);
            out.push(labels);
        }
        std::mem::swap(&mut infos, &mut scratch.infos);
        out
    }

    /// Tags one prepared sentence, writing one label per token into `labels`, and remembers the result
    /// in the scratch's document memory.
    pub fn tag_sentence(&self, info: &SentenceInfo, scratch: &mut Scratch, labels: &mut Vec<Label>) {
        scratch.lattice.prepare(info, &scratch.memory);
        scratch.lattice.viterbi(info, &self.weights, labels);
        scratch.memory.remember(info, labels);
    }
}
