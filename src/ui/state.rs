//! The state the pages share: the assessments kept in this browser, the current page and the
//! person's settings. Pages read and change assessments through these methods; the scoring and
//! checking stay in the core, the reading and writing of storage in `browser::storage`.

use std::collections::BTreeSet;
use std::time::Duration;

use leptos::prelude::*;

use crate::browser::page;
use crate::browser::storage;
use crate::core::assessment::Assessment;
use crate::core::codec::document::{self, NotKeepable};
use crate::core::forms;
use crate::core::route::Route;

/// How long a save waits after the last change, so that typing saves once per pause rather than
/// once per key. Hiding or closing the page saves at once.
const SAVE_DELAY: Duration = Duration::from_millis(400);
/// How many deleted assessments can be brought back in this tab.
const UNDO_LIMIT: usize = 10;
/// How many saved assessments, most recently changed first, are read before the first page is
/// drawn, and listed on the start page before "Show all". The rest are read just after the first
/// page is on screen. Reading documents is slow while the browser is still running freshly
/// compiled wasm: 200 saved drafts took up to 70 ms to read before the start page could appear,
/// two to four times as long as a second read of the same drafts (scripts/bench.sh, README).
pub const LISTED_AT_FIRST: usize = 25;

/// One saved assessment with its local ID.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    pub id: String,
    pub assessment: Assessment,
    /// When it last changed (milliseconds since 1970), if known.
    pub changed: Option<f64>,
}

/// Whether the person's work is being kept in the browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Keeping {
    /// Every change is saved in this browser.
    Saved,
    /// The browser does not let the tool store anything: work lives only in this tab.
    Unavailable,
    /// The last save was refused (usually because storage is full).
    Refused,
    /// An assessment could not be read back as it is (a text over its limit, or too large),
    /// so its latest changes were not saved.
    NotKeepable(NotKeepable),
}

/// A message shown at the top of one page after something happened ("Assessment deleted").
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The page it belongs to: it goes when the person moves on.
    pub route: Route,
    pub heading: String,
    pub lines: Vec<String>,
    /// A deleted assessment the notice offers to bring back.
    pub undo_delete: Option<String>,
}

/// Everything the pages share, provided as context by the app.
#[derive(Clone, Copy)]
pub struct AppState {
    drafts: RwSignal<Vec<Draft>>,
    storage: StoredValue<Option<web_sys::Storage>, LocalStorage>,
    /// Saved drafts not read yet (see [`LISTED_AT_FIRST`]), older than every draft in `drafts`.
    unread: StoredValue<Vec<storage::StoredText>>,
    /// Assessments changed in this tab but not yet written to storage.
    unsaved: StoredValue<BTreeSet<String>>,
    save_timer: StoredValue<Option<TimeoutHandle>>,
    /// Recently deleted assessments, newest last, for "Undo".
    deleted: StoredValue<Vec<Draft>>,
    /// The page on screen.
    pub route: RwSignal<Route>,
    pub keeping: RwSignal<Keeping>,
    /// The clock time of the last save ("14:02").
    pub last_saved: RwSignal<Option<String>>,
    /// How many saved entries could not be read (left untouched).
    pub unreadable: RwSignal<usize>,
    /// Answer every point on one long page instead of a page per point.
    pub one_page: RwSignal<bool>,
    pub notice: RwSignal<Option<Notice>>,
    /// Counts changes made in another tab to the assessment on screen: the page is drawn again
    /// when it moves, so that it never shows (and then saves over) stale answers.
    pub outside_changes: RwSignal<u64>,
}

