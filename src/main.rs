//! Mounts the newsprism explorer on the page; analyses run in the worker trunk builds beside it.

use newsprism::app::{App, AppProps};
use newsprism::effects::analyzer::Analyzer;

fn main() {
    let props = AppProps { analyzer: Analyzer::Worker("./newsprism-worker_loader.js".into()) };
    yew::Renderer::<App>::with_props(props).render();
}
