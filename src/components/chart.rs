//! The most-mentioned entities as an SVG bar chart, each bar split by article so outlets can be compared.
//! Bars are focusable; hover and focus give exact numbers; a click or Enter applies that entity's filter.

use std::rc::Rc;

use newsprism_core::model::EntityKind;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::components::outlets::{self, Swatch};
use crate::route::{kind_str, View, ALL_KINDS};
use crate::state::{Derived, Index};

/// An article's title cut at a word to about 40 characters, for lanes.
pub fn short_title(ix: &Index, a: usize) -> String {
    let full = ix.title(a);
    let full = full.trim_end_matches('…');
    if full.chars().count() <= 42 {
        return full.to_string();
    }
    let cut: String = full.chars().take(40).collect();
    format!("{}…", cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head).trim_end_matches([',', ';', ':']))
}

/// Counts per article summed per outlet: (outlet, count) for each outlet with some, in outlet order.
pub fn per_outlet(ix: &Index, per_article: &[usize]) -> Vec<(usize, usize)> {
    let mut sums = vec![0usize; ix.outlets.len()];
    for (a, n) in per_article.iter().enumerate() {
        sums[ix.article_outlet[a]] += n;
    }
    sums.into_iter().enumerate().filter(|(_, n)| *n > 0).collect()
}

/// "Al Jazeera: 4" for each outlet mentioning the entity, the most first (at most `max`).
fn by_outlet(ix: &Index, per_article: &[usize], max: usize) -> String {
    let mut parts = per_outlet(ix, per_article);
    parts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let n = parts.len();
    let mut out: Vec<String> = parts.iter().take(max).map(|(o, c)| format!("{}: {c}", ix.outlets[*o])).collect();
    if n > max {
        out.push(format!("{} more outlets", n - max));
    }
    out.join(" · ")
}

/// Outlets named in a legend at most; the rest are counted.
pub const LEGEND: usize = 32;

#[derive(Properties, PartialEq)]
pub struct ChartProps {
    pub index: Rc<Index>,
    pub derived: Rc<Derived>,
    pub view: Rc<View>,
    /// Applies the filter a bar stands for (its entity index).
    pub on_bar: Callback<usize>,
    pub on_kind: Callback<EntityKind>,
}

