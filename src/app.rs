//! The root component: wires the store to the worker, the URL, the keys and the views.

use std::rc::Rc;

use newsprism_core::model::EntityKind;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::builtin;
use crate::components::chart::Chart;
use crate::components::chips::{Chip, Chips};
use crate::components::facet::{Facet, FacetItem};
use crate::components::header::Header;
use crate::components::load::Load;
use crate::components::notices::Notices;
use crate::components::quotes::Quotes;
use crate::components::reader::Reader;
use crate::components::story::Story;
use crate::components::tabs::Tabs;
use crate::effects::analyzer::{Analyzer, Outcome, Running};
use crate::effects::keyboard::{self, Command};
use crate::effects::{download, files, url};
use crate::protocol::{Content, Input};
use crate::route::{Tab, View};
use crate::store::{Action, InputFile, Status, Store};

/// The `Reducible` adapter over [`Store::apply`].
#[derive(PartialEq)]
pub struct StoreState(pub Store);

impl Reducible for StoreState {
    type Action = Action;
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = self.0.clone();
        s.apply(action);
        Rc::new(StoreState(s))
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub analyzer: Analyzer,
}

/// The built-in corpus as inputs.
pub fn builtin_inputs() -> Vec<InputFile> {
    builtin::ARTICLES
        .iter()
        .map(|(name, text)| InputFile {
            name: name.to_string(),
            bytes: Rc::new(text.as_bytes().to_vec()),
            builtin: true,
        })
        .collect()
}

fn to_protocol(inputs: &[InputFile]) -> Vec<Input> {
    inputs
        .iter()
        .map(|i| Input { name: i.name.clone(), content: Content::Bytes { bytes: i.bytes.as_ref().clone() } })
        .collect()
}

/// Records timings for the end-to-end tests and for curious readers: `window.newsprismTimings`.
fn record_timing(key: &str, value: f64) {
    let window = gloo::utils::window();
    let target =
        js_sys::Reflect::get(&window, &"newsprismTimings".into()).ok().filter(|v| v.is_object()).unwrap_or_else(|| {
            let o: wasm_bindgen::JsValue = js_sys::Object::new().into();
            let _ = js_sys::Reflect::set(&window, &"newsprismTimings".into(), &o);
            o
        });
    let _ = js_sys::Reflect::set(&target, &key.into(), &value.into());
}

fn now() -> f64 {
    gloo::utils::window().performance().map(|p| p.now()).unwrap_or(0.0)
}

