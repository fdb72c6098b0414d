//! Mounts the newsprism explorer on the page.

fn main() {
    yew::Renderer::<newsprism::app::App>::new().render();
}
