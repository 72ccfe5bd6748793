//! Drafts kept in the browser's localStorage, one key per assessment, each holding the same JSON
//! document as a downloaded file.
//!
//! The tool touches only keys under its own prefix (never `localStorage.clear()`), because other
//! apps on the same origin keep their data there too. Web-sys is used directly rather than
//! gloo-storage, which panics when storage is blocked and hides the quota error.

use crate::core::assessment::Assessment;
use crate::core::codec::document::{self, DocumentError, NotKeepable};

/// The key of each saved assessment's document starts with this.
pub const DRAFT_PREFIX: &str = "tcop-assessor:draft:";
/// The key of when each assessment last changed (milliseconds since 1970) starts with this. It is
/// kept beside the document so that the document stays exactly the downloadable format.
pub const CHANGED_PREFIX: &str = "tcop-assessor:changed:";

/// The assessment ID in a draft's key, or `None` for any other key (the change times, or
/// another app's).
pub fn draft_id(key: &str) -> Option<&str> {
    key.strip_prefix(DRAFT_PREFIX)
}

/// The browser's storage, if it lets us use it (it may not in private modes or some iframes).
pub fn local() -> Option<web_sys::Storage> {
    let storage = web_sys::window()?.local_storage().ok().flatten()?;
    // Some browsers hand out a storage object that refuses every write: find out now.
    let probe = "tcop-assessor:probe";
    storage.set_item(probe, "1").ok()?;
    storage.remove_item(probe).ok()?;
    Some(storage)
}

/// One saved draft's text and change time, as found in storage, before it is read.
pub struct StoredText {
    pub id: String,
    pub text: String,
    /// When it last changed, if known (milliseconds since 1970).
    pub changed: Option<f64>,
}

/// Every saved draft's text and change time. Nothing is parsed: reading the documents is the
/// costly part, so the caller chooses which to read first.
pub fn list(storage: &web_sys::Storage) -> Vec<StoredText> {
    let count = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..count)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| draft_id(key).is_some())
        .collect();
    keys.into_iter()
        .filter_map(|key| {
            let text = storage.get_item(&key).ok().flatten()?;
            let id = draft_id(&key)?.to_owned();
            let changed = changed(storage, &id);
            Some(StoredText { id, text, changed })
        })
        .collect()
}

/// What was read from storage.
#[derive(Default)]
pub struct Loaded {
    pub drafts: Vec<Stored>,
    /// Entries that could not be read, with why. They are left exactly as they are.
    pub unreadable: Vec<(String, DocumentError)>,
}

/// One saved draft as read from storage.
pub struct Stored {
    pub id: String,
    pub assessment: Assessment,
    /// When it last changed, if known (milliseconds since 1970).
    pub changed: Option<f64>,
}

/// Reads stored drafts. One unreadable entry never stops the others from loading.
pub fn read(texts: Vec<StoredText>) -> Loaded {
    let mut loaded = Loaded::default();
    for StoredText { id, text, changed } in texts {
        match document::from_json(&text) {
            Ok(imported) => loaded.drafts.push(Stored {
                id,
                assessment: imported.assessment,
                changed,
            }),
            Err(error) => loaded.unreadable.push((id, error)),
        }
    }
    loaded
}

/// When a draft last changed, as saved beside it.
pub fn changed(storage: &web_sys::Storage, id: &str) -> Option<f64> {
    storage
        .get_item(&format!("{CHANGED_PREFIX}{id}"))
        .ok()
        .flatten()
        // Whole milliseconds, written as an integer: printing an f64 would pull float-formatting
        // code into the app.
        .and_then(|text| text.parse::<u64>().ok())
        .map(|millis| millis as f64)
}

/// Why a save did not happen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The browser refused the write: usually the storage for this site is full.
    Refused,
    /// The assessment could not be read back as it is (a text over its limit, or too large),
    /// so it was not written: the version saved before stays.
    NotKeepable(NotKeepable),
}

/// Saves one draft and when it changed.
pub fn save(
    storage: &web_sys::Storage,
    id: &str,
    assessment: &Assessment,
    changed: Option<f64>,
) -> Result<(), SaveError> {
    let json = document::to_keepable_json(assessment).map_err(SaveError::NotKeepable)?;
    storage
        .set_item(&format!("{DRAFT_PREFIX}{id}"), &json)
        .map_err(|_| SaveError::Refused)?;
    if let Some(changed) = changed {
        storage
            .set_item(
                &format!("{CHANGED_PREFIX}{id}"),
                &(changed.max(0.0) as u64).to_string(),
            )
            .map_err(|_| SaveError::Refused)?;
    }
    Ok(())
}

/// Removes one draft and its change time. Only the tool's own keys are touched.
pub fn remove(storage: &web_sys::Storage, id: &str) -> Result<(), SaveError> {
    storage
        .remove_item(&format!("{DRAFT_PREFIX}{id}"))
        .and_then(|()| storage.remove_item(&format!("{CHANGED_PREFIX}{id}")))
        .map_err(|_| SaveError::Refused)
}
