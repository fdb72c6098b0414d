//! Who said what: every shown quotation with its speaker, outlet and reporting verb, grouped by speaker.

use std::rc::Rc;

use yew::prelude::*;

use crate::components::chart::article_label;
use crate::route::View;
use crate::state::{Derived, Index};

#[derive(Properties, PartialEq)]
pub struct QuotesProps {
    pub index: Rc<Index>,
    pub derived: Rc<Derived>,
    pub view: Rc<View>,
    pub on_speaker: Callback<String>,
}

#[function_component]
pub fn Quotes(props: &QuotesProps) -> Html {
    let ix = &props.index;
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for &q in &props.derived.quotes {
        let name = ix.speaker_name(q).unwrap_or("Unattributed").to_string();
        match groups.iter_mut().find(|(n, _)| *n == name) {
            Some(g) => g.1.push(q),
            None => groups.push((name, vec![q])),
        }
    }
    groups.sort_by(|a, b| {
        (a.0 == "Unattributed").cmp(&(b.0 == "Unattributed")).then(b.1.len().cmp(&a.1.len())).then(a.0.cmp(&b.0))
    });
    if groups.is_empty() {
        return html! { <p class="empty" role="status">{ "No quotation matches these filters." }</p> };
    }
    let sections = groups.iter().map(|(name, qs)| {
        let items = qs.iter().map(|&qi| {
            let q = &ix.analysis.quotes[qi];
            let a = ix.analysis.articles.iter().position(|x| x.id == q.article).unwrap_or(0);
            let verb = q.verb.clone().map(|v| format!(" · “{v}”")).unwrap_or_default();
            let named = q.speaker.as_ref().and_then(|s| s.mention.as_ref()).map(|m| format!(" · named as “{}”", m.text.split_whitespace().collect::<Vec<_>>().join(" "))).unwrap_or_default();
            html! {
                <li class="quote-item" key={qi}>
                    <blockquote>{ format!("“{}”", q.text) }</blockquote>
                    <p class="meta">{ format!("{}{verb}{named} · confidence {:.0} %", article_label(ix, a), q.confidence * 100.0) }</p>
                </li>
            }
        });
        let filter = {
            let cb = props.on_speaker.clone();
            let n = name.clone();
            Callback::from(move |_| cb.emit(n.clone()))
        };
        let selected = props.view.speakers.contains(name);
        html! {
            <section class="speaker-group" key={name.clone()}>
                <h3>
                    { format!("{name} ") }<span class="count">{ qs.len() }</span>
                    if name != "Unattributed" {
                        <button class="link-button" onclick={filter} aria-pressed={selected.to_string()}>{ if selected { "remove filter" } else { "filter" } }</button>
                    }
                </h3>
                <ul>{ for items }</ul>
            </section>
        }
    });
    html! { <div class="quotes"><h2 class="visually-hidden">{ "Who said what" }</h2>{ for sections }</div> }
}
