//! Mentions along the story: for chosen entities, where in each article they come up.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::chart::{article_colour, article_label};
use crate::route::View;
use crate::state::{Derived, Index};

#[derive(Properties, PartialEq)]
pub struct StoryProps {
    pub index: Rc<Index>,
    pub derived: Rc<Derived>,
    pub view: Rc<View>,
}

/// The entities to follow: those the filters name, else the five most mentioned.
pub fn chosen(ix: &Index, d: &Derived, view: &View) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for s in &view.speakers {
        let key = ix.analysis.speakers.iter().find(|x| &x.name == s).and_then(|x| x.entity.clone());
        if let Some(i) = key.and_then(|k| ix.analysis.entities.iter().position(|e| e.id == k)) {
            out.push(i);
        }
    }
    for c in &view.countries {
        if let Some(i) = ix.analysis.entities.iter().position(|e| &e.name == c) {
            out.push(i);
        }
    }
    if out.is_empty() {
        out = d.bars.iter().take(5).map(|b| b.entity).collect();
    }
    out.dedup();
    out
}

#[function_component]
pub fn Story(props: &StoryProps) -> Html {
    let ix = &props.index;
    let entities = chosen(ix, &props.derived, &props.view);
    let articles: Vec<usize> = (0..ix.analysis.articles.len()).filter(|&a| props.derived.article_visible[a]).collect();
    let lanes = entities.iter().map(|&e| {
        let ent = &ix.analysis.entities[e];
        let pos = ix.positions(e, &props.derived.visible);
        let row = 34.0;
        let summary: Vec<String> = articles.iter().map(|&a| format!("{}: {}", article_label(ix, a), pos[a].len())).collect();
        let rows = articles.iter().enumerate().map(|(r, &a)| {
            let y = r as f64 * row;
            let dots = pos[a].iter().map(|p| html! {
                <circle cx={format!("{:.2}%", 1.0 + p * 98.0)} cy={format!("{}", y + 24.0)} r="5" fill={article_colour(a)} class="dot" />
            });
            html! {
                <g>
                    <text x="0" y={format!("{}", y + 11.0)} class="lane-label">{ article_label(ix, a) }</text>
                    <line x1="0" x2="100%" y1={format!("{}", y + 24.0)} y2={format!("{}", y + 24.0)} class="lane" />
                    { for dots }
                </g>
            }
        });
        html! {
            <section class="story-entity" key={ent.id.clone()}>
                <h3>{ ent.name.clone() }</h3>
                <svg width="100%" height={format!("{}", articles.len() as f64 * row + 4.0)} role="img"
                    aria-label={format!("Where {} is mentioned, from start to end of each article. {}", ent.name, summary.join("; "))}>
                    <title>{ format!("Mentions of {} along each article", ent.name) }</title>
                    { for rows }
                </svg>
            </section>
        }
    });
    html! {
        <div class="story">
            <h2>{ "Along the story" }</h2>
            <p class="muted">{ "Each line is an article from its first paragraph (left) to its last (right); each dot a mention. Choose speakers or countries to follow them; otherwise the five most mentioned are shown." }</p>
            { for lanes }
        </div>
    }
}
