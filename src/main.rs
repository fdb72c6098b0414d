//! Mounts the newsprism explorer on the page; analyses run in the worker trunk builds beside it.

#[cfg(target_arch = "wasm32")]
fn main() {
    use newsprism::app::{App, AppProps};
    use newsprism::effects::analyzer::Analyzer;
    let props = AppProps { analyzer: Analyzer::Worker("./newsprism-worker_loader.js".into()) };
    yew::Renderer::<App>::with_props(props).render();
}

/// Natively (a newcomer's `cargo run` at the workspace root) there is no page to mount: say what to run.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!(
        "newsprism's explorer is a web page built for the browser; serve it with ./scripts/serve\n\
         (http://127.0.0.1:8080/). The command line is the core's:\n\n  \
         cargo run --release -p newsprism-core -- analyze --format text www/corpus/*.txt\n  \
         cargo run --release -p newsprism-core -- --help"
    );
}
