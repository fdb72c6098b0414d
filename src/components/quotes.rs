//! Who said what: every shown quotation with its speaker, article and reporting verb, grouped by speaker.
//! Groups come in pages and long groups open on demand, so a corpus with thousands of quotations draws
//! only what fits a few screens.

use std::rc::Rc;

use yew::prelude::*;

use newsprism_core::model::Correction;

use crate::components::correct::{CorrectEntity, CorrectQuote};
use crate::route::View;
use crate::state::doubt::{alternatives, is_unsure, percent};
use crate::state::{Derived, Index};

#[derive(Properties, PartialEq)]
pub struct QuotesProps {
    pub index: Rc<Index>,
    pub derived: Rc<Derived>,
    pub view: Rc<View>,
    pub on_speaker: Callback<String>,
    #[prop_or_default]
    pub on_correct: Callback<Correction>,
}

/// Speakers drawn at first and added by each "show more"; quotations shown per speaker until opened.
pub const GROUPS: usize = 20;
pub const PER_GROUP: usize = 5;

/// The shown quotes grouped by speaker (`None` = unattributed, last), most quoted first.
pub fn groups(ix: &Index, quotes: &[usize]) -> Vec<(Option<usize>, Vec<usize>)> {
    let mut by_speaker: Vec<Vec<usize>> = vec![Vec::new(); ix.speakers.len()];
    let mut unattributed = Vec::new();
    for &q in quotes {
        match ix.quote_speaker[q] {
            Some(s) => by_speaker[s].push(q),
            None => unattributed.push(q),
        }
    }
    let mut out: Vec<(Option<usize>, Vec<usize>)> =
        by_speaker.into_iter().enumerate().filter(|(_, qs)| !qs.is_empty()).map(|(s, qs)| (Some(s), qs)).collect();
    // Speaker ids are in list order (most quoted overall first); here the shown counts decide.
    out.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
    if !unattributed.is_empty() {
        out.push((None, unattributed));
    }
    out
}

