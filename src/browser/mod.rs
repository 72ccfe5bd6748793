//! The thin layer between the tool and the browser: the address bar, the clock, random IDs, the
//! page title and focus, storage, files in and out, the clipboard, and the panic screen.
//! Everything here degrades quietly when the browser refuses, because none of it may stop a
//! person from finishing their work.

pub mod files;
pub mod page;
pub mod panic;
pub mod storage;
