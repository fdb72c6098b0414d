//! The root component: wires the store to the worker, the URL, the keys and the views.

use std::rc::Rc;

use newsprism_core::model::EntityKind;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use crate::components::chart::Chart;
use crate::components::chips::{Chip, Chips};
use crate::components::clusters::Clusters;
use crate::components::corrections::CorrectionsList;
use crate::components::describe::DescribeArticles;
use crate::components::facet::{Facet, FacetItem};
use crate::components::gaps::Gaps;
use crate::components::header::Header;
use crate::components::load::{Load, NotLoaded};
use crate::components::matrix::MatrixView;
use crate::components::notices::Notices;
use crate::components::outlets::OutletDefs;
use crate::components::quotes::Quotes;
use crate::components::reader::Reader;
use crate::components::sheet::Sheet;
use crate::components::story::Story;
use crate::components::story_picker::StoryPicker;
use crate::components::tabs::Tabs;
use crate::effects::analyzer::Analyzer;
use crate::effects::media::{use_media, NARROW};
use crate::route::{MatrixSort, Tab, View};
use crate::state::{Derived, Index};
use crate::store::{Action, InputFile, Status, Store};

mod wiring;

pub use wiring::{builtin_inputs, record_timing};

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

/// What the built-in example is, for a first-time reader.
pub const BUILTIN_INTRO: &str =
    "Built-in example: five outlets’ reports of the Obama–Putin meeting at the UN General Assembly, 28 September 2015.";

fn plural(n: usize, one: &str, many: &str) -> String {
    let n_text = if n >= 10_000 {
        let s = n.to_string();
        let (head, tail) = s.split_at(s.len() - 3);
        format!("{head},{tail}")
    } else {
        n.to_string()
    };
    format!("{n_text} {}", if n == 1 { one } else { many })
}

/// The header's counts: each is the length of a list the page offers (articles in the reader, quotations
/// in "Who said what", speakers and countries in their filter lists).
pub fn summary(ix: &Index) -> String {
    format!(
        "{} · {} · {} · {}",
        plural(ix.analysis.articles.len(), "article", "articles"),
        plural(ix.n_quotes, "quotation", "quotations"),
        plural(ix.speakers.len(), "speaker", "speakers"),
        plural(ix.countries.len(), "country", "countries"),
    )
}

/// The facet lists for a view: chosen values first, then by count under the other filters.
fn facet_items(ix: &Index, d: &Derived, view: &View) -> (Rc<Vec<FacetItem>>, Rc<Vec<FacetItem>>) {
    let mut speakers: Vec<FacetItem> = ix
        .speakers
        .iter()
        .enumerate()
        .map(|(i, s)| FacetItem {
            label: s.name.clone(),
            count: d.speaker_counts[i],
            selected: view.speakers.contains(&s.name),
        })
        .collect();
    speakers.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.label.cmp(&b.label)));
    let countries = d
        .countries
        .iter()
        .map(|&(e, c)| {
            let name = ix.analysis.entities[e].name.clone();
            FacetItem { selected: view.countries.contains(&name), label: name, count: c }
        })
        .collect();
    (Rc::new(speakers), Rc::new(countries))
}

fn chips(s: &Store, ix: &Index, d: &UseReducerDispatcher<StoreState>) -> Vec<Chip> {
    let mut chips = Vec::new();
    let mut chip = |kind: &'static str, label: String, a: Action| {
        let d = d.clone();
        chips.push(Chip { kind, label, on_remove: Callback::from(move |_| d.dispatch(a.clone())) })
    };
    for sp in &s.view.speakers {
        chip("speaker", sp.clone(), Action::ToggleSpeaker(sp.clone()));
    }
    for c in &s.view.countries {
        chip("country", c.clone(), Action::ToggleCountry(c.clone()));
    }
    if let Some(a) = &s.view.article {
        let label = ix.article_id(a).map(|i| ix.article_label(i)).unwrap_or_else(|| a.clone());
        chip("article", label, Action::SetArticle(None));
    }
    if !s.view.q.trim().is_empty() {
        chip("text", s.view.q.clone(), Action::SetQuery(String::new()));
    }
    chips
}

