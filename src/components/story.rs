//! Mentions along the story: for chosen entities, where in each article they come up. Each entity lists
//! the shown articles that mention it (the first few, then all on demand), so a large corpus stays light.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::chart::short_title;
use crate::components::outlets;
use crate::route::View;
use crate::state::{Derived, Index};

#[derive(Properties, PartialEq)]
pub struct StoryProps {
    pub index: Rc<Index>,
    pub derived: Rc<Derived>,
    pub view: Rc<View>,
}

/// Articles drawn per entity until "show all".
pub const LANES: usize = 10;

/// The entities to follow: those the filters name, else the five most mentioned.
pub fn chosen(ix: &Index, d: &Derived, view: &View) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for s in &view.speakers {
        if let Some(e) = ix.speaker_id(s).and_then(|s| ix.speakers[s].entity) {
            out.push(e);
        }
    }
    for c in &view.countries {
        if let Some(i) = ix.country_id(c) {
            out.push(i);
        }
    }
    if out.is_empty() {
        out = d.bars.iter().take(5).map(|b| b.entity).collect();
    }
    out.dedup();
    out
}

#[derive(Properties, PartialEq)]
struct LaneProps {
    index: Rc<Index>,
    derived: Rc<Derived>,
    entity: usize,
}

#[function_component]
fn Lanes(props: &LaneProps) -> Html {
    let ix = &props.index;
    let all = use_state(|| false);
    let ent = &ix.analysis.entities[props.entity];
    let pos = use_memo((ix.clone(), props.derived.clone(), props.entity), |(ix, d, e)| ix.positions(*e, &d.visible));
    let articles: Vec<usize> = props.derived.articles.iter().copied().filter(|&a| !pos[a].is_empty()).collect();
    let mentions: usize = articles.iter().map(|&a| pos[a].len()).sum();
    let shown = if *all { articles.len() } else { articles.len().min(LANES) };
    let row = 34.0;
    let rows = articles[..shown].iter().enumerate().map(|(r, &a)| {
        let y = r as f64 * row;
        let dots = pos[a].iter().map(|p| html! {
            <circle cx={format!("{:.2}%", 1.0 + p * 98.0)} cy={format!("{}", y + 24.0)} r="5" fill={outlets::fill(ix.article_outlet[a])} class="dot" />
        });
        html! {
            <g>
                <text x="0" y={format!("{}", y + 11.0)} class="lane-label">{ format!("{} · {}", ix.article_label(a), short_title(ix, a)) }</text>
                <line x1="0" x2="100%" y1={format!("{}", y + 24.0)} y2={format!("{}", y + 24.0)} class="lane" />
                { for dots }
            </g>
        }
    });
    let toggle = {
        let all = all.clone();
        Callback::from(move |_| all.set(!*all))
    };
    let summary = format!(
        "{} is mentioned {mentions} {} in {} {}",
        ent.name,
        if mentions == 1 { "time" } else { "times" },
        articles.len(),
        if articles.len() == 1 { "article" } else { "articles" }
    );
    html! {
        <section class="story-entity">
            <h3>{ ent.name.clone() }</h3>
            <p class="muted">{ summary.clone() }</p>
            if shown > 0 {
                <svg width="100%" height={format!("{}", shown as f64 * row + 4.0)} role="img"
                    aria-label={format!("{summary}: where, from start to end of each article")}>
                    { for rows }
                </svg>
            }
            if articles.len() > LANES {
                <button class="link-button" onclick={toggle} aria-expanded={all.to_string()}>
                    { if *all { "Show fewer".to_string() } else { format!("Show all {} articles", articles.len()) } }
                </button>
            }
        </section>
    }
}

#[function_component]
pub fn Story(props: &StoryProps) -> Html {
    let ix = &props.index;
    let entities = chosen(ix, &props.derived, &props.view);
    let lanes = entities.iter().map(|&e| {
        html! { <Lanes key={ix.analysis.entities[e].id.clone()} index={ix.clone()} derived={props.derived.clone()} entity={e} /> }
    });
    html! {
        <div class="story">
            <h2>{ "Along the story" }</h2>
            <p class="muted">{ "Each line is an article from its first paragraph (left) to its last (right); each dot a mention. Choose speakers or countries to follow them; otherwise the five most mentioned are shown." }</p>
            { for lanes }
        </div>
    }
}
