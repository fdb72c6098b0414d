//! The reader's correction forms, reached from the quotation or the name itself: give a quotation another
//! speaker (one of its alternatives, anyone named, or a typed name); rename an entity, merge another into
//! it, split one of its aliases off, or mark it as no entity. Native form controls only, so a keyboard and
//! a phone reach every one; each form emits one [`Correction`].

use std::collections::HashSet;
use std::rc::Rc;

use newsprism_core::model::corrections::{Assign, Rename, Split};
use newsprism_core::model::{Correction, EntityKind};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::state::doubt::percent;
use crate::state::Index;

/// Entities offered in one list at most (the typed name covers the rest).
const OFFERED: usize = 400;

fn value_of_select(r: &NodeRef) -> String {
    r.cast::<HtmlSelectElement>().map(|s| s.value()).unwrap_or_default()
}

fn value_of_input(r: &NodeRef) -> String {
    r.cast::<HtmlInputElement>().map(|s| s.value().trim().to_string()).unwrap_or_default()
}

/// Entities that can speak (people and organizations), those named in `article` first, then the rest by
/// how often they are named; at most [`OFFERED`] in all.
fn speakers_for(ix: &Index, article: usize) -> (Vec<usize>, Vec<usize>) {
    let can_speak = |e: usize| matches!(ix.analysis.entities[e].kind, EntityKind::Person | EntityKind::Organization);
    let mut here: Vec<usize> = Vec::new();
    let mut seen = HashSet::new();
    for u in ix.article_units[article].clone() {
        for &(e, _) in &ix.units[u].mentions {
            if can_speak(e) && seen.insert(e) {
                here.push(e);
            }
        }
    }
    here.sort_by(|&a, &b| ix.analysis.entities[a].name.cmp(&ix.analysis.entities[b].name));
    let mut rest: Vec<usize> =
        (0..ix.analysis.entities.len()).filter(|&e| can_speak(e) && !seen.contains(&e)).collect();
    rest.sort_by_key(|&e| std::cmp::Reverse(ix.analysis.entities[e].mentions.len()));
    rest.truncate(OFFERED.saturating_sub(here.len()));
    rest.sort_by(|&a, &b| ix.analysis.entities[a].name.cmp(&ix.analysis.entities[b].name));
    (here, rest)
}

#[derive(Properties, PartialEq)]
pub struct CorrectQuoteProps {
    pub index: Rc<Index>,
    /// Index into the analysis's quotes.
    pub quote: usize,
    pub on_correct: Callback<Correction>,
}