#[function_component]
pub fn Chart(props: &ChartProps) -> Html {
    let ix = &props.index;
    // The bar in focus or under the pointer, whose numbers show below the chart.
    let focused = use_state(|| None::<usize>);
    let bars = &props.derived.bars;
    // The outlets of the shown articles, in outlet order.
    let mut shown_outlets: Vec<usize> = props.derived.articles.iter().map(|&a| ix.article_outlet[a]).collect();
    shown_outlets.sort_unstable();
    shown_outlets.dedup();
    let max = bars.iter().map(|b| b.total).max().unwrap_or(1).max(1) as f64;
    let row = 40.0;
    let kinds: Vec<&str> = ALL_KINDS.into_iter().filter(|k| props.view.kinds.contains(k)).map(kind_str).collect();
    let kind_toggles = ALL_KINDS.into_iter().map(|k| {
        let on = props.view.kinds.contains(&k);
        let cb = props.on_kind.clone();
        html! { <button class={classes!("kind-toggle", format!("kind-{}", kind_str(k)), on.then_some("on"))} aria-pressed={on.to_string()}
            onclick={Callback::from(move |_| cb.emit(k))}>{ kind_str(k) }</button> }
    });
    let rows = bars.iter().enumerate().map(|(i, b)| {
        let e = &ix.analysis.entities[b.entity];
        let y = i as f64 * row;
        let mut x = 0.0;
        let segments = per_outlet(ix, &b.per_article).into_iter().map(|(o, n)| {
            let w = n as f64 / max * 100.0;
            let seg = html! {
                <rect x={format!("{x:.3}%")} y={format!("{}", y + 20.0)} width={format!("{:.3}%", w)} height="14" fill={outlets::fill(o)} class="segment" data-outlet={ix.outlets[o].clone()} />
            };
            x += w;
            seg
        });
        let entity = b.entity;
        let click = {
            let cb = props.on_bar.clone();
            Callback::from(move |_| cb.emit(entity))
        };
        let on_focus = {
            let focused = focused.clone();
            Callback::from(move |_: FocusEvent| focused.set(Some(i)))
        };
        let on_enter = {
            let focused = focused.clone();
            Callback::from(move |_: MouseEvent| focused.set(Some(i)))
        };
        let key = {
            let cb = props.on_bar.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    cb.emit(entity);
                }
            })
        };
        // The bar's name is its visible text ("Iran 16 mentions"); the numbers by article show below on focus.
        html! {
            <g class={classes!("bar", format!("bar-{}", kind_str(e.kind)))} tabindex="0" role="button" aria-describedby="bar-detail"
                onclick={click} onkeydown={key} onfocus={on_focus} onmouseenter={on_enter} data-entity={e.id.clone()}>
                <rect class="hit" x="0" y={format!("{y}")} width="100%" height={format!("{}", row - 2.0)} fill="transparent" />
                <text x="0" y={format!("{}", y + 14.0)} class="bar-label">{ e.name.clone() }</text>
                <text x="100%" y={format!("{}", y + 14.0)} class="bar-value" text-anchor="end">{ format!("{} mentions", b.total) }</text>
                { for segments }
            </g>
        }
    });
    let legend = shown_outlets.iter().take(LEGEND).map(|&o| {
        html! { <li><Swatch outlet={o} />{ ix.outlets[o].clone() }</li> }
    });
    let unnamed = shown_outlets.len().saturating_sub(LEGEND);
    // Per-outlet columns while they fit; past that, how many outlets and which mentions it most.
    let wide = shown_outlets.len() <= outlets::PALETTE.len();
    let table_rows = bars.iter().map(|b| {
        let e = &ix.analysis.entities[b.entity];
        let sums = per_outlet(ix, &b.per_article);
        html! { <tr><th scope="row">{ e.name.clone() }</th><td>{ kind_str(e.kind) }</td><td>{ b.total }</td>
        if wide {
            { for shown_outlets.iter().map(|o| html! { <td>{ sums.iter().find(|s| s.0 == *o).map_or(0, |s| s.1) }</td> }) }
        } else {
            <td>{ sums.len() }</td><td>{ by_outlet(ix, &b.per_article, 1) }</td>
        }
        </tr> }
    });
    let height = (bars.len() as f64 * row).max(row);
    html! {
        <figure class="chart">
            <figcaption>
                <h2>{ "Most mentioned" }</h2>
                <p class="muted">{ format!("The {} most mentioned of {} {} in the shown text, split by outlet. Select a bar to filter.", bars.len(), props.derived.n_entities, kinds.join(", ")) }</p>
            </figcaption>
            <div class="kind-toggles" role="group" aria-label="Entity kinds to chart">{ for kind_toggles }</div>
            if bars.is_empty() {
                <p class="empty">{ "Nothing to chart with these filters." }</p>
            } else {
                <svg class="bars" width="100%" height={format!("{height}")} role="group" aria-label="Bar chart of mentions per entity">{ for rows }</svg>
            }
            <p class="bar-detail" id="bar-detail" aria-live="polite">
                { match focused.and_then(|i| bars.get(i)) {
                    Some(b) => {
                        format!("{}: {} mentions. {}", ix.analysis.entities[b.entity].name, b.total, by_outlet(ix, &b.per_article, 6))
                    }
                    None => "Point at or focus a bar for its numbers by outlet.".to_string(),
                } }
            </p>
            <ul class="legend" aria-label="Outlets">
                { for legend }
                if unnamed > 0 { <li class="muted">{ format!("and {unnamed} more outlets") }</li> }
            </ul>
            <details class="table-alt">
                <summary>{ "The numbers as a table" }</summary>
                <table>
                    <thead><tr><th>{ "Entity" }</th><th>{ "Kind" }</th><th>{ "Mentions" }</th>
                        if wide {
                            { for shown_outlets.iter().map(|&o| html! { <th scope="col">{ ix.outlets[o].clone() }</th> }) }
                        } else {
                            <th>{ "Outlets" }</th><th>{ "Most in" }</th>
                        }
                    </tr></thead>
                    <tbody>{ for table_rows }</tbody>
                </table>
            </details>
        </figure>
    }
}
