//! The articles: number, headline, outlet, dateline, then the blocks the filters keep, with the rest folded.
//!
//! Each article is one Tab stop: its "Only this article" button first, then "Rename outlet", the link to the
//! original, then its highlighted names, which
//! the arrow keys move between (Home and End go to the first and last); the item last visited keeps the
//! Tab stop (a roving tabindex).

use std::rc::Rc;

use newsprism_core::model::{BlockKind, Correction};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::components::cards::{EntityCard, QuoteCard};
use crate::components::outlets::Swatch;
use crate::components::text::BlockText;
use crate::route::View;
use crate::state::doubt::is_unsure;
use crate::state::{Derived, Index};

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub index: Rc<Index>,
    pub derived: Rc<Derived>,
    pub view: Rc<View>,
    pub on_article: Callback<Option<String>>,
    /// Names an article's outlet: (article id, name; empty for the analysis's name).
    #[prop_or_default]
    pub on_rename: Callback<(String, String)>,
    /// A correction made from a quotation's or a name's card.
    #[prop_or_default]
    pub on_correct: Callback<Correction>,
}

/// Articles offered at first, and added by each "show more": big corpora stay quick to draw.
pub const PAGE: usize = 25;

/// Blocks and articles drawn per task at most (at least one article per task): a new filter draws its
/// articles over a few short tasks instead of one long one, so typing and clicking stay responsive.
pub const BLOCKS_PER_TASK: usize = 24;
pub const ARTICLES_PER_TASK: usize = 3;

/// How many of `shown` articles to draw in the next task, having drawn `drawn`, up to `limit`.
pub fn next_batch(ix: &Index, d: &Derived, shown: &[usize], drawn: usize, limit: usize) -> usize {
    let end = limit.min(shown.len());
    let mut blocks = 0;
    let mut n = drawn;
    while n < end && (n == drawn || (blocks < BLOCKS_PER_TASK && n - drawn < ARTICLES_PER_TASK)) {
        blocks += ix.article_units[shown[n]].clone().filter(|&u| d.visible[u]).count();
        n += 1;
    }
    n
}

#[function_component]
pub fn Reader(props: &ReaderProps) -> Html {
    let ix = &props.index;
    let limit = use_state(|| PAGE);
    // (the derived view drawn, how many of its articles are drawn so far)
    let drawn = use_state(|| (0usize, 0usize));
    let shown = &props.derived.articles;
    let key = Rc::as_ptr(&props.derived) as usize;
    let first = next_batch(ix, &props.derived, shown, 0, *limit);
    let count = if drawn.0 == key { drawn.1.max(first) } else { first };
    {
        // Draw the rest of the page in the next tasks, a batch at a time.
        let drawn = drawn.clone();
        let (ix, d) = (ix.clone(), props.derived.clone());
        let limit = *limit;
        use_effect_with((key, count, limit), move |&(key, count, limit)| {
            let next = next_batch(&ix, &d, &d.articles, count, limit);
            let timer = (next > count).then(|| gloo::timers::callback::Timeout::new(0, move || drawn.set((key, next))));
            move || drop(timer)
        });
    }
    if shown.is_empty() {
        return html! { <p class="empty" role="status">{ "No paragraph matches these filters." }</p> };
    }
    let articles = shown.iter().take(count).map(|&a| {
        html! { <ArticleView key={ix.analysis.articles[a].id.clone()} index={ix.clone()} derived={props.derived.clone()} view={props.view.clone()} article={a} on_article={props.on_article.clone()} on_rename={props.on_rename.clone()} on_correct={props.on_correct.clone()} /> }
    });
    let more = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(*limit + PAGE))
    };
    let rest = shown.len().saturating_sub(*limit);
    html! {
        <div class="reader" aria-busy={(count < (*limit).min(shown.len())).to_string()}>
            <h2 class="visually-hidden">{ "Articles" }</h2>
            if shown.len() > PAGE {
                <p class="muted count-line">{ format!("Showing {} of {} articles", shown.len().min(*limit), shown.len()) }</p>
            }
            { for articles }
            if rest > 0 {
                <button class="more" onclick={more}>{ format!("Show {} more of {rest} articles", rest.min(PAGE)) }</button>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub index: Rc<Index>,
    pub derived: Rc<Derived>,
    pub view: Rc<View>,
    pub article: usize,
    pub on_article: Callback<Option<String>>,
    #[prop_or_default]
    pub on_rename: Callback<(String, String)>,
    #[prop_or_default]
    pub on_correct: Callback<Correction>,
}

/// The card open under a paragraph of an article: a quotation's (quote index) or a name's (entity,
/// mention), with the unit it is under.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Card {
    Quote { unit: usize, quote: usize },
    Entity { unit: usize, entity: usize, mention: usize },
}

