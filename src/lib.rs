//! TCoP Assessor: a self-assessment against the Technology Code of Practice and related
//! standards that runs entirely in the browser.

/// The thin browser layer: address, title and focus, clock, random IDs, the panic screen.
pub mod browser;
/// Frameworks, the assessment document, scoring and routes: pure Rust, tested natively.
pub mod core;
/// The Leptos pages and components.
pub mod ui;

/// Starts the app: the panic screen first, so that any later failure is shown in the page.
pub fn start() {
    browser::panic::install();
    ui::mount();
}
