//! The `newsprism` command line: analyse articles, and train and evaluate the models. Native only: in the
//! browser the page's worker runs the same core entry point.

#[cfg(not(target_arch = "wasm32"))]
mod analyze;
#[cfg(not(target_arch = "wasm32"))]
mod bench;
#[cfg(not(target_arch = "wasm32"))]
mod cli;
#[cfg(not(target_arch = "wasm32"))]
mod clusters;
#[cfg(not(target_arch = "wasm32"))]
mod confidence;
#[cfg(not(target_arch = "wasm32"))]
mod entities;
#[cfg(not(target_arch = "wasm32"))]
mod gate;
#[cfg(not(target_arch = "wasm32"))]
mod hostile;
#[cfg(not(target_arch = "wasm32"))]
mod ner;
#[cfg(not(target_arch = "wasm32"))]
mod quotes;

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    cli::main()
}

/// The command line reads files; under wasm (where `cargo test` still builds every binary) it does nothing.
#[cfg(target_arch = "wasm32")]
fn main() {}
