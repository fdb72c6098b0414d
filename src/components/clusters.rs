//! The same quotation across outlets: each cluster of versions of one utterance, every version beside
//! the longest with the words it left out struck through and its own words underlined, flags where the
//! outlets credit different speakers or use different reporting verbs, and which outlet has the longest
//! and, when the articles' dates say it, the earliest version. Clusters follow the filters: one shows when any of its versions is shown.

use std::collections::HashSet;
use std::rc::Rc;

use newsprism_core::compare::diff::{self, Change};
use yew::prelude::*;

use crate::components::outlets::Swatch;
use crate::route::View;
use crate::state::doubt::{alternatives, is_unsure};
use crate::state::{Derived, Index};

#[derive(Properties, PartialEq)]
pub struct ClustersProps {
    pub index: Rc<Index>,
    pub derived: Rc<Derived>,
    pub view: Rc<View>,
}

/// Clusters drawn at first and added by each "show more".
pub const PAGE: usize = 15;

/// The clusters (indexes into the analysis's `quote_clusters`) with a version among `shown` quotes.
pub fn shown_clusters(ix: &Index, shown: &[usize]) -> Vec<usize> {
    let shown: HashSet<usize> = shown.iter().copied().collect();
    ix.analysis
        .quote_clusters
        .iter()
        .enumerate()
        .filter(|(_, c)| c.quotes.iter().any(|q| ix.quote_id(q).is_some_and(|q| shown.contains(&q))))
        .map(|(i, _)| i)
        .collect()
}

fn list(names: &[String]) -> String {
    names.join(", ")
}

#[derive(Properties, PartialEq)]
struct ClusterProps {
    index: Rc<Index>,
    cluster: usize,
}

#[function_component]
fn Cluster(props: &ClusterProps) -> Html {
    let ix = &props.index;
    let c = &ix.analysis.quote_clusters[props.cluster];
    let longest = ix.quote_id(&c.longest);
    // Only when the articles' dates say which came first.
    let earliest = c.earliest.as_deref().and_then(|e| ix.quote_id(e));
    let outlet_of = |q: Option<usize>| q.map(|q| ix.outlets[ix.quote_outlet(q)].clone()).unwrap_or_default();
    let versions = c.quotes.iter().filter_map(|id| ix.quote_id(id)).map(|qi| {
        let q = &ix.analysis.quotes[qi];
        let o = ix.quote_outlet(qi);
        let speaker = ix.speaker_name(qi).unwrap_or("no speaker found").to_string();
        let unsure = is_unsure(q);
        let verb = q.verb.clone().map(|v| format!(" · “{v}”")).unwrap_or_default();
        let body = match longest {
            Some(l) if l != qi => {
                let pieces = diff::words(&ix.analysis.quotes[l].text, &q.text);
                let parts = pieces.into_iter().map(|p| match p.change {
                    Change::Same => html! { <span>{ p.text }</span> },
                    Change::Removed => html! { <del>{ p.text }</del> },
                    Change::Added => html! { <ins>{ p.text }</ins> },
                });
                html! { <blockquote class="diff">{ "“" }{ for parts }{ "”" }</blockquote> }
            }
            _ => html! { <blockquote class="diff">{ format!("“{}”", q.text) }</blockquote> },
        };
        let marks = [(Some(qi) == longest, "longest"), (Some(qi) == earliest, "earliest")]
            .into_iter()
            .filter(|(on, _)| *on)
            .map(|(_, what)| html! { <span class={classes!("badge", format!("badge-{what}"))}>{ what }</span> });
        html! {
            <li class="version" key={q.id.clone()} data-outlet={ix.outlets[o].clone()}>
                <p class="meta"><span class="who"><Swatch outlet={o} /><strong>{ ix.outlets[o].clone() }</strong></span>
                    <span>{ format!("{speaker}{verb}") }</span>
                    if unsure { <span class="badge badge-unsure">{ "unsure" }</span><span class="alternatives">{ alternatives(q) }</span> }
                    { for marks }</p>
                { body }
            </li>
        }
    });
    html! {
        <section class="cluster" data-cluster={c.id.clone()}>
            <h3>{ format!("“{}”", c.text) }</h3>
            <p class="muted">{ format!("{} versions in {} outlets: {}", c.quotes.len(), c.outlets.len(), list(&c.outlets)) }</p>
            if c.speaker_differs {
                <p class="flag flag-speaker">{ format!("⚑ The outlets credit different speakers: {}", list(&c.speakers)) }</p>
            }
            if c.verb_differs {
                <p class="flag flag-verb">{ format!("⚑ The outlets use different reporting verbs: {}", list(&c.verbs)) }</p>
            }
            <p class="muted">{ format!("Longest version: {}", outlet_of(longest)) }{ earliest.map(|e| format!(" · earliest: {}", outlet_of(Some(e)))).unwrap_or_default() }</p>
            <ol class="versions">{ for versions }</ol>
        </section>
    }
}

#[function_component]
pub fn Clusters(props: &ClustersProps) -> Html {
    let ix = &props.index;
    let limit = use_state(|| PAGE);
    let clusters = use_memo((ix.clone(), props.derived.clone()), |(ix, d)| shown_clusters(ix, &d.quotes));
    let n_all = ix.analysis.quote_clusters.len();
    if clusters.is_empty() {
        let why = if n_all == 0 {
            "No quotation here is reported by more than one article."
        } else {
            "No quotation reported by several articles matches these filters."
        };
        return html! { <div class="clusters"><h2>{ "Same quote" }</h2><p class="empty" role="status">{ why }</p></div> };
    }
    let items = clusters.iter().take(*limit).map(|&c| {
        html! { <Cluster key={ix.analysis.quote_clusters[c].id.clone()} index={ix.clone()} cluster={c} /> }
    });
    let rest = clusters.len().saturating_sub(*limit);
    let more = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(*limit + PAGE))
    };
    html! {
        <div class="clusters">
            <h2>{ "Same quote" }</h2>
            <p class="muted">{ format!("{} reported by several articles. Each version is set against the longest: struck-through words are in the longest version and not in this one, underlined words only in this one.", if clusters.len() == 1 { "1 quotation".to_string() } else { format!("{} quotations", clusters.len()) }) }</p>
            { for items }
            if rest > 0 {
                <button class="more" onclick={more}>{ format!("Show {} more of {rest} quotations", rest.min(PAGE)) }</button>
            }
        </div>
    }
}
