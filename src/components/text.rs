//! A block of article text with its mentions and quotations marked, built from text nodes only.

use std::rc::Rc;

use newsprism_core::model::EntityKind;
use newsprism_core::Span;
use yew::prelude::*;

use crate::highlight::{hits, pieces, Piece};
use crate::route::View;
use crate::state::doubt::{alternatives, is_unsure, percent};
use crate::state::Index;

#[derive(Properties, PartialEq)]
pub struct BlockTextProps {
    pub index: Rc<Index>,
    /// Index into `index.units`.
    pub unit: usize,
    pub view: Rc<View>,
    /// The mention (entity, mention) of this block that is its article's Tab stop, if it is in this block.
    #[prop_or_default]
    pub active: Option<(usize, usize)>,
}

pub fn kind_class(k: EntityKind) -> &'static str {
    match k {
        EntityKind::Person => "ent ent-person",
        EntityKind::Country => "ent ent-country",
        EntityKind::Organization => "ent ent-org",
        EntityKind::Place => "ent ent-place",
    }
}

#[function_component]
pub fn BlockText(props: &BlockTextProps) -> Html {
    let ix = &props.index;
    let u = &ix.units[props.unit];
    let text = &ix.analysis.articles[u.article].text;
    let quotes: Vec<(Span, usize)> =
        u.quotes.iter().map(|&q| (Span::new(ix.analysis.quotes[q].start, ix.analysis.quotes[q].end), q)).collect();
    let mentions: Vec<(Span, usize, usize)> = u
        .mentions
        .iter()
        .filter(|(e, _)| props.view.kinds.contains(&ix.analysis.entities[*e].kind))
        .map(|&(e, m)| {
            let men = &ix.analysis.entities[e].mentions[m];
            (Span::new(men.start, men.end), e, m)
        })
        .collect();
    let found = if props.view.q.trim().is_empty() {
        Vec::new()
    } else {
        hits(text, u.span, &newsprism_core::lexis::fold::fold(props.view.q.trim()))
    };
    let at = Ctx { ix, text, view: &props.view, unit: props.unit, active: props.active, hits: &found };
    let render = |p: &Piece| render_piece(p, &at);
    html! { <>{ for pieces(u.span, &quotes, &mentions).iter().map(render) }</> }
}

/// What rendering a block's pieces needs.
struct Ctx<'a> {
    ix: &'a Index,
    text: &'a str,
    view: &'a View,
    unit: usize,
    active: Option<(usize, usize)>,
    /// Where the search matched in this block, in order.
    hits: &'a [Span],
}

/// The parts of `span` with what the search matched marked: plain text nodes and `<mark class="hit">`.
fn with_hits(span: Span, at: &Ctx) -> Html {
    let first = at.hits.partition_point(|h| h.end <= span.start);
    let mut parts = Vec::new();
    let mut from = span.start;
    for h in at.hits[first..].iter().take_while(|h| h.start < span.end) {
        let (s, e) = (h.start.max(from), h.end.min(span.end));
        if s > from {
            parts.push(html! { { Span::new(from, s).of(at.text).to_string() } });
        }
        if e > s {
            parts.push(html! { <mark class="hit">{ Span::new(s, e).of(at.text).to_string() }</mark> });
            from = e;
        }
    }
    if from < span.end {
        parts.push(html! { { Span::new(from, span.end).of(at.text).to_string() } });
    }
    html! { <>{ for parts }</> }
}

/// The roving key of a mark: "unit:entity:mention" (the article reads it back on arrow keys).
pub fn rove_key(unit: usize, entity: usize, mention: usize) -> String {
    format!("{unit}:{entity}:{mention}")
}

fn render_piece(p: &Piece, at: &Ctx) -> Html {
    let (ix, text, view) = (at.ix, at.text, at.view);
    match p {
        Piece::Text(s) if at.hits.is_empty() => html! { { s.of(text).to_string() } },
        Piece::Text(s) => with_hits(*s, at),
        Piece::Mention { span, entity, mention } => {
            let e = &ix.analysis.entities[*entity];
            let tip = ix.explain(*entity, *mention);
            // One Tab stop per article: the active mark is reachable by Tab, the others by the arrow keys.
            let tabindex = if at.active == Some((*entity, *mention)) { "0" } else { "-1" };
            let hit = at.hits.iter().any(|h| h.start < span.end && span.start < h.end);
            html! {
                <mark class={classes!(kind_class(e.kind), hit.then_some("hit"))} {tabindex} data-tip={tip} data-entity={e.id.clone()}
                    data-rove={rove_key(at.unit, *entity, *mention)}>
                    { span.of(text).to_string() }
                </mark>
            }
        }
        Piece::Quote { quote, inner, .. } => {
            let q = &ix.analysis.quotes[*quote];
            let speaker = q.speaker.as_ref().map(|s| s.name.clone());
            let unsure = is_unsure(q);
            let short = q.speaker.as_ref().map_or("?", |s| s.short_label());
            let said = if unsure { format!("{short} ?") } else { short.to_string() };
            let dim = !view.speakers.is_empty() && !speaker.as_ref().is_some_and(|s| view.speakers.contains(s));
            let class = classes!(
                "quote",
                dim.then_some("dim"),
                speaker.is_none().then_some("unattributed"),
                unsure.then_some("unsure"),
                q.corrected.then_some("corrected")
            );
            let title = match &q.speaker {
                Some(s) => {
                    let named = s
                        .mention
                        .as_ref()
                        .map(|m| m.text.split_whitespace().collect::<Vec<_>>().join(" "))
                        .unwrap_or_default();
                    let doubt = if unsure { format!(" · unsure, {}", percent(q.confidence)) } else { String::new() };
                    let others = alternatives(q);
                    format!(
                        "said by {} (named as “{named}”){}{doubt}{}",
                        s.name,
                        q.verb.as_ref().map(|v| format!(", verb “{v}”")).unwrap_or_default(),
                        if unsure && !others.is_empty() { format!(" · {others}") } else { String::new() }
                    )
                }
                None => "no speaker found for this quotation".to_string(),
            };
            // The "said by" badge is drawn by CSS from `data-said`, so the article's text stays exactly as written.
            html! {
                <span {class} data-quote={q.id.clone()} data-speaker={speaker.clone().unwrap_or_default()} data-said={said} {title}>
                    { for inner.iter().map(|p| render_piece(p, at)) }
                </span>
            }
        }
    }
}