impl AppState {
    /// The state with the most recently changed drafts saved in this browser read, and the rest
    /// waiting for [`AppState::read_the_rest`].
    pub fn load_from_browser() -> AppState {
        let local = storage::local();
        let mut first = local.as_ref().map(storage::list).unwrap_or_default();
        first.sort_by(|a, b| newest_first(a.changed, b.changed));
        let route = page::current_route();
        let mut later = first.split_off(first.len().min(LISTED_AT_FIRST));
        // The assessment the address points at is read now, however old it is.
        if let Some(index) = later
            .iter()
            .position(|stored| Some(stored.id.as_str()) == route.assessment_id())
        {
            first.push(later.remove(index));
        }
        if local.is_some() && !first.is_empty() {
            page::ask_to_keep_storage();
        }
        let loaded = storage::read(first);
        let mut drafts: Vec<Draft> = loaded.drafts.into_iter().map(Draft::from).collect();
        sort_drafts(&mut drafts);
        AppState {
            drafts: RwSignal::new(drafts),
            keeping: RwSignal::new(if local.is_some() {
                Keeping::Saved
            } else {
                Keeping::Unavailable
            }),
            unreadable: RwSignal::new(loaded.unreadable.len()),
            storage: StoredValue::new_local(local),
            unread: StoredValue::new(later),
            unsaved: StoredValue::new(BTreeSet::new()),
            save_timer: StoredValue::new(None),
            deleted: StoredValue::new(Vec::new()),
            route: RwSignal::new(route),
            last_saved: RwSignal::new(None),
            one_page: RwSignal::new(false),
            notice: RwSignal::new(None),
            outside_changes: RwSignal::new(0),
        }
    }

    /// Reads the saved drafts that were left for later. Called just after the first page is on
    /// screen, and before anything that needs every draft: moving to another page, "Show all",
    /// and changes from another tab.
    pub fn read_the_rest(&self) {
        let later = self
            .unread
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        if later.is_empty() {
            return;
        }
        let loaded = storage::read(later);
        if !loaded.unreadable.is_empty() {
            self.unreadable
                .update(|count| *count += loaded.unreadable.len());
        }
        self.drafts.update(|drafts| {
            drafts.extend(loaded.drafts.into_iter().map(Draft::from));
            sort_drafts(drafts);
        });
    }

    /// How many assessments are saved in this browser, read or not yet (reactive once read).
    pub fn saved_count(&self) -> usize {
        self.drafts.with(Vec::len) + self.unread.with_value(Vec::len)
    }

    /// Writes every assessment changed since the last save. Called after a pause in typing,
    /// and at once when the page is hidden or closed.
    pub fn save_now(&self) {
        if let Some(timer) = self.save_timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
        let pending = self
            .unsaved
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        if pending.is_empty() {
            return;
        }
        let mut refused = BTreeSet::new();
        let mut not_keepable = None;
        let available = self.storage.with_value(|local| {
            let Some(local) = local else {
                return false;
            };
            for id in &pending {
                let saved =
                    self.drafts
                        .with_untracked(|drafts| {
                            drafts.iter().find(|draft| &draft.id == id).map(|draft| {
                                storage::save(local, id, &draft.assessment, draft.changed)
                            })
                        })
                        // Deleted since it changed: nothing to save.
                        .unwrap_or(Ok(()));
                match saved {
                    Ok(()) => {}
                    Err(storage::SaveError::NotKeepable(why)) => {
                        not_keepable = Some(why);
                        refused.insert(id.clone());
                    }
                    Err(storage::SaveError::Refused) => {
                        refused.insert(id.clone());
                    }
                }
            }
            true
        });
        let keeping = if !available {
            Keeping::Unavailable
        } else if refused.is_empty() {
            self.last_saved
                .set(Some(page::local_time(page::now_millis()).1));
            Keeping::Saved
        } else {
            // Kept for the next save, which may succeed once there is room or the text is
            // shorter.
            self.unsaved.update_value(|unsaved| unsaved.extend(refused));
            match not_keepable {
                Some(why) => Keeping::NotKeepable(why),
                None => Keeping::Refused,
            }
        };
        if self.keeping.get_untracked() != keeping {
            self.keeping.set(keeping);
        }
    }

    /// Marks an assessment as changed and saves it after a short pause.
    fn save_soon(&self, id: &str) {
        self.unsaved.update_value(|unsaved| {
            unsaved.insert(id.to_owned());
        });
        if let Some(timer) = self.save_timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
        let state = *self;
        let timer = set_timeout_with_handle(move || state.save_now(), SAVE_DELAY).ok();
        if timer.is_none() {
            // No timers (should not happen in a browser): save straight away instead.
            self.save_now();
        }
        self.save_timer.set_value(timer);
    }

