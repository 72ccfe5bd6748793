//! The state the pages share: the assessments kept in this browser and the person's settings.
//! One signal holds the assessments; pages read and change them through these methods, and the
//! scoring and checking stay in the core.

use leptos::prelude::*;

use crate::browser::page;
use crate::core::assessment::Assessment;

/// One saved assessment with its local ID.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub id: String,
    pub assessment: Assessment,
}

/// Everything the pages share, provided as context by the app.
#[derive(Clone, Copy)]
pub struct AppState {
    drafts: RwSignal<Vec<Draft>>,
    /// Answer every point on one long page instead of a page per point.
    pub one_page: RwSignal<bool>,
}

impl AppState {
    pub fn new() -> AppState {
        AppState {
            drafts: RwSignal::new(Vec::new()),
            one_page: RwSignal::new(false),
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
    }

    /// Every assessment (reactively).
    pub fn drafts(&self) -> Vec<Draft> {
        self.drafts.get()
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new()
    }
}

pub fn use_app_state() -> AppState {
    use_context::<AppState>().unwrap_or_default()
}

impl AppState {
    /// A copy of one assessment, without subscribing to its changes.
    pub fn with_untracked_assessment(&self, id: &str) -> Option<Assessment> {
        self.drafts.with_untracked(|drafts| {
            drafts
                .iter()
                .find(|draft| draft.id == id)
                .map(|draft| draft.assessment.clone())
        })
    }
}
