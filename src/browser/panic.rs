//! What a person sees if the tool itself fails: a readable message in the page, in place of a
//! blank or frozen screen, with a way to reload. It uses plain DOM calls, not the UI framework,
//! because the framework may be what failed.

use std::panic::PanicHookInfo;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the element the app is mounted in; the message replaces its contents.
pub const APP_ROOT_ID: &str = "app";

/// Installs the panic hook. Call once, first thing.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let detail = describe(info);
        // Kept in the console for whoever investigates; the tests watch for this prefix too.
        web_sys::console::error_1(&format!("TCoP Assessor panicked: {detail}").into());
        show(&detail);
    }));
}

fn describe(info: &PanicHookInfo<'_>) -> String {
    let message = info
        .payload()
        .downcast_ref::<&str>()
        .map(|text| (*text).to_owned())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "no message".to_owned());
    match info.location() {
        Some(location) => format!("{message} ({}:{})", location.file(), location.line()),
        None => message,
    }
}

/// Replaces the app with the error message (public so the browser tests can check it). Every step is allowed to fail silently: there is no
/// one left to report to.
pub fn show(detail: &str) {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let Some(root) = document
        .get_element_by_id(APP_ROOT_ID)
        .or_else(|| document.body().map(Into::into))
    else {
        return;
    };
    let element = |tag: &str, class: &str, text: &str| {
        let node = document.create_element(tag).ok()?;
        node.set_class_name(class);
        node.set_text_content(Some(text));
        Some(node)
    };

    let Some(container) = element("div", "govuk-width-container app-fatal", "") else {
        return;
    };
    container.set_attribute("role", "alert").ok();
    let parts = [
        element("h1", "govuk-heading-l", "Sorry, something went wrong"),
        element(
            "p",
            "govuk-body",
            "The tool hit an error it could not recover from.",
        ),
        element(
            "p",
            "govuk-body",
            "The work saved so far is safe in this browser. Reload the page to carry on from your last save.",
        ),
        reload_button(&document),
        element("h2", "govuk-heading-s", "Technical details"),
        element("pre", "govuk-body-s", detail),
    ];
    for part in parts.into_iter().flatten() {
        let _ = container.append_child(&part);
    }
    root.set_text_content(None);
    let _ = root.append_child(&container);
    if let Ok(heading) = container.first_element_child().ok_or(()) {
        heading.set_attribute("tabindex", "-1").ok();
        if let Ok(heading) = heading.dyn_into::<web_sys::HtmlElement>() {
            let _ = heading.focus();
        }
    }
}

fn reload_button(document: &web_sys::Document) -> Option<web_sys::Element> {
    let button = document.create_element("button").ok()?;
    button.set_class_name("govuk-button");
    button.set_attribute("type", "button").ok()?;
    button.set_text_content(Some("Reload the page"));
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    button
        .add_event_listener_with_callback("click", reload.as_ref().unchecked_ref())
        .ok()?;
    // The button lives until the page reloads, so its handler must too.
    reload.forget();
    Some(button)
}
