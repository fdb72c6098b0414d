//! The analysis's structural promises, checked on any output: every span lies on `char` boundaries inside its
//! article's text and round-trips to the text reported with it; blocks and sentences come in reading order, the
//! paragraphs are the paragraph blocks, each sentence lies in a block; every index points at something that exists
//! (a quote's paragraph, block and earlier first part; a mention's article; a speaker's entity). The fuzzers
//! and the property tests run every analysis they make through [`check`].

use std::collections::HashSet;

use crate::model::{Analysis, Article, BlockKind};
use crate::span::Span;

/// Every broken promise of `a`, one line each; empty when the analysis keeps them all.
pub fn check(a: &Analysis) -> Vec<String> {
    let mut out = Vec::new();
    let mut ids = HashSet::new();
    for art in &a.articles {
        if !ids.insert(art.id.as_str()) {
            out.push(format!("article id {} twice", art.id));
        }
        check_article(art, &mut out);
    }
    let mut entity_ids = HashSet::new();
    for e in &a.entities {
        if !entity_ids.insert(e.id.as_str()) {
            out.push(format!("entity id {} twice", e.id));
        }
    }
    let article = |id: &str| a.articles.iter().find(|x| x.id == id);
    for (i, q) in a.quotes.iter().enumerate() {
        let at = format!("quote {i} ({}..{})", q.start, q.end);
        let Some(art) = article(&q.article) else {
            out.push(format!("{at}: no article {}", q.article));
            continue;
        };
        span(art, q.start, q.end, Some(&q.text), &at, &mut out);
        if q.block >= art.blocks.len() {
            out.push(format!("{at}: block {} of {}", q.block, art.blocks.len()));
        } else if !(art.blocks[q.block].start <= q.start && q.end <= art.blocks[q.block].end) {
            out.push(format!("{at}: outside its block {}", q.block));
        }
        if let Some(p) = q.paragraph {
            match art.paragraphs.get(p) {
                Some(ps) if ps.start <= q.start && q.end <= ps.end => {}
                _ => out.push(format!("{at}: not inside paragraph {p}")),
            }
        }
        if let Some(j) = q.continues {
            match a.quotes.get(j) {
                Some(first) if j < i && first.article == q.article => {}
                _ => out.push(format!("{at}: continues {j}, not an earlier quote of its article")),
            }
        }
        if let Some(cue) = q.cue {
            span(art, cue.start, cue.end, q.verb.as_deref(), &format!("{at} cue"), &mut out);
        }
        if !(0.0..=1.0).contains(&q.confidence) {
            out.push(format!("{at}: confidence {}", q.confidence));
        }
        if let Some(s) = &q.speaker {
            if let Some(m) = &s.mention {
                span(art, m.start, m.end, Some(&m.text), &format!("{at} speaker mention"), &mut out);
            }
            if let Some(e) = &s.entity {
                if !entity_ids.contains(e.as_str()) {
                    out.push(format!("{at}: speaker entity {e} does not exist"));
                }
            }
        }
    }
    for e in &a.entities {
        for (k, m) in e.mentions.iter().enumerate() {
            let at = format!("{} mention {k} ({}..{})", e.id, m.start, m.end);
            let Some(art) = article(&m.article) else {
                out.push(format!("{at}: no article {}", m.article));
                continue;
            };
            span(art, m.start, m.end, Some(&m.text), &at, &mut out);
            if let Some(p) = m.paragraph {
                match art.paragraphs.get(p) {
                    Some(ps) if ps.start <= m.start && m.end <= ps.end => {}
                    _ => out.push(format!("{at}: not inside paragraph {p}")),
                }
            }
        }
        for (what, id) in [("country", &e.country), ("parent", &e.parent)] {
            if let Some(id) = id {
                if !entity_ids.contains(id.as_str()) {
                    out.push(format!("{}: {what} {id} does not exist", e.id));
                }
            }
        }
    }
    for s in &a.speakers {
        if let Some(e) = &s.entity {
            if !entity_ids.contains(e.as_str()) {
                out.push(format!("speaker {}: entity {e} does not exist", s.key));
            }
        }
    }
    out
}

fn check_article(art: &Article, out: &mut Vec<String>) {
    let at = |what: &str, i: usize| format!("{} {what} {i}", art.id);
    for (i, b) in art.blocks.iter().enumerate() {
        span(art, b.start, b.end, None, &at("block", i), out);
        // In reading order: each block after the one before it.
        if i > 0 && b.start < art.blocks[i - 1].end {
            out.push(format!("{}: starts inside or before block {}", at("block", i), i - 1));
        }
    }
    let body: Vec<Span> = art.blocks.iter().filter(|b| b.kind == BlockKind::Paragraph).map(|b| b.span()).collect();
    if art.paragraphs != body {
        out.push(format!("{}: the paragraphs are not the paragraph blocks", art.id));
    }
    for (i, p) in art.paragraphs.iter().enumerate() {
        span(art, p.start, p.end, None, &at("paragraph", i), out);
    }
    for (i, s) in art.sentences.iter().enumerate() {
        span(art, s.start, s.end, None, &at("sentence", i), out);
        if i > 0 && s.start < art.sentences[i - 1].end {
            out.push(format!("{}: starts inside or before sentence {}", at("sentence", i), i - 1));
        }
        if !art.blocks.iter().any(|b| b.span().contains(*s)) {
            out.push(format!("{}: inside no block", at("sentence", i)));
        }
    }
    for (i, c) in art.captions.iter().enumerate() {
        span(art, c.start, c.end, Some(&c.text), &at("caption", i), out);
    }
    for (i, c) in art.credits.iter().enumerate() {
        span(art, c.start, c.end, Some(&c.text), &at("credit", i), out);
    }
    for (i, b) in art.boilerplate.iter().enumerate() {
        span(art, b.start, b.end, Some(&b.text), &at("boilerplate", i), out);
    }
}

/// One span: ordered, inside the text, on `char` boundaries, and equal to `text` when a text is reported.
fn span(art: &Article, start: usize, end: usize, text: Option<&str>, at: &str, out: &mut Vec<String>) {
    match art.text.get(start..end) {
        None => out.push(format!("{at}: {start}..{end} is not a span of {} ({} bytes)", art.id, art.text.len())),
        Some(s) => {
            if let Some(t) = text.filter(|t| *t != s) {
                out.push(format!("{at}: reports {t:?} but the text there is {s:?}"));
            }
        }
    }
}