fn move_article(step: isize) {
    let doc = gloo::utils::document();
    let Ok(list) = doc.query_selector_all("article.article") else { return };
    let articles: Vec<HtmlElement> =
        (0..list.length()).filter_map(|i| list.item(i)).filter_map(|n| n.dyn_into().ok()).collect();
    if articles.is_empty() {
        return;
    }
    let active = doc.active_element();
    let current = articles.iter().position(|a| active.as_ref().is_some_and(|e| a.contains(Some(e))));
    let next = match current {
        Some(i) => (i as isize + step).clamp(0, articles.len() as isize - 1) as usize,
        None if step > 0 => 0,
        None => articles.len() - 1,
    };
    let _ = articles[next].focus();
    articles[next].scroll_into_view();
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let store = use_reducer(|| {
        let (view, notices) = View::from_query(&url::current_query());
        StoreState(Store::new(view, notices))
    });
    let running = use_mut_ref(|| None::<Running>);
    let copied = use_state(|| false);
    let first_ready = use_mut_ref(|| false);

    // Start the analyzer and analyse the built-in corpus once.
    {
        let dispatcher = store.dispatcher();
        let running = running.clone();
        let analyzer = props.analyzer.clone();
        use_effect_with((), move |_| {
            let d = dispatcher.clone();
            let on_outcome = Callback::from(move |o: Outcome| {
                d.dispatch(match o {
                    Outcome::Progress { request, fraction, stage } => Action::Progress { request, fraction, stage },
                    Outcome::Done { request, analysis, millis } => Action::Done { request, analysis, millis },
                    Outcome::Failed { request, message } => Action::Failed { request, message },
                })
            });
            *running.borrow_mut() = Some(Running::start(&analyzer, on_outcome));
            dispatcher.dispatch(Action::Analyse(builtin_inputs()));
            move || {
                running.borrow_mut().take();
            }
        });
    }
    // Send each new request to the analyzer.
    {
        let running = running.clone();
        let inputs = store.0.inputs.clone();
        use_effect_with(store.0.request, move |&id| {
            if id > 0 {
                if let Some(r) = running.borrow().as_ref() {
                    r.send(id, to_protocol(&inputs));
                }
            }
        });
    }
    // The URL follows the view; back and forward move between views.
    {
        let view = store.0.view.clone();
        let how = store.0.url_update;
        use_effect_with(store.0.view_version, move |_| url::write(&view, how));
    }
    {
        let dispatcher = store.dispatcher();
        use_effect_with((), move |_| {
            let listener = url::on_pop(move |q| {
                let (v, n) = View::from_query(&q);
                dispatcher.dispatch(Action::UrlChanged(v, n));
            });
            move || drop(listener)
        });
    }
    // Keys.
    {
        let dispatcher = store.dispatcher();
        use_effect_with((), move |_| {
            let listener = keyboard::listen(move |c| match c {
                Command::FocusSearch => {
                    if let Some(e) = gloo::utils::document()
                        .get_element_by_id("search")
                        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
                    {
                        let _ = e.focus();
                    }
                }
                Command::NextArticle => move_article(1),
                Command::PreviousArticle => move_article(-1),
                Command::Clear("speakers") => dispatcher.dispatch(Action::ClearSpeakers),
                Command::Clear("countries") => dispatcher.dispatch(Action::ClearCountries),
                Command::Clear("search") => dispatcher.dispatch(Action::SetQuery(String::new())),
                Command::Clear(_) => {
                    if let Some(e) =
                        gloo::utils::document().active_element().and_then(|e| e.dyn_into::<HtmlElement>().ok())
                    {
                        let _ = e.blur();
                    }
                }
            });
            move || drop(listener)
        });
    }

    let s = &store.0;
    let view = Rc::new(s.view.clone());
    let derived =
        use_memo((s.index.clone(), s.view.clone()), |(index, view)| index.as_ref().map(|ix| Rc::new(ix.derive(view))));
    let already = *first_ready.borrow();
    if derived.is_some() && !already {
        *first_ready.borrow_mut() = true;
        record_timing("firstRenderMs", now());
        record_timing("analysisMs", s.analysis_ms);
    }

    let dispatch = |a: fn(String) -> Action| {
        let d = store.dispatcher();
        Callback::from(move |x: String| d.dispatch(a(x)))
    };
    let on_query = dispatch(Action::SetQuery);
    let on_speaker = dispatch(Action::ToggleSpeaker);
    let on_country = dispatch(Action::ToggleCountry);
    let on_article = {
        let d = store.dispatcher();
        Callback::from(move |a: Option<String>| d.dispatch(Action::SetArticle(a)))
    };
    let on_tab = {
        let d = store.dispatcher();
        Callback::from(move |t: Tab| d.dispatch(Action::SetTab(t)))
    };
    let on_kind = {
        let d = store.dispatcher();
        Callback::from(move |k: EntityKind| d.dispatch(Action::ToggleKind(k)))
    };
    let on_dismiss = {
        let d = store.dispatcher();
        Callback::from(move |i: usize| d.dispatch(Action::Dismiss(i)))
    };
    let clear = |a: Action| {
        let d = store.dispatcher();
        Callback::from(move |_| d.dispatch(a.clone()))
    };
    let on_copy_link = {
        let copied = copied.clone();
        let d = store.dispatcher();
        Callback::from(move |_| {
            let href = gloo::utils::window().location().href().unwrap_or_default();
            let clipboard = gloo::utils::window().navigator().clipboard();
            let promise = clipboard.write_text(&href);
            let copied = copied.clone();
            let d = d.clone();
            wasm_bindgen_futures::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(promise).await {
                    Ok(_) => {
                        copied.set(true);
                        let copied = copied.clone();
                        gloo::timers::callback::Timeout::new(2500, move || copied.set(false)).forget();
                    }
                    Err(_) => d.dispatch(Action::Notice(format!("Copy this link: {href}"))),
                }
            });
        })
    };
    let on_export = {
        let index = s.index.clone();
        let derived = (*derived).clone();
        let view = view.clone();
        let d = store.dispatcher();
        Callback::from(move |format: &'static str| {
            let (Some(ix), Some(der)) = (index.as_ref(), derived.as_ref()) else { return };
            let (name, mime, content) = match format {
                "csv" => ("newsprism-view.csv", "text/csv;charset=utf-8", crate::export::csv(ix, der, &view)),
                _ => ("newsprism-view.json", "application/json", crate::export::json(ix, der, &view)),
            };
            if let Err(e) = download::save(name, mime, &content) {
                d.dispatch(Action::Notice(format!("The download failed: {e}")));
            }
        })
    };
    let add_inputs = {
        let d = store.dispatcher();
        let current = s.inputs.clone();
        Callback::from(move |new: Vec<InputFile>| {
            if new.is_empty() {
                return;
            }
            // Own articles replace the built-in example; further ones join them.
            let mut all: Vec<InputFile> = current.iter().filter(|i| !i.builtin).cloned().collect();
            all.extend(new);
            d.dispatch(Action::Analyse(all));
        })
    };
    let on_files = {
        let d = store.dispatcher();
        let add = add_inputs.clone();
        Callback::from(move |list: Vec<web_sys::File>| {
            let d = d.clone();
            let add = add.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let (inputs, errors) = files::read(list).await;
                for e in errors {
                    d.dispatch(Action::Notice(e));
                }
                add.emit(inputs);
            });
        })
    };
    let on_paste = {
        let add = add_inputs.clone();
        let n = s.inputs.iter().filter(|i| i.name.starts_with("pasted-")).count() + 1;
        Callback::from(move |text: String| {
            add.emit(vec![InputFile {
                name: format!("pasted-{n}.txt"),
                bytes: Rc::new(text.into_bytes()),
                builtin: false,
            }])
        })
    };
    let on_builtin = {
        let d = store.dispatcher();
        Callback::from(move |_| d.dispatch(Action::Analyse(builtin_inputs())))
    };

    let progress = match &s.status {
        Status::Analysing { fraction, stage } => Some((*fraction, stage.clone())),
        _ => None,
    };
    let summary = match (&s.index, &s.status) {
        (Some(ix), _) => {
            let a = &ix.analysis;
            format!(
                "{} articles · {} quotations · {} speakers · {} entities · analysed in {:.2} s",
                a.articles.len(),
                a.quotes.len(),
                a.speakers.len(),
                a.entities.len(),
                s.analysis_ms / 1000.0
            )
        }
        (None, Status::Failed(m)) => format!("The analysis failed: {m}"),
        (None, _) => "Analysing the articles…".to_string(),
    };

    let main = match (&s.index, derived.as_ref()) {
        (Some(ix), Some(d)) => {
            let speakers: Vec<FacetItem> = d
                .speakers
                .iter()
                .map(|(n, c)| FacetItem { label: n.clone(), count: *c, selected: s.view.speakers.contains(n) })
                .collect();
            let countries: Vec<FacetItem> = d
                .countries
                .iter()
                .map(|(e, c)| {
                    let name = ix.analysis.entities[*e].name.clone();
                    FacetItem { selected: s.view.countries.contains(&name), label: name, count: *c }
                })
                .collect();
            let mut chips = Vec::new();
            let chip = |kind: &'static str, label: String, a: Action| Chip { kind, label, on_remove: clear(a) };
            for sp in &s.view.speakers {
                chips.push(chip("speaker", sp.clone(), Action::ToggleSpeaker(sp.clone())));
            }
            for c in &s.view.countries {
                chips.push(chip("country", c.clone(), Action::ToggleCountry(c.clone())));
            }
            if let Some(a) = &s.view.article {
                let title = ix
                    .analysis
                    .articles
                    .iter()
                    .find(|x| &x.id == a)
                    .and_then(|x| x.headline.clone())
                    .unwrap_or_else(|| a.clone());
                chips.push(chip("article", title, Action::SetArticle(None)));
            }
            if !s.view.q.trim().is_empty() {
                chips.push(chip("text", s.view.q.clone(), Action::SetQuery(String::new())));
            }
            let on_bar = {
                let ix = ix.clone();
                let d = store.dispatcher();
                Callback::from(move |e: usize| {
                    let ent = &ix.analysis.entities[e];
                    let action = match ent.kind {
                        EntityKind::Country => Action::ToggleCountry(ent.name.clone()),
                        EntityKind::Person if ix.has_speaker(&ent.name) => Action::ToggleSpeaker(ent.name.clone()),
                        _ => Action::SetQuery(ent.name.clone()),
                    };
                    d.dispatch(action);
                })
            };
            let panel = match s.view.tab {
                Tab::Reader => {
                    html! { <Reader index={ix.clone()} derived={d.clone()} view={view.clone()} on_article={on_article.clone()} /> }
                }
                Tab::Quotes => {
                    html! { <Quotes index={ix.clone()} derived={d.clone()} view={view.clone()} on_speaker={on_speaker.clone()} /> }
                }
                Tab::Chart => {
                    html! { <Chart index={ix.clone()} derived={d.clone()} view={view.clone()} on_bar={on_bar} on_kind={on_kind.clone()} /> }
                }
                Tab::Story => html! { <Story index={ix.clone()} derived={d.clone()} view={view.clone()} /> },
            };
            let facets = html! {
                <aside class="sidebar" aria-label="Filters">
                    <Facet area="speakers" title="Speakers" noun="quotations" find="Find a speaker" items={speakers} on_toggle={on_speaker.clone()} on_clear={clear(Action::ClearSpeakers)} />
                    <Facet area="countries" title="Countries" noun="mentions" find="Find a country" items={countries} on_toggle={on_country.clone()} on_clear={clear(Action::ClearCountries)} />
                </aside>
            };
            let main = html! {
                <main id="panel" class="main" tabindex="-1">
                    <Chips chips={chips} on_clear={clear(Action::ClearAll)} />
                    <Tabs current={s.view.tab} on_select={on_tab} />
                    <div role="tabpanel" aria-labelledby={format!("tab-{}", s.view.tab.as_str())} class="panel">{ panel }</div>
                </main>
            };
            (facets, main)
        }
        _ => (
            html! {},
            html! { <main id="panel" class="main"><p class="empty" role="status">{ summary.clone() }</p></main> },
        ),
    };
    let (facets, main) = main;

    let input_names: Vec<String> = s.inputs.iter().map(|i| i.name.clone()).collect();
    let builtin = s.inputs.iter().all(|i| i.builtin);
    html! {
        <div class="app">
            <a class="skip" href="#panel">{ "Skip to the articles" }</a>
            <Header summary={summary.clone()} query={s.view.q.clone()} on_query={on_query} on_copy_link={on_copy_link}
                on_export={on_export} copied={*copied} ready={s.index.is_some()} />
            <Notices notices={s.notices.clone()} on_dismiss={on_dismiss} />
            <div class="layout">
                <div class="side">
                    <Load inputs={input_names} {builtin} {on_files} {on_paste} {on_builtin} {progress} />
                    { facets }
                </div>
                { main }
            </div>
            <footer class="foot">
                <p>{ "Keys: " }<kbd>{ "/" }</kbd>{ " search · " }<kbd>{ "j" }</kbd>{ " / " }<kbd>{ "k" }</kbd>{ " next / previous article · " }<kbd>{ "Esc" }</kbd>{ " clear the filter in focus. Everything runs in your browser; nothing is uploaded." }</p>
            </footer>
        </div>
    }
}
