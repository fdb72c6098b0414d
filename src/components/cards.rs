//! What the reader opens from a quotation or a name in an article: who said it and how (with the doubt and
//! the alternatives), or what the name stands for; each with its correction form. A card is a plain region
//! under its paragraph, so a phone reaches it by tapping and a keyboard by Enter; Esc or "Close" shuts it.

use std::rc::Rc;

use newsprism_core::model::Correction;
use web_sys::KeyboardEvent;
use yew::prelude::*;

use crate::components::correct::{CorrectEntity, CorrectQuote};
use crate::state::doubt::{alternatives, how, is_unsure, opening, percent};
use crate::state::Index;

#[derive(Properties, PartialEq)]
pub struct CardProps {
    pub index: Rc<Index>,
    /// A quote's index (quote cards) or an entity's (entity cards).
    pub item: usize,
    /// For an entity card: the mention opened (index into the entity's mentions).
    #[prop_or_default]
    pub mention: usize,
    pub on_correct: Callback<Correction>,
    pub on_close: Callback<()>,
}

#[derive(Properties, PartialEq)]
struct FrameProps {
    id: AttrValue,
    title: AttrValue,
    on_close: Callback<()>,
    children: Html,
}

/// The frame of a card: a labelled region whose heading takes the focus when it opens.
#[function_component]
fn Frame(props: &FrameProps) -> Html {
    let heading = use_node_ref();
    {
        let heading = heading.clone();
        use_effect_with(props.id.clone(), move |_| {
            if let Some(h) = heading.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let onkeydown = {
        let cb = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.stop_propagation();
                cb.emit(());
            }
        })
    };
    let close = {
        let cb = props.on_close.clone();
        Callback::from(move |_| cb.emit(()))
    };
    let label = format!("{}-title", props.id);
    html! {
        <section class="card" id={props.id.clone()} aria-labelledby={label.clone()} {onkeydown}>
            <h4 id={label} ref={heading} tabindex="-1">{ props.title.clone() }</h4>
            { props.children.clone() }
            <button type="button" class="link-button close" onclick={close}>{ "Close" }</button>
        </section>
    }
}

/// Who said a quotation, how that was found, how sure the analysis is, and "Said by" to correct it.
#[function_component]
pub fn QuoteCard(props: &CardProps) -> Html {
    let ix = &props.index;
    let q = &ix.analysis.quotes[props.item];
    let who = match &q.speaker {
        Some(s) => s.name.clone(),
        None => "No speaker found".to_string(),
    };
    let sure = if q.corrected {
        "set by you".to_string()
    } else if q.speaker.is_none() {
        String::new()
    } else if is_unsure(q) {
        format!("unsure: {} likely", percent(q.confidence))
    } else {
        format!("{} likely", percent(q.confidence))
    };
    let others = alternatives(q);
    html! {
        <Frame id={format!("card-{}", q.id)} title="Who said it" on_close={props.on_close.clone()}>
            <p class="quoted">{ format!("“{}”", opening(&q.text, 24)) }</p>
            <p class={classes!("who", is_unsure(q).then_some("unsure"))}>
                <strong>{ who }</strong>
                if !how(q).is_empty() { { format!(" · {}", how(q)) } }
                if !sure.is_empty() { <span class="sure">{ format!(" · {sure}") }</span> }
            </p>
            if !others.is_empty() && !q.corrected { <p class="alternatives">{ others }</p> }
            <CorrectQuote index={ix.clone()} quote={props.item} on_correct={props.on_correct.clone()} />
        </Frame>
    }
}

/// What a name stands for (its entity, kind, other names) and the forms to correct the entity.
#[function_component]
pub fn EntityCard(props: &CardProps) -> Html {
    let ix = &props.index;
    let e = &ix.analysis.entities[props.item];
    let names: Vec<String> = e.aliases.iter().map(|a| format!("{} ({})", a.text, a.count)).collect();
    html! {
        <Frame id={format!("card-{}", e.id.replace(':', "-"))} title={e.name.clone()} on_close={props.on_close.clone()}>
            <p>{ ix.explain(props.item, props.mention.min(e.mentions.len().saturating_sub(1))) }</p>
            <p class="muted">{ format!("{} mentions · written {}", e.mentions.len(), names.join(", ")) }</p>
            <CorrectEntity index={ix.clone()} entity={props.item} on_correct={props.on_correct.clone()} />
        </Frame>
    }
}
