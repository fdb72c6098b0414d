//! One article: headline, source, dateline, captions and paragraphs, as text nodes.

use std::rc::Rc;

use newsprism_core::parse::layout::BlockKind;
use newsprism_core::Article;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub article: Rc<Article>,
}

#[function_component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let a = &props.article;
    let title = a.headline.clone().unwrap_or_else(|| a.source.clone());
    let blocks = a.blocks.iter().filter_map(|b| {
        let text = b.span().of(&a.text).to_string();
        match b.kind {
            BlockKind::Paragraph => Some(html! { <p class="paragraph">{ text }</p> }),
            BlockKind::Caption => Some(html! { <p class="caption">{ text }</p> }),
            BlockKind::Credit => Some(html! { <p class="credit">{ text }</p> }),
            BlockKind::Headline | BlockKind::Dateline | BlockKind::Boilerplate => None,
        }
    });
    html! {
        <article class="article" id={format!("article-{}", a.id)} aria-label={title.clone()}>
            <header>
                <h2 class="headline">{ title }</h2>
                <p class="meta">
                    <span class="source">{ a.source.clone() }</span>
                    if let Some(d) = &a.dateline { <span class="dateline">{ d.clone() }</span> }
                </p>
            </header>
            { for blocks }
        </article>
    }
}