impl Card {
    fn unit(self) -> usize {
        match self {
            Card::Quote { unit, .. } | Card::Entity { unit, .. } => unit,
        }
    }
}

/// The card a click or Enter on `target` opens: a name's (a mark) or a quotation's ("said by" button).
fn card_for(target: &Element, ix: &Index) -> Option<Card> {
    let item = target.closest("[data-rove]").ok().flatten()?;
    match parse_key(&item.get_attribute("data-rove")?)? {
        Rove::Said(q) => Some(Card::Quote { unit: ix.quote_unit.get(q).copied().flatten()?, quote: q }),
        Rove::Mark(unit, entity, mention) => Some(Card::Entity { unit, entity, mention }),
    }
}

#[derive(Properties, PartialEq)]
struct OutletNameProps {
    index: Rc<Index>,
    article: usize,
    on_rename: Callback<(String, String)>,
}

/// The article's outlet with its colour, and a small form to name it (the name goes into the link).
#[function_component]
fn OutletName(props: &OutletNameProps) -> Html {
    let ix = &props.index;
    let editing = use_state(|| false);
    let input = use_node_ref();
    let id = ix.analysis.articles[props.article].id.clone();
    let outlet = ix.article_outlet[props.article];
    let name = ix.outlets[outlet].clone();
    {
        let input = input.clone();
        use_effect_with(*editing, move |&on| {
            if on {
                if let Some(i) = input.cast::<web_sys::HtmlInputElement>() {
                    let _ = i.focus();
                    i.select();
                }
            }
        });
    }
    if *editing {
        let field = format!("outlet-name-{id}");
        let onsubmit = {
            let (editing, input, cb, id) = (editing.clone(), input.clone(), props.on_rename.clone(), id.clone());
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                if let Some(i) = input.cast::<web_sys::HtmlInputElement>() {
                    cb.emit((id.clone(), i.value()));
                }
                editing.set(false);
            })
        };
        let cancel = {
            let editing = editing.clone();
            Callback::from(move |_| editing.set(false))
        };
        let onkeydown = {
            let editing = editing.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Escape" {
                    e.stop_propagation();
                    editing.set(false);
                }
            })
        };
        return html! {
            <form class="outlet-form" {onsubmit}>
                <label for={field.clone()}>{ format!("Outlet of article {}", props.article + 1) }</label>
                <input id={field} ref={input} type="text" value={name} maxlength="80" {onkeydown} />
                <button type="submit">{ "Save" }</button>
                <button type="button" class="link-button" onclick={cancel}>{ "Cancel" }</button>
            </form>
        };
    }
    let edit = {
        let editing = editing.clone();
        Callback::from(move |_| editing.set(true))
    };
    // The button comes after the article's other buttons among its roving items.
    html! {
        <>
            <span class="source"><Swatch {outlet} />{ name.clone() }</span>
            <span class="rename-slot">
                <button class="link-button rename" onclick={edit} data-rove="rename" tabindex="-1">
                    { "Rename outlet" }<span class="visually-hidden">{ format!(" {name}") }</span>
                </button>
            </span>
        </>
    }
}

/// A roving item of an article besides its buttons: a mark (unit, entity, mention) or a quotation's "said
/// by" button (quote index).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rove {
    Mark(usize, usize, usize),
    Said(usize),
}

/// The roving item last visited (`None`: the article's first button).
type Active = Option<Rove>;

fn parse_key(key: &str) -> Active {
    if let Some(q) = key.strip_prefix("said:") {
        return q.parse().ok().map(Rove::Said);
    }
    let mut it = key.split(':').map(str::parse::<usize>);
    match (it.next(), it.next(), it.next()) {
        (Some(Ok(u)), Some(Ok(e)), Some(Ok(m))) => Some(Rove::Mark(u, e, m)),
        _ => None,
    }
}

