//! The thin layer between the tool and the browser: the address bar, the clock, random IDs, the
//! page title and focus, and the panic screen. Everything here degrades quietly when the browser
//! refuses, because none of it may stop a person from finishing their work.

pub mod page;
pub mod panic;
pub mod storage;