fn focus_by_id(id: &str) {
    if let Some(e) = gloo::utils::document().get_element_by_id(id).and_then(|e| e.dyn_into::<HtmlElement>().ok()) {
        let _ = e.focus();
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let store = use_reducer(|| {
        let (view, notices) = View::from_query(&crate::effects::url::current_query());
        StoreState(Store::new(view, notices))
    });
    let narrow = use_media(NARROW);
    let sheet_open = use_state(|| false);
    let h = wiring::use_wiring(&store, &props.analyzer);

    let s = &store.0;
    let view = Rc::new(s.view.clone());
    // The tab is not part of what is derived: switching views reuses the same filtering.
    let filters = View { tab: Tab::Reader, ..s.view.clone() };
    let derived = use_memo((s.index.clone(), filters), |(index, view)| {
        let t0 = wiring::now();
        let d = index.as_ref().map(|ix| Rc::new(ix.derive(view)));
        wiring::record_timing("deriveMs", wiring::now() - t0);
        d
    });
    // How long a render of the page takes, to the moment its effects run (after the DOM is updated).
    let render_start = wiring::now();
    use_effect(move || wiring::record_timing("renderMs", wiring::now() - render_start));
    let facets = use_memo((s.index.clone(), (*derived).clone(), view.clone()), |(ix, d, view)| match (ix, d) {
        (Some(ix), Some(d)) => Some(facet_items(ix, d, view)),
        _ => None,
    });
    wiring::record_first_render(&h, derived.is_some(), s.analysis_ms);

    let dispatch = |a: fn(String) -> Action| {
        let d = store.dispatcher();
        Callback::from(move |x: String| d.dispatch(a(x)))
    };
    let clear = |a: Action| {
        let d = store.dispatcher();
        Callback::from(move |_| d.dispatch(a.clone()))
    };
    let on_speaker = dispatch(Action::ToggleSpeaker);
    let on_correct = {
        let d = store.dispatcher();
        Callback::from(move |c| d.dispatch(Action::Correct(c)))
    };
    let on_filters = {
        let open = sheet_open.clone();
        Callback::from(move |load: bool| {
            if narrow {
                open.set(true);
            }
            if load {
                // After the sheet has opened (the effect runs after this render).
                gloo::timers::callback::Timeout::new(0, || focus_by_id("file-input")).forget();
            }
        })
    };
    let on_close_sheet = {
        let open = sheet_open.clone();
        Callback::from(move |_| open.set(false))
    };

    let summary_text = match (&s.index, &s.status) {
        (Some(ix), Status::Analysing { .. }) => format!("{} · analysing new files…", summary(ix)),
        (Some(ix), _) => summary(ix),
        (None, Status::Failed(m)) => format!("The analysis failed: {m}"),
        (None, _) => "Analysing the articles…".to_string(),
    };
    let builtin = !s.inputs.is_empty() && s.inputs.iter().all(|i| i.builtin);
    let progress = match &s.status {
        Status::Analysing { fraction, stage } => Some((*fraction, stage.clone())),
        _ => None,
    };
    let side_content = {
        let load = html! {
            <Load n_inputs={s.inputs.len()} n_articles={s.index.as_ref().map(|ix| ix.analysis.articles.len())}
                n_failed={s.errors.len()} {builtin} on_files={h.on_files.clone()} on_paste={h.on_paste.clone()}
                on_builtin={h.on_builtin.clone()} progress={progress.clone()} />
        };
        let lists = match facets.as_ref() {
            Some((speakers, countries)) => html! {
                <div class="sidebar">
                    <Facet area="speakers" title="Speakers" noun="quotations" find="Find a speaker" items={speakers.clone()} on_toggle={on_speaker.clone()} on_clear={clear(Action::ClearSpeakers)} />
                    <Facet area="countries" title="Countries" noun="mentions" find="Find a country" items={countries.clone()} on_toggle={dispatch(Action::ToggleCountry)} on_clear={clear(Action::ClearCountries)} />
                </div>
            },
            None => html! {},
        };
        let describe = match (&s.index, &s.full) {
            (Some(ix), Some(full)) => {
                let (full, d) = (full.clone(), store.dispatcher());
                let on_apply = Callback::from(move |text: String| {
                    let (rows, problems) = crate::state::metadata::read(&text, &full);
                    d.dispatch(Action::DescribeArticles(rows, problems));
                });
                html! { <DescribeArticles index={ix.clone()} {on_apply} /> }
            }
            _ => html! {},
        };
        html! { <>{ load }{ describe }{ lists }</> }
    };
    let side = if narrow {
        html! { <Sheet open={*sheet_open} on_close={on_close_sheet}>{ side_content }</Sheet> }
    } else {
        html! { <aside class="side" aria-label="Articles and filters">{ side_content }</aside> }
    };

    let main = match (&s.index, derived.as_ref()) {
        (Some(ix), Some(d)) => {
            let on_bar = {
                let ix = ix.clone();
                let d = store.dispatcher();
                Callback::from(move |e: usize| {
                    let ent = &ix.analysis.entities[e];
                    let action = match ent.kind {
                        EntityKind::Country if ix.has_country(&ent.name) => Action::ToggleCountry(ent.name.clone()),
                        _ if ix.has_speaker(&ent.name) => Action::ToggleSpeaker(ent.name.clone()),
                        _ => Action::SetQuery(ent.name.clone()),
                    };
                    d.dispatch(action);
                })
            };
            let on_article = {
                let d = store.dispatcher();
                Callback::from(move |a: Option<String>| d.dispatch(Action::SetArticle(a)))
            };
            let on_kind = {
                let d = store.dispatcher();
                Callback::from(move |k: EntityKind| d.dispatch(Action::ToggleKind(k)))
            };
            let panel = match s.view.tab {
                Tab::Reader => {
                    let d2 = store.dispatcher();
                    let on_rename = Callback::from(move |(article, name): (String, String)| {
                        d2.dispatch(Action::RenameOutlet { article, name })
                    });
                    html! { <Reader index={ix.clone()} derived={d.clone()} view={view.clone()} {on_article} {on_rename} on_correct={on_correct.clone()} /> }
                }
                Tab::Quotes => {
                    html! { <Quotes index={ix.clone()} derived={d.clone()} view={view.clone()} on_speaker={on_speaker.clone()} on_correct={on_correct.clone()} /> }
                }
                Tab::Chart => {
                    html! { <Chart index={ix.clone()} derived={d.clone()} view={view.clone()} {on_bar} {on_kind} /> }
                }
                Tab::Story => html! { <Story index={ix.clone()} derived={d.clone()} view={view.clone()} /> },
                Tab::Clusters => html! { <Clusters index={ix.clone()} derived={d.clone()} view={view.clone()} /> },
                Tab::Matrix => {
                    let d2 = store.dispatcher();
                    let on_sort = Callback::from(move |s: MatrixSort| d2.dispatch(Action::SetSort(s)));
                    html! { <MatrixView index={ix.clone()} derived={d.clone()} view={view.clone()} {on_sort} /> }
                }
                Tab::Gaps => html! { <Gaps index={ix.clone()} view={view.clone()} /> },
            };
            let on_story = {
                let d = store.dispatcher();
                Callback::from(move |st: Option<String>| d.dispatch(Action::SetStory(st)))
            };
            let on_tab = {
                let d = store.dispatcher();
                Callback::from(move |t: Tab| d.dispatch(Action::SetTab(t)))
            };
            html! {
                <main id="panel" class="main" tabindex="-1">
                    <NotLoaded errors={s.errors.clone()} />
                    if let Some(full) = &s.full {
                        <StoryPicker full={full.clone()} current={s.view.story.clone()} {on_story} />
                    }
                    <Chips chips={chips(s, ix, &store.dispatcher())} on_clear={clear(Action::ClearAll)} />
                    if let Some(full) = &s.full {
                        <CorrectionsList full={full.clone()} corrections={s.view.corrections.clone()} problems={s.correction_problems.clone()}
                            on_undo={{ let d = store.dispatcher(); Callback::from(move |i| d.dispatch(Action::Undo(i))) }}
                            on_download={{
                                let (c, d) = (s.view.corrections.clone(), store.dispatcher());
                                Callback::from(move |_| if let Err(e) = wiring::download_corrections(&c) {
                                    d.dispatch(Action::Notice(format!("The download failed: {e}")));
                                })
                            }}
                            on_open={{ let d = store.dispatcher(); Callback::from(move |f| wiring::open_corrections(f, d.clone())) }} />
                    }
                    <Tabs current={s.view.tab} on_select={on_tab} />
                    <div role="tabpanel" id="tabpanel" aria-labelledby={format!("tab-{}", s.view.tab.as_str())} class="panel">{ panel }</div>
                </main>
            }
        }
        _ => html! {
            <main id="panel" class="main" tabindex="-1">
                <NotLoaded errors={s.errors.clone()} />
                <p class="empty" role="status">{ summary_text.clone() }</p>
            </main>
        },
    };
    let n_filters = s.view.speakers.len() + s.view.countries.len();
    html! {
        <div class={classes!("app", narrow.then_some("narrow"))}>
            <a class="skip" href="#panel">{ "Skip to the articles" }</a>
            <OutletDefs />
            <Header summary={summary_text.clone()} intro={builtin.then_some(AttrValue::from(BUILTIN_INTRO))} query={s.view.q.clone()}
                on_query={dispatch(Action::SetQuery)} on_copy_link={h.on_copy_link.clone()} on_export={h.on_export.clone()}
                copied={h.copied} ready={s.index.is_some()} {n_filters} filters_open={*sheet_open} {narrow} {on_filters} />
            <Notices notices={s.notices.clone()} on_dismiss={h.on_dismiss.clone()} />
            if let Some(chars) = s.link_too_large {
                <section class="notice link-too-large" role="alert">
                    <p>{ format!("This corpus is too large for a link: the link would be {chars} characters long, and links made here are limited to {} characters (mail and chat programs cut longer ones). Download it instead as a file this page opens (drop it on the page or pick it with “Add files”); it keeps the current view.", crate::share::LINK_LIMIT) }</p>
                    <button onclick={{
                        let full = s.full.clone();
                        let view = s.view.clone();
                        let d = store.dispatcher();
                        Callback::from(move |_| {
                            if let Some(full) = &full {
                                if let Err(e) = wiring::download_analysis(full, &view) {
                                    d.dispatch(Action::Notice(format!("The download failed: {e}")));
                                }
                            }
                            d.dispatch(Action::LinkTooLarge(None));
                        })
                    }}>{ "Download the corpus" }</button>
                    <button class="link-button" onclick={{ let d = store.dispatcher(); Callback::from(move |_: MouseEvent| d.dispatch(Action::LinkTooLarge(None))) }}>{ "Dismiss" }</button>
                </section>
            }
            <div class="layout">
                { side }
                { main }
            </div>
            <footer class="foot">
                <p>{ "Keys: " }<kbd>{ "/" }</kbd>{ " search · " }<kbd>{ "j" }</kbd>{ " / " }<kbd>{ "k" }</kbd>{ " next / previous article · arrow keys move between the names marked in an article and between the views · " }<kbd>{ "Esc" }</kbd>{ " clears the text of a search box, then the choices of the list in focus. Everything runs in your browser; nothing is uploaded." }</p>
            </footer>
        </div>
    }
}

/// Inputs: own articles replace the built-in example; further ones join them.
pub fn with_new(current: &[InputFile], new: Vec<InputFile>) -> Vec<InputFile> {
    let mut all: Vec<InputFile> = current.iter().filter(|i| !i.builtin).cloned().collect();
    all.extend(new);
    all
}