/// Moves the focus among an article's roving items on arrow keys, Home and End.
fn on_rove_key(e: &KeyboardEvent, active: &UseStateHandle<Active>) {
    let step: isize = match e.key().as_str() {
        "ArrowRight" | "ArrowDown" => 1,
        "ArrowLeft" | "ArrowUp" => -1,
        "Home" => isize::MIN,
        "End" => isize::MAX,
        _ => return,
    };
    let Some(target) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    if target.get_attribute("data-rove").is_none() {
        return;
    }
    let Some(article) = target.closest("article").ok().flatten() else { return };
    let Ok(list) = article.query_selector_all("[data-rove]") else { return };
    let mut items: Vec<HtmlElement> = (0..list.length()).filter_map(|i| list.item(i)?.dyn_into().ok()).collect();
    // "Only this article" first, then the outlet's rename button and the rest in reading order.
    items.sort_by_key(|i| i.get_attribute("data-rove").as_deref() != Some("button"));
    let Some(at) = items.iter().position(|i| **i == target) else { return };
    let next = match step {
        isize::MIN => 0,
        isize::MAX => items.len() - 1,
        s => (at as isize + s).clamp(0, items.len() as isize - 1) as usize,
    };
    e.prevent_default();
    let item = &items[next];
    active.set(item.get_attribute("data-rove").as_deref().and_then(parse_key));
    let _ = item.focus();
}

/// The article's URL when it is a web address (http or https); anything else (javascript:, data:) is not
/// linked.
pub fn web_url(url: Option<&str>) -> Option<String> {
    let url = url?.trim();
    let scheme = url.split_once("://")?.0.to_ascii_lowercase();
    (matches!(scheme.as_str(), "http" | "https") && !url.chars().any(char::is_control)).then(|| url.to_string())
}

