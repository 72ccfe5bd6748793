//! Files in and out: saving a download and reading a file the person chose or dropped.

use std::fmt;

use wasm_bindgen::{JsCast, JsValue};

use crate::core::codec::{self, OpenError};

/// Why a download could not be started.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DownloadError {
    /// The browser would not make the file (no document, or Blob/URL refused).
    NotMade,
}

impl fmt::Display for DownloadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("This browser would not save the file. If the tool is embedded in another page, open it in its own tab and try again.")
    }
}

/// How long a download's blob is kept before it is released.
const RELEASE_AFTER_MS: i32 = 60_000;

/// Saves text as a file in the person's downloads, without any request: the file is made in the
/// browser from a `blob:` address of this page's own origin.
pub fn download(file_name: &str, mime_type: &str, contents: &str) -> Result<(), DownloadError> {
    let document = web_sys::window()
        .and_then(|window| window.document())
        .ok_or(DownloadError::NotMade)?;
    let parts = js_sys::Array::of1(&JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| DownloadError::NotMade)?;
    let address =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| DownloadError::NotMade)?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| DownloadError::NotMade)?
        .unchecked_into();
    link.set_href(&address);
    link.set_download(file_name);
    link.set_hidden(true);
    let body = document.body().ok_or(DownloadError::NotMade)?;
    body.append_child(&link)
        .map_err(|_| DownloadError::NotMade)?;
    link.click();
    link.remove();
    // Releasing the blob frees its memory, but releasing it at once may cancel a download that
    // the browser starts after the click returns (some browsers are reported to), so it is
    // released a minute later.
    let release = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&address);
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
            release.unchecked_ref(),
            RELEASE_AFTER_MS,
        );
    }
    Ok(())
}

/// Why a chosen file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Refused before reading a byte of it (larger than any assessment file can be).
    Refused(OpenError),
    /// The browser could not read it (moved, deleted or unreadable).
    Unreadable,
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Refused(error) => write!(f, "{error}"),
            ReadError::Unreadable => f.write_str(
                "The selected file could not be read. It may have been moved or deleted: select it again.",
            ),
        }
    }
}

/// Reads a chosen file's bytes, refusing one over the size limit before reading it.
pub async fn read(file: &web_sys::File) -> Result<Vec<u8>, ReadError> {
    // Sizes are whole numbers of bytes (an f64 in JavaScript); the cast saturates.
    codec::check_size(file.size() as usize).map_err(ReadError::Refused)?;
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ReadError::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