/// "Said by": one of the quotation's alternatives, anyone named, or a name typed.
#[function_component]
pub fn CorrectQuote(props: &CorrectQuoteProps) -> Html {
    let ix = &props.index;
    let q = &ix.analysis.quotes[props.quote];
    let (select, typed) = (use_node_ref(), use_node_ref());
    let current = q.speaker.as_ref().and_then(|s| s.entity.clone());
    let (here, rest) = speakers_for(ix, ix.quote_article(props.quote));
    let option = |e: usize| {
        let ent = &ix.analysis.entities[e];
        let selected = current.as_deref() == Some(ent.id.as_str());
        html! { <option value={ent.id.clone()} {selected}>{ ent.name.clone() }</option> }
    };
    let likely = q.alternatives.iter().filter_map(|a| {
        let id = a.entity.clone()?;
        Some(html! { <option value={id}>{ format!("{} ({})", a.name, percent(a.probability)) }</option> })
    });
    let onsubmit = {
        let (select, typed, cb, quote) = (select.clone(), typed.clone(), props.on_correct.clone(), q.id.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let name = value_of_input(&typed);
            let entity = value_of_select(&select);
            let assign = if !name.is_empty() {
                Assign { quote: quote.clone(), entity: None, name: Some(name) }
            } else if !entity.is_empty() {
                Assign { quote: quote.clone(), entity: Some(entity), name: None }
            } else {
                return;
            };
            cb.emit(Correction::Assign(assign));
        })
    };
    let (sel_id, typed_id) = (format!("said-by-{}", q.id), format!("said-typed-{}", q.id));
    html! {
        <form class="correct correct-quote" {onsubmit} aria-label="Give this quotation another speaker">
            <label for={sel_id.clone()}>{ "Said by" }</label>
            <select id={sel_id} ref={select}>
                if current.is_none() { <option value="" selected=true>{ "— choose —" }</option> }
                if !q.alternatives.is_empty() { <optgroup label="Likely">{ for likely }</optgroup> }
                if !here.is_empty() { <optgroup label="Named in this article">{ for here.iter().map(|&e| option(e)) }</optgroup> }
                if !rest.is_empty() { <optgroup label="Named elsewhere">{ for rest.iter().map(|&e| option(e)) }</optgroup> }
            </select>
            <label for={typed_id.clone()}>{ "or type a name" }</label>
            <input id={typed_id} ref={typed} type="text" maxlength="80" autocomplete="off" />
            <button type="submit">{ "Give to" }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub struct CorrectEntityProps {
    pub index: Rc<Index>,
    /// Index into the analysis's entities.
    pub entity: usize,
    pub on_correct: Callback<Correction>,
}

/// Rename, merge another into this one, split an alias off, or "not an entity".
#[function_component]
pub fn CorrectEntity(props: &CorrectEntityProps) -> Html {
    let ix = &props.index;
    let e = &ix.analysis.entities[props.entity];
    let (name, other, alias) = (use_node_ref(), use_node_ref(), use_node_ref());
    let id = e.id.clone();
    let emit = |make: Rc<dyn Fn() -> Option<Correction>>| {
        let cb = props.on_correct.clone();
        Callback::from(move |ev: SubmitEvent| {
            ev.prevent_default();
            if let Some(c) = make() {
                cb.emit(c);
            }
        })
    };
    let rename = {
        let (name, id, old) = (name.clone(), id.clone(), e.name.clone());
        emit(Rc::new(move || {
            let n = value_of_input(&name);
            (!n.is_empty() && n != old).then(|| Correction::Rename(Rename { entity: id.clone(), name: n }))
        }))
    };
    let merge = {
        let (other, id) = (other.clone(), id.clone());
        emit(Rc::new(move || {
            let o = value_of_select(&other);
            (!o.is_empty()).then(|| Correction::Merge([id.clone(), o]))
        }))
    };
    let split = {
        let (alias, id) = (alias.clone(), id.clone());
        emit(Rc::new(move || {
            let a = value_of_select(&alias);
            (!a.is_empty()).then(|| Correction::Split(Split { entity: id.clone(), alias: a }))
        }))
    };
    let drop = {
        let (cb, id) = (props.on_correct.clone(), id.clone());
        Callback::from(move |_| cb.emit(Correction::Drop(id.clone())))
    };
    let mut same_kind: Vec<usize> = (0..ix.analysis.entities.len())
        .filter(|&x| x != props.entity && ix.analysis.entities[x].kind == e.kind)
        .collect();
    same_kind.sort_by_key(|&x| std::cmp::Reverse(ix.analysis.entities[x].mentions.len()));
    same_kind.truncate(OFFERED);
    same_kind.sort_by(|&a, &b| ix.analysis.entities[a].name.cmp(&ix.analysis.entities[b].name));
    let key = crate::route::kind_str(e.kind);
    let f = |what: &str| format!("{what}-{}", e.id.replace(':', "-"));
    html! {
        <div class="correct correct-entity" role="group" aria-label={format!("Correct {}", e.name)}>
            <form onsubmit={rename}>
                <label for={f("rename")}>{ "Name" }</label>
                <input id={f("rename")} ref={name} type="text" value={e.name.clone()} maxlength="80" autocomplete="off" />
                <button type="submit">{ "Rename" }</button>
            </form>
            if !same_kind.is_empty() {
                <form onsubmit={merge}>
                    <label for={f("merge")}>{ format!("Same {key} as") }</label>
                    <select id={f("merge")} ref={other}>
                        <option value="" selected=true>{ "— choose —" }</option>
                        { for same_kind.iter().map(|&x| html! { <option value={ix.analysis.entities[x].id.clone()}>{ ix.analysis.entities[x].name.clone() }</option> }) }
                    </select>
                    <button type="submit">{ "Merge" }</button>
                </form>
            }
            if e.aliases.len() > 1 {
                <form onsubmit={split}>
                    <label for={f("split")}>{ "Someone else is" }</label>
                    <select id={f("split")} ref={alias}>
                        <option value="" selected=true>{ "— choose —" }</option>
                        { for e.aliases.iter().map(|a| html! { <option value={a.text.clone()}>{ format!("“{}” ({})", a.text, a.count) }</option> }) }
                    </select>
                    <button type="submit">{ "Split off" }</button>
                </form>
            }
            <button type="button" class="danger" onclick={drop}>{ "Not an entity" }</button>
        </div>
    }
}
