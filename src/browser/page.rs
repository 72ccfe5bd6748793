//! The page itself: its address, title, focus, the date and random IDs.

use wasm_bindgen::JsCast;

use crate::core::assessment::DateParts;
use crate::core::route::Route;

/// The route in the address bar now.
pub fn current_route() -> Route {
    let fragment = web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default();
    Route::parse(&fragment)
}

/// Goes to another page of the tool (the `hashchange` event does the rest).
pub fn navigate(route: &Route) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(&route.href());
    }
}

/// Sets the browser tab's title, so that every page has a distinct, meaningful title.
pub fn set_title(heading: &str) {
    if let Some(document) = web_sys::window().and_then(|window| window.document()) {
        document.set_title(&format!("{heading} - TCoP Assessor"));
    }
}

/// Moves keyboard and screen-reader focus to an element by its id. Used after a page change and
/// for error summary links, which must not change the route.
pub fn focus(id: &str) -> bool {
    let element = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.get_element_by_id(id))
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok());
    match element {
        Some(element) => element.focus().is_ok(),
        None => false,
    }
}

/// Today's date in the person's own time zone, for the date fields.
pub fn today() -> DateParts {
    let now = js_sys::Date::new_0();
    DateParts {
        day: now.get_date().to_string(),
        month: (now.get_month() + 1).to_string(),
        year: now.get_full_year().to_string(),
    }
}

/// A new random ID for a saved assessment: 16 hex digits (64 bits), from the browser's
/// cryptographic random source, which (unlike `randomUUID`) works on plain-HTTP intranets too.
pub fn new_id() -> String {
    let mut bytes = [0u8; 8];
    let filled = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // No crypto object: fall back to the clock and Math.random, which is unique enough for
        // naming drafts in one browser.
        let mixed = js_sys::Date::now().to_bits() ^ (js_sys::Math::random() * 2f64.powi(52)) as u64;
        bytes = mixed.to_le_bytes();
    }
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// Opens the browser's print dialogue (which also offers "Save as PDF").
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}