#[function_component]
pub fn Quotes(props: &QuotesProps) -> Html {
    let ix = &props.index;
    let limit = use_state(|| GROUPS);
    // Speakers whose every quotation is shown.
    let open = use_state(Vec::<Option<usize>>::new);
    // The one correction form open: a quotation's (its index) or a speaker's (usize::MAX - speaker).
    let correcting = use_state(|| None::<usize>);
    let groups = use_memo((ix.clone(), props.derived.clone()), |(ix, d)| groups(ix, &d.quotes));
    if groups.is_empty() {
        return html! { <p class="empty" role="status">{ "No quotation matches these filters." }</p> };
    }
    let sections = groups.iter().take(*limit).map(|(speaker, qs)| {
        let name = speaker.map_or("Unattributed", |s| ix.speakers[s].name.as_str()).to_string();
        let all = open.contains(speaker);
        let items = qs.iter().take(if all { qs.len() } else { PER_GROUP }).map(|&qi| {
            let q = &ix.analysis.quotes[qi];
            let a = ix.quote_article(qi);
            let verb = q.verb.clone().map(|v| format!(" · “{v}”")).unwrap_or_default();
            let named = q
                .speaker
                .as_ref()
                .and_then(|s| s.mention.as_ref())
                .map(|m| format!(" · named as “{}”", m.text.split_whitespace().collect::<Vec<_>>().join(" ")))
                .unwrap_or_default();
            let unsure = is_unsure(q);
            let sure = if q.corrected {
                " · set by you".to_string()
            } else if q.speaker.is_some() {
                format!(" · {} likely", percent(q.confidence))
            } else {
                String::new()
            };
            let others = if unsure { alternatives(q) } else { String::new() };
            let form_open = *correcting == Some(qi);
            let toggle = {
                let correcting = correcting.clone();
                Callback::from(move |_| correcting.set(if form_open { None } else { Some(qi) }))
            };
            let on_correct = {
                let (correcting, cb) = (correcting.clone(), props.on_correct.clone());
                Callback::from(move |c: Correction| {
                    correcting.set(None);
                    cb.emit(c);
                })
            };
            html! {
                <li class={classes!("quote-item", unsure.then_some("unsure"), q.corrected.then_some("corrected"))} key={qi}>
                    <blockquote>{ format!("“{}”", q.text) }</blockquote>
                    <p class="meta">
                        <span class="quote-article" title={ix.title(a)}>{ ix.article_label(a) }</span>
                        { format!("{verb}{named}{sure}") }
                        if unsure { <span class="badge badge-unsure">{ "unsure" }</span> }
                        if !others.is_empty() { <span class="alternatives">{ others }</span> }
                        <button type="button" class="link-button" onclick={toggle} aria-expanded={form_open.to_string()}>
                            { "Correct speaker" }
                        </button>
                    </p>
                    if form_open { <CorrectQuote index={ix.clone()} quote={qi} {on_correct} /> }
                </li>
            }
        });
        let filter = {
            let cb = props.on_speaker.clone();
            let n = name.clone();
            Callback::from(move |_| cb.emit(n.clone()))
        };
        let toggle_all = {
            let open = open.clone();
            let speaker = *speaker;
            Callback::from(move |_| {
                let mut o = (*open).clone();
                match o.iter().position(|s| *s == speaker) {
                    Some(i) => {
                        o.remove(i);
                    }
                    None => o.push(speaker),
                }
                open.set(o);
            })
        };
        let selected = props.view.speakers.contains(&name);
        let entity = speaker.and_then(|s| ix.speakers[s].entity);
        let key = speaker.map(|s| usize::MAX - s);
        let entity_open = key.is_some() && *correcting == key;
        let toggle_entity = {
            let correcting = correcting.clone();
            Callback::from(move |_| correcting.set(if entity_open { None } else { key }))
        };
        let on_correct_entity = {
            let (correcting, cb) = (correcting.clone(), props.on_correct.clone());
            Callback::from(move |c: Correction| {
                correcting.set(None);
                cb.emit(c);
            })
        };
        html! {
            <section class="speaker-group" key={name.clone()}>
                <h3>
                    { format!("{name} ") }<span class="count">{ qs.len() }<span class="visually-hidden">{ " quotations" }</span></span>
                    if speaker.is_some() {
                        <button class="link-button" onclick={filter} aria-pressed={selected.to_string()}>
                            { if selected { "Remove filter" } else { "Filter" } }<span class="visually-hidden">{ format!(" by {name}") }</span>
                        </button>
                    }
                    if entity.is_some() {
                        <button class="link-button" onclick={toggle_entity} aria-expanded={entity_open.to_string()}>
                            { "Correct" }<span class="visually-hidden">{ format!(" {name}") }</span>
                        </button>
                    }
                </h3>
                if let (true, Some(e)) = (entity_open, entity) {
                    <CorrectEntity index={ix.clone()} entity={e} on_correct={on_correct_entity} />
                }
                <ul>{ for items }</ul>
                if qs.len() > PER_GROUP {
                    <button class="link-button" onclick={toggle_all} aria-expanded={all.to_string()}>
                        { if all { "Show fewer".to_string() } else { format!("Show all {} quotations", qs.len()) } }
                    </button>
                }
            </section>
        }
    });
    let more = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(*limit + GROUPS))
    };
    let rest = groups.len().saturating_sub(*limit);
    let n_quotes = props.derived.quotes.len();
    html! {
        <div class="quotes">
            <h2 class="visually-hidden">{ "Who said what" }</h2>
            <p class="muted count-line">{ format!("{n_quotes} quotations by {} speakers", groups.iter().filter(|g| g.0.is_some()).count()) }</p>
            { for sections }
            if rest > 0 {
                <button class="more" onclick={more}>{ format!("Show {} more of {rest} speakers", rest.min(GROUPS)) }</button>
            }
        </div>
    }
}
