//! Browser tests of the app's components, run in headless Chromium by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use tcop_assessor::browser::panic;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|window| window.document())
        .expect("a document")
}

/// Lets the browser deliver events and the app re-render.
async fn settle(milliseconds: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, milliseconds);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn text_of(selector: &str) -> String {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|element| element.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_app_mounts_and_an_empty_name_gets_the_error_summary() {
    let root = document().create_element("div").expect("div");
    root.set_id(panic::APP_ROOT_ID);
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("appended");
    let _ = web_sys::window().expect("window").location().set_hash("#/");

    tcop_assessor::ui::mount();
    settle(50).await;
    assert!(text_of("h1").contains("Technology Code of Practice"));

    let _ = web_sys::window()
        .expect("window")
        .location()
        .set_hash("#/new");
    settle(100).await;
    assert_eq!(text_of("h1"), "Start a new assessment");

    let form = document()
        .query_selector("form")
        .ok()
        .flatten()
        .and_then(|form| form.dyn_into::<web_sys::HtmlFormElement>().ok())
        .expect("a form");
    form.request_submit().expect("submitted");
    settle(100).await;
    let summary = text_of(".govuk-error-summary");
    assert!(summary.contains("There is a problem"), "{summary}");
    assert!(summary.contains("Select the framework you are assessing against"));
    assert!(summary.contains("Enter the name of the project or programme"));
    assert!(document().title().starts_with("Error: "));
}

#[wasm_bindgen_test]
fn the_panic_screen_replaces_the_app_with_a_readable_message() {
    let root = document().create_element("div").expect("div");
    root.set_id("panic-test-root");
    document()
        .body()
        .expect("body")
        .append_child(&root)
        .expect("appended");
    // The screen looks for the app root; give it one to replace.
    let app = document().create_element("div").expect("div");
    app.set_id(panic::APP_ROOT_ID);
    app.set_text_content(Some("the app"));
    root.append_child(&app).expect("appended");

    panic::show("index out of bounds <script>");

    let shown = document()
        .get_element_by_id(panic::APP_ROOT_ID)
        .and_then(|element| element.text_content())
        .unwrap_or_default();
    assert!(shown.contains("Sorry, something went wrong"));
    assert!(shown.contains("The work saved so far is safe in this browser"));
    assert!(shown.contains("Reload the page"));
    // The detail is shown as text, never as markup.
    assert!(shown.contains("index out of bounds <script>"));
    assert!(!shown.contains("the app"));
}
