//! Blind spots: for each person, organization and country, which outlets mention or quote it and which do
//! not; the names only some outlets carry come first, ranked by the core (`compare::gaps`): weight in the
//! outlets carrying it times the outlets leaving it out. Works on the chosen story's articles.

use std::rc::Rc;

use newsprism_core::compare::gaps::{coverage, Coverage};
use yew::prelude::*;

use crate::components::outlets::Swatch;
use crate::route::View;
use crate::state::Index;

/// Names drawn at first and added by each "show more"; outlets named per line at most.
pub const PAGE: usize = 25;
pub const NAMED: usize = 12;

/// Coverage of every person, organization and country over the index's outlets.
pub fn gaps(ix: &Index) -> Vec<Coverage> {
    let outlet_of: Vec<Option<usize>> = ix.article_outlet.iter().map(|&o| Some(o)).collect();
    coverage(&ix.analysis, &outlet_of, ix.outlets.len())
}

#[derive(Properties, PartialEq)]
pub struct GapsProps {
    pub index: Rc<Index>,
    pub view: Rc<View>,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[function_component]
pub fn Gaps(props: &GapsProps) -> Html {
    let ix = &props.index;
    let limit = use_state(|| PAGE);
    let all = use_memo(ix.clone(), |ix| gaps(ix));
    if ix.outlets.len() < 2 {
        return html! { <div class="gaps"><h2>{ "Blind spots" }</h2><p class="empty" role="status">{ "Blind spots compare outlets: these articles come from one outlet. Name the outlets of the articles in the reader to compare them." }</p></div> };
    }
    let partial: Vec<&Coverage> = all.iter().filter(|c| c.missing > 0).collect();
    let everywhere = all.len() - partial.len();
    let items = partial.iter().take(*limit).map(|c| {
        let e = &ix.analysis.entities[c.entity];
        let carriers = c.carriers.iter().take(NAMED).map(|k| {
            let what = match (k.mentions, k.quotes) {
                (m, 0) => plural(m, "mention", "mentions"),
                (0, q) => plural(q, "quotation", "quotations"),
                (m, q) => format!("{}, {}", plural(m, "mention", "mentions"), plural(q, "quotation", "quotations")),
            };
            html! { <li><Swatch outlet={k.outlet} />{ format!("{} ({what})", ix.outlets[k.outlet]) }</li> }
        });
        let more_carriers = c.carriers.len().saturating_sub(NAMED);
        let missing: Vec<&str> =
            (0..ix.outlets.len()).filter(|&o| !c.carried_by(o)).take(NAMED).map(|o| ix.outlets[o].as_str()).collect();
        let more_missing = c.missing.saturating_sub(missing.len());
        html! {
            <li class="gap" key={e.id.clone()} data-entity={e.id.clone()}>
                <h3>{ e.name.clone() }<span class="kind">{ format!(" · {}", e.kind.name()) }</span></h3>
                <p class="carried-label">{ format!("In {} of {} outlets:", c.carriers.len(), ix.outlets.len()) }</p>
                <ul class="carriers">
                    { for carriers }
                    if more_carriers > 0 { <li class="muted">{ format!("and {more_carriers} more") }</li> }
                </ul>
                <p class="missing">{ "Not in: " }{ missing.join(", ") }
                    if more_missing > 0 { { format!(" and {more_missing} more") } }
                </p>
            </li>
        }
    });
    let rest = partial.len().saturating_sub(*limit);
    let more = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(*limit + PAGE))
    };
    html! {
        <div class="gaps">
            <h2>{ "Blind spots" }</h2>
            <p class="muted">{ format!("{} people, organizations and countries only some of the {} outlets mention or quote, the most telling first (how much the others say of it, times how many leave it out); {} every outlet carries.", partial.len(), ix.outlets.len(), everywhere) }</p>
            if partial.is_empty() {
                <p class="empty" role="status">{ "Every outlet mentions every name here." }</p>
            }
            <ol class="gap-list">{ for items }</ol>
            if rest > 0 {
                <button class="more" onclick={more}>{ format!("Show {} more of {rest} names", rest.min(PAGE)) }</button>
            }
        </div>
    }
}
