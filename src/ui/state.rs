//! The state the pages share: the assessments kept in this browser and the person's settings.
//! One signal holds the assessments; pages read and change them through these methods, and the
//! scoring and checking stay in the core.

use leptos::prelude::*;

use crate::browser::{page, storage};
use crate::core::assessment::Assessment;

/// One saved assessment with its local ID.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub id: String,
    pub assessment: Assessment,
}

/// Whether the person's work is being kept in the browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keeping {
    /// Every change is saved in this browser.
    Saved,
    /// The browser does not let the tool store anything: work lives only in this tab.
    Unavailable,
    /// The last save was refused (usually because storage is full).
    Refused,
}

/// Everything the pages share, provided as context by the app.
#[derive(Clone, Copy)]
pub struct AppState {
    drafts: RwSignal<Vec<Draft>>,
    storage: StoredValue<Option<web_sys::Storage>, LocalStorage>,
    pub keeping: RwSignal<Keeping>,
    /// How many saved entries could not be read (left untouched).
    pub unreadable: RwSignal<usize>,
    /// Answer every point on one long page instead of a page per point.
    pub one_page: RwSignal<bool>,
}

impl AppState {
    /// The state with every draft saved in this browser.
    pub fn load_from_browser() -> AppState {
        let local = storage::local();
        let loaded = local.as_ref().map(storage::load_all).unwrap_or_default();
        AppState {
            drafts: RwSignal::new(
                loaded
                    .drafts
                    .into_iter()
                    .map(|(id, assessment)| Draft { id, assessment })
                    .collect(),
            ),
            keeping: RwSignal::new(if local.is_some() {
                Keeping::Saved
            } else {
                Keeping::Unavailable
            }),
            unreadable: RwSignal::new(loaded.unreadable.len()),
            storage: StoredValue::new_local(local),
            one_page: RwSignal::new(false),
        }
    }

    /// Saves one draft straight away, so that nothing typed can be lost to a reload.
    fn persist(&self, id: &str) {
        let saved = self.storage.with_value(|local| {
            local.as_ref().map(|local| {
                self.with_untracked(id, |assessment| {
                    storage::save(local, id, assessment).is_ok()
                })
                .unwrap_or(true)
            })
        });
        let keeping = match saved {
            None => Keeping::Unavailable,
            Some(true) => Keeping::Saved,
            Some(false) => Keeping::Refused,
        };
        if self.keeping.get_untracked() != keeping {
            self.keeping.set(keeping);
        }
    }

    /// Keeps a new assessment and returns its ID.
    pub fn add(&self, assessment: Assessment) -> String {
        let id = page::new_id();
        self.drafts.update(|drafts| {
            drafts.push(Draft {
                id: id.clone(),
                assessment,
            })
        });
        self.persist(&id);
        id
    }

    /// Reads one assessment (reactively), or `None` when there is no such ID.
    pub fn with<R>(&self, id: &str, read: impl FnOnce(&Assessment) -> R) -> Option<R> {
        self.drafts.with(|drafts| {
            drafts
                .iter()
                .find(|draft| draft.id == id)
                .map(|draft| read(&draft.assessment))
        })
    }

    /// Reads one assessment without subscribing to its changes: for initial values of inputs,
    /// which must not be re-rendered (and lose focus) as the person types.
    pub fn with_untracked<R>(&self, id: &str, read: impl FnOnce(&Assessment) -> R) -> Option<R> {
        self.drafts.with_untracked(|drafts| {
            drafts
                .iter()
                .find(|draft| draft.id == id)
                .map(|draft| read(&draft.assessment))
        })
    }

    /// Changes one assessment.
    pub fn update(&self, id: &str, change: impl FnOnce(&mut Assessment)) {
        self.drafts.update(|drafts| {
            if let Some(draft) = drafts.iter_mut().find(|draft| draft.id == id) {
                change(&mut draft.assessment);
            }
        });
        self.persist(id);
    }

    /// Reads every assessment (reactively) in place. Copying them instead cost the start page
    /// tens of milliseconds with 200 saved assessments (scripts/bench.sh).
    pub fn with_drafts<R>(&self, read: impl FnOnce(&[Draft]) -> R) -> R {
        self.drafts.with(|drafts| read(drafts))
    }
}

/// The state the app provides to every page. A page outside the app is a programming error,
/// not something a user can cause.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
