//! The articles: headline, outlet, dateline, then the blocks the filters keep, with the rest folded.

use std::rc::Rc;

use newsprism_core::model::BlockKind;
use yew::prelude::*;

use crate::components::text::BlockText;
use crate::route::View;
use crate::state::{Derived, Index};

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub index: Rc<Index>,
    pub derived: Rc<Derived>,
    pub view: Rc<View>,
    pub on_article: Callback<Option<String>>,
}

/// Articles rendered at first, and added by each "show more": big corpora stay quick to draw.
pub const PAGE: usize = 25;

#[function_component]
pub fn Reader(props: &ReaderProps) -> Html {
    let ix = &props.index;
    let limit = use_state(|| PAGE);
    let shown: Vec<usize> = (0..ix.analysis.articles.len()).filter(|&a| props.derived.article_visible[a]).collect();
    if shown.is_empty() {
        return html! { <p class="empty" role="status">{ "No paragraph matches these filters." }</p> };
    }
    let articles = shown.iter().take(*limit).map(|&a| {
        html! { <ArticleView key={ix.analysis.articles[a].id.clone()} index={ix.clone()} derived={props.derived.clone()} view={props.view.clone()} article={a} on_article={props.on_article.clone()} /> }
    });
    let more = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(*limit + PAGE))
    };
    let rest = shown.len().saturating_sub(*limit);
    html! {
        <div class="reader">
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
}

#[function_component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let ix = &props.index;
    let a = &ix.analysis.articles[props.article];
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
        body.push(
            html! { <p class={class} key={u}><BlockText index={ix.clone()} unit={u} view={props.view.clone()} /></p> },
        );
    }
    flush(&mut hidden, &mut body);
    let only_this = props.view.article.as_deref() == Some(a.id.as_str());
    let toggle = {
        let cb = props.on_article.clone();
        let id = a.id.clone();
        Callback::from(move |_| cb.emit(if only_this { None } else { Some(id.clone()) }))
    };
    let outlet = a.source.rsplit(['/', '\\']).next().unwrap_or(&a.source).to_string();
    html! {
        <article class="article" id={format!("article-{}", a.id)} tabindex="-1" aria-label={title.clone()}>
            <header>
                <h2 class="headline">{ title }</h2>
                <p class="meta">
                    <span class="source">{ outlet }</span>
                    if let Some(d) = &a.dateline { <span class="dateline">{ d.clone() }</span> }
                    if let Some(p) = &a.published { <span class="published">{ p.clone() }</span> }
                    <button class="link-button" onclick={toggle} aria-pressed={only_this.to_string()}>
                        { if only_this { "Show all articles" } else { "Only this article" } }
                    </button>
                </p>
            </header>
            { for body }
        </article>
    }
}
