//! Entry point of the analysis worker (built by trunk as a web worker).

fn main() {
    newsprism::worker::run();
}