    /// Keeps a new assessment, saves it at once and returns its ID. An assessment without an ID
    /// of its own (new, or from a file made before version 3) gets one, so that later
    /// assessments can say they were started from it.
    pub fn add(&self, mut assessment: Assessment) -> String {
        let id = page::new_id();
        if assessment.id.is_none() {
            assessment.id = Some(page::new_id());
        }
        self.drafts.update(|drafts| {
            drafts.insert(
                0,
                Draft {
                    id: id.clone(),
                    assessment,
                    changed: Some(page::now_millis()),
                },
            )
        });
        self.unsaved.update_value(|unsaved| {
            unsaved.insert(id.clone());
        });
        self.save_now();
        page::ask_to_keep_storage();
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

    /// Changes one assessment; the change is saved after a short pause.
    pub fn update(&self, id: &str, change: impl FnOnce(&mut Assessment)) {
        let mut found = false;
        self.drafts.update(|drafts| {
            if let Some(draft) = drafts.iter_mut().find(|draft| draft.id == id) {
                change(&mut draft.assessment);
                draft.changed = Some(page::now_millis());
                found = true;
            }
        });
        if found {
            self.save_soon(id);
        }
    }

    /// Reads every assessment (reactively) in place, most recently changed first. Copying them
    /// instead cost the start page tens of milliseconds with 200 saved assessments
    /// (scripts/bench.sh).
    pub fn with_drafts<R>(&self, read: impl FnOnce(&[Draft]) -> R) -> R {
        self.drafts.with(|drafts| read(drafts))
    }

    /// Makes a copy of an assessment under a new name and returns the copy's ID.
    pub fn duplicate(&self, id: &str) -> Option<String> {
        let mut copy = self.with_untracked(id, Clone::clone)?;
        copy.details.name = forms::name_of_copy(&copy.details.name);
        // A copy is a different assessment from then on, with its own ID.
        copy.id = None;
        Some(self.add(copy))
    }

    /// Deletes an assessment from this browser, keeping it in this tab for "Undo". Returns its
    /// name.
    pub fn delete(&self, id: &str) -> Option<String> {
        let mut removed = None;
        self.drafts
            .update(|drafts| removed = take_draft(drafts, id));
        let removed = removed?;
        self.unsaved.update_value(|unsaved| {
            unsaved.remove(id);
        });
        self.storage.with_value(|local| {
            if let Some(local) = local {
                // A failed removal leaves the draft to reappear on reload: better than losing it.
                let _ = storage::remove(local, id);
            }
        });
        let name = removed.assessment.details.name.clone();
        self.deleted.update_value(|deleted| {
            deleted.push(removed);
            if deleted.len() > UNDO_LIMIT {
                deleted.remove(0);
            }
        });
        Some(name)
    }

    /// Brings back a deleted assessment, under its old ID. Returns its name.
    pub fn undo_delete(&self, id: &str) -> Option<String> {
        let restored = self
            .deleted
            .try_update_value(|deleted| take_draft(deleted, id))
            .flatten()?;
        let name = restored.assessment.details.name.clone();
        self.drafts.update(|drafts| drafts.insert(0, restored));
        self.unsaved.update_value(|unsaved| {
            unsaved.insert(id.to_owned());
        });
        self.save_now();
        Some(name)
    }

    /// Shows a notice at the top of a page.
    pub fn tell(&self, route: Route, heading: impl Into<String>, lines: Vec<String>) {
        self.notice.set(Some(Notice {
            route,
            heading: heading.into(),
            lines,
            undo_delete: None,
        }));
    }

    /// Takes in a change another tab made to storage (the browser's `storage` event). The other
    /// tab's saved work is adopted; if this tab has unsaved changes to the same assessment, they
    /// are kept as a copy, so neither tab silently overwrites the other.
    pub fn storage_changed(&self, key: Option<String>, new_value: Option<String>) {
        // What this tab holds must be complete before it is compared or written back.
        self.read_the_rest();
        let Some(key) = key else {
            // Storage was cleared (perhaps by another app on this site): write back everything
            // this tab holds, so that nothing is lost.
            let ids: Vec<String> = self
                .drafts
                .with_untracked(|drafts| drafts.iter().map(|draft| draft.id.clone()).collect());
            self.unsaved.update_value(|unsaved| unsaved.extend(ids));
            self.save_now();
            return;
        };
        let Some(id) = storage::draft_id(&key) else {
            return;
        };
        let has_unsaved = self.unsaved.with_value(|unsaved| unsaved.contains(id));
        let on_screen = self
            .route
            .with_untracked(|route| route.assessment_id() == Some(id));
        match new_value {
            None if has_unsaved => {
                // Deleted in another tab while being changed here: keep this tab's version.
                self.save_now();
            }
            None => {
                self.drafts
                    .update(|drafts| drafts.retain(|draft| draft.id != id));
                if on_screen {
                    self.outside_changes.update(|count| *count += 1);
                }
            }
            Some(text) => {
                let Ok(imported) = document::from_json(&text) else {
                    // Written by something this tool cannot read (a newer version of it, say):
                    // leave it alone, as loading does.
                    return;
                };
                let changed = self.storage.with_value(|local| {
                    local.as_ref().and_then(|local| storage::changed(local, id))
                });
                if has_unsaved {
                    self.keep_this_tabs_copy(id);
                }
                self.drafts.update(
                    |drafts| match drafts.iter_mut().find(|draft| draft.id == id) {
                        Some(draft) => {
                            draft.assessment = imported.assessment;
                            draft.changed = changed;
                        }
                        None => drafts.insert(
                            0,
                            Draft {
                                id: id.to_owned(),
                                assessment: imported.assessment,
                                changed,
                            },
                        ),
                    },
                );
                if on_screen {
                    self.outside_changes.update(|count| *count += 1);
                }
            }
        }
    }

    /// Saves this tab's unsaved version of an assessment as a new copy and says so.
    fn keep_this_tabs_copy(&self, id: &str) {
        self.unsaved.update_value(|unsaved| {
            unsaved.remove(id);
        });
        let Some(mine) = self.with_untracked(id, Clone::clone) else {
            return;
        };
        let original_name = mine.details.name.clone();
        let mut copy = mine;
        copy.details.name = forms::name_of_copy(&original_name);
        let copy_name = copy.details.name.clone();
        self.add(copy);
        self.tell(
            self.route.get_untracked(),
            "This assessment was also changed in another tab",
            vec![format!(
                "Both versions are kept. The other tab's changes are in \u{201c}{original_name}\u{201d}. The changes you made in this tab are in \u{201c}{copy_name}\u{201d}."
            )],
        );
    }
}

impl From<storage::Stored> for Draft {
    fn from(stored: storage::Stored) -> Self {
        Draft {
            id: stored.id,
            assessment: stored.assessment,
            changed: stored.changed,
        }
    }
}

/// Takes the draft with this ID out of a list.
fn take_draft(drafts: &mut Vec<Draft>, id: &str) -> Option<Draft> {
    let index = drafts.iter().position(|draft| draft.id == id)?;
    Some(drafts.remove(index))
}

/// Orders change times newest first, with unknown times last.
fn newest_first(a: Option<f64>, b: Option<f64>) -> std::cmp::Ordering {
    b.unwrap_or(0.0).total_cmp(&a.unwrap_or(0.0))
}

/// Most recently changed first; by name among drafts changed at the same moment.
fn sort_drafts(drafts: &mut [Draft]) {
    drafts.sort_by(|a, b| {
        newest_first(a.changed, b.changed)
            .then_with(|| a.assessment.details.name.cmp(&b.assessment.details.name))
    });
}

/// The state the app provides to every page. A page outside the app is a programming error,
/// not something a user can cause.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}
