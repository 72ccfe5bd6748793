//! Drafts kept in the browser's localStorage, one key per assessment, each holding the same JSON
//! document as a downloaded file.
//!
//! The tool touches only keys under its own prefix (never `localStorage.clear()`), because other
//! apps on the same origin keep their data there too. Web-sys is used directly rather than
//! gloo-storage, which panics when storage is blocked and hides the quota error.

use crate::core::assessment::Assessment;
use crate::core::codec::document::{self, DocumentError};

/// Every key this tool writes starts with this.
pub const DRAFT_PREFIX: &str = "tcop-assessor:draft:";

/// The browser's storage, if it lets us use it (it may not in private modes or some iframes).
pub fn local() -> Option<web_sys::Storage> {
    let storage = web_sys::window()?.local_storage().ok().flatten()?;
    // Some browsers hand out a storage object that refuses every write: find out now.
    let probe = "tcop-assessor:probe";
    storage.set_item(probe, "1").ok()?;
    storage.remove_item(probe).ok()?;
    Some(storage)
}

/// What was found in storage.
#[derive(Default)]
pub struct Loaded {
    pub drafts: Vec<(String, Assessment)>,
    /// Entries that could not be read, with why. They are left exactly as they are.
    pub unreadable: Vec<(String, DocumentError)>,
}

/// Reads every saved draft. One unreadable entry never stops the others from loading.
pub fn load_all(storage: &web_sys::Storage) -> Loaded {
    let mut loaded = Loaded::default();
    let count = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..count)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(DRAFT_PREFIX))
        .collect();
    for key in keys {
        let id = key[DRAFT_PREFIX.len()..].to_owned();
        let Some(text) = storage.get_item(&key).ok().flatten() else {
            continue;
        };
        match document::from_json(&text) {
            Ok(imported) => loaded.drafts.push((id, imported.assessment)),
            Err(error) => loaded.unreadable.push((id, error)),
        }
    }
    loaded
        .drafts
        .sort_by(|a, b| a.1.details.name.cmp(&b.1.details.name));
    loaded
}

/// Why a save did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SaveError {
    /// The browser refused the write: usually the storage for this site is full.
    Refused,
}

/// Saves one draft.
pub fn save(
    storage: &web_sys::Storage,
    id: &str,
    assessment: &Assessment,
) -> Result<(), SaveError> {
    storage
        .set_item(
            &format!("{DRAFT_PREFIX}{id}"),
            &document::to_json(assessment),
        )
        .map_err(|_| SaveError::Refused)
}
