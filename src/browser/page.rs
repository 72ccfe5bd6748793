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

/// Today's date in the person's own time zone as `YYYY-MM-DD`: what overdue actions and report
/// dates are counted from.
pub fn today_iso() -> String {
    local_time(now_millis()).0
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

/// The time now, in milliseconds since 1970.
pub fn now_millis() -> f64 {
    js_sys::Date::now()
}

/// A moment in the person's own time zone: its ISO date and its clock time ("14:02").
pub fn local_time(millis: f64) -> (String, String) {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(millis));
    let iso = format!(
        "{:04}-{:02}-{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    );
    let clock = format!("{:02}:{:02}", date.get_hours(), date.get_minutes());
    (iso, clock)
}

/// The page's own address without its fragment: what a share link is built on.
pub fn address_without_fragment() -> String {
    let href = web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default();
    match href.split_once('#') {
        Some((address, _)) => address.to_owned(),
        None => href,
    }
}

/// Reads a property of a browser object that may be missing: `navigator.storage` and
/// `navigator.clipboard` exist only on HTTPS pages (and localhost), and intranets are often plain
/// HTTP. Calling through a missing one would throw inside the wasm.
fn optional_property(object: &wasm_bindgen::JsValue, name: &str) -> Option<wasm_bindgen::JsValue> {
    js_sys::Reflect::get(object, &wasm_bindgen::JsValue::from_str(name))
        .ok()
        .filter(|value| !value.is_undefined() && !value.is_null())
}

/// Asks the browser to keep this site's storage rather than clear it when space runs low. The
/// answer does not change what the tool does, so it is not waited for.
pub fn ask_to_keep_storage() {
    let Some(navigator) = web_sys::window().map(|window| window.navigator()) else {
        return;
    };
    if let Some(manager) = optional_property(&navigator, "storage") {
        let manager: web_sys::StorageManager = manager.unchecked_into();
        if let Ok(promise) = manager.persist() {
            // A refusal is fine: the banner and downloads cover that case.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
        }
    }
}

/// Puts text on the clipboard. `false` when the browser has no clipboard for this page or
/// refuses, in which case the page shows the text for the person to copy.
pub async fn copy_to_clipboard(text: &str) -> bool {
    let Some(navigator) = web_sys::window().map(|window| window.navigator()) else {
        return false;
    };
    let Some(clipboard) = optional_property(&navigator, "clipboard") else {
        return false;
    };
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}