#[function_component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let ix = &props.index;
    let a = &ix.analysis.articles[props.article];
    let active = use_state(|| None::<Rove>);
    let card = use_state(|| None::<Card>);
    // Both hold indexes into one index: a new index (another story, outlet names, corrections) drops them.
    let owner = use_mut_ref(|| Rc::as_ptr(ix) as usize);
    let stale = *owner.borrow() != Rc::as_ptr(ix) as usize;
    if stale {
        *owner.borrow_mut() = Rc::as_ptr(ix) as usize;
        active.set(None);
        card.set(None);
    }
    let (was_active, open_card) = if stale { (None, None) } else { (*active, *card) };
    // The active item counts only while it is drawn: shown by the filters, a mark of a kind highlighted.
    let shown = |u: usize| props.derived.visible.get(u) == Some(&true);
    let current = was_active.filter(|&r| match r {
        Rove::Mark(u, e, _) => shown(u) && props.view.kinds.contains(&ix.analysis.entities[e].kind),
        Rove::Said(q) => ix.quote_unit.get(q).copied().flatten().is_some_and(shown),
    });
    let title = ix.title(props.article);
    let range = ix.article_units[props.article].clone();
    let mut body = Vec::new();
    let mut hidden = 0usize;
    let flush = |hidden: &mut usize, body: &mut Vec<Html>| {
        if *hidden > 0 {
            let n = *hidden;
            body.push(html! { <p class="folded">{ format!("⋯ {n} {} hidden by the filters", if n == 1 { "block" } else { "blocks" }) }</p> });
            *hidden = 0;
        }
    };
    for u in range {
        let unit = &ix.units[u];
        if unit.kind == BlockKind::Headline {
            continue;
        }
        if !props.derived.visible[u] {
            hidden += 1;
            continue;
        }
        flush(&mut hidden, &mut body);
        let class = if unit.kind == BlockKind::Caption { "caption" } else { "paragraph" };
        let here = match current {
            Some(Rove::Mark(at, e, m)) if at == u => Some((e, m)),
            _ => None,
        };
        body.push(html! { <p class={class} key={u}><BlockText index={ix.clone()} unit={u} view={props.view.clone()} active={here} /></p> });
        if !unit.quotes.is_empty() {
            let said = match current {
                Some(Rove::Said(q)) => Some(q),
                _ => None,
            };
            body.push(said_row(ix, u, open_card, said));
        }
        if let Some(c) = open_card.filter(|c| c.unit() == u) {
            let on_close = {
                let card = card.clone();
                Callback::from(move |_| card.set(None))
            };
            let on_correct = {
                let (card, cb) = (card.clone(), props.on_correct.clone());
                Callback::from(move |x: Correction| {
                    card.set(None);
                    cb.emit(x);
                })
            };
            body.push(match c {
                Card::Quote { quote, .. } => html! { <QuoteCard key={format!("card-q{quote}")} index={ix.clone()} item={quote} {on_close} {on_correct} /> },
                Card::Entity { entity, mention, .. } => html! { <EntityCard key={format!("card-e{entity}")} index={ix.clone()} item={entity} {mention} {on_close} {on_correct} /> },
            });
        }
    }
    flush(&mut hidden, &mut body);
    let only_this = props.view.article.as_deref() == Some(a.id.as_str());
    let toggle = {
        let cb = props.on_article.clone();
        let id = a.id.clone();
        Callback::from(move |_| cb.emit(if only_this { None } else { Some(id.clone()) }))
    };
    let onkeydown = {
        let (active, card, ix) = (active.clone(), card.clone(), ix.clone());
        Callback::from(move |e: KeyboardEvent| {
            let on_mark = e.target().and_then(|t| t.dyn_into::<Element>().ok()).filter(|t| t.tag_name() == "MARK");
            match (e.key().as_str(), on_mark) {
                ("Enter" | " ", Some(t)) => {
                    e.prevent_default();
                    let next = card_for(&t, &ix);
                    card.set(if *card == next { None } else { next });
                }
                _ => on_rove_key(&e, &active),
            }
        })
    };
    // A tap or click on a name or on "said by" opens its card (again: closes it).
    let onclick = {
        let (card, ix) = (card.clone(), ix.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(t) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
            if t.closest("mark[data-rove], button.said-by").ok().flatten().is_none() {
                return;
            }
            let next = card_for(&t, &ix);
            card.set(if *card == next { None } else { next });
        })
    };
    let onfocusin = {
        let active = active.clone();
        Callback::from(move |e: FocusEvent| {
            let key = e.target().and_then(|t| t.dyn_into::<Element>().ok()).and_then(|t| t.get_attribute("data-rove"));
            if let Some(key) = key {
                let next = parse_key(&key);
                if *active != next {
                    active.set(next);
                }
            }
        })
    };
    let label = ix.article_label(props.article);
    let heading = format!("heading-{}", a.id);
    html! {
        <article class="article" id={format!("article-{}", a.id)} tabindex="-1" aria-labelledby={heading.clone()} {onkeydown} {onfocusin} {onclick}>
            <header>
                <p class="article-number">{ label }</p>
                <h3 class="headline" id={heading}>{ title }</h3>
                <p class="meta">
                    <OutletName index={ix.clone()} article={props.article} on_rename={props.on_rename.clone()} />
                    if let Some(d) = &a.dateline { <span class="dateline">{ d.clone() }</span> }
                    if let Some(p) = &a.published { <span class="published">{ p.clone() }</span> }
                    <button class="link-button" onclick={toggle} aria-pressed={only_this.to_string()} data-rove="button"
                        tabindex={if current.is_none() { "0" } else { "-1" }}>
                        { if only_this { "Show all articles" } else { "Only this article" } }
                    </button>
                    if let Some(url) = web_url(a.url.as_deref()) {
                        <a class="original" href={url} target="_blank" rel="noopener noreferrer" data-rove="link" tabindex="-1">{ "Original" }</a>
                    }
                </p>
            </header>
            { for body }
        </article>
    }
}

/// Who said each quotation of a paragraph, one button each: the speaker's short name ("?" when unsure), the
/// card with how it was found and the correction form on a tap, a click or Enter.
fn said_row(ix: &Index, unit: usize, card: Option<Card>, active: Option<usize>) -> Html {
    let buttons = ix.units[unit].quotes.iter().map(|&q| {
        let quote = &ix.analysis.quotes[q];
        let unsure = is_unsure(quote);
        let short = quote.speaker.as_ref().map_or("no speaker", |s| s.short_label()).to_string();
        let full = quote.speaker.as_ref().map_or("no speaker found", |s| s.name.as_str());
        let open = card == Some(Card::Quote { unit, quote: q });
        let hint = format!(
            ": {full}{}, for “{}”",
            if unsure { ", unsure" } else { "" },
            crate::state::doubt::opening(&quote.text, 5)
        );
        html! {
            <button type="button" class={classes!("said-by", unsure.then_some("unsure"), quote.corrected.then_some("corrected"))}
                data-rove={format!("said:{q}")} tabindex={if active == Some(q) { "0" } else { "-1" }} aria-expanded={open.to_string()}>
                { if unsure { format!("{short} ?") } else { short } }<span class="visually-hidden">{ hint }</span>
            </button>
        }
    });
    html! { <div class="said-row" key={format!("said-{unit}")}><span class="muted">{ "Said by " }</span>{ for buttons }</div> }
}
