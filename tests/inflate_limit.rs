//! A share link that would inflate to hundreds of megabytes is refused while inflating: the
//! decoder never holds much more than the 5 MB limit. This is its own test binary because it
//! counts every allocation the process makes, so no other test may run beside it.
#![cfg(not(target_arch = "wasm32"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use tcop_assessor::core::codec::document::MAX_DOCUMENT_BYTES;
use tcop_assessor::core::codec::share::{self, LinkError, MAX_PAYLOAD_CHARS};

/// The system allocator, keeping the number of bytes in use and the most ever in use.
struct Counting;

static IN_USE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let pointer = unsafe { System.alloc(layout) };
        if !pointer.is_null() {
            let now = IN_USE.fetch_add(layout.size(), Ordering::SeqCst) + layout.size();
            PEAK.fetch_max(now, Ordering::SeqCst);
        }
        pointer
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        unsafe { System.dealloc(pointer, layout) };
        IN_USE.fetch_sub(layout.size(), Ordering::SeqCst);
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Writes bits the way DEFLATE packs them: from the least significant bit of each byte up.
#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    used: u32,
}

impl Bits {
    /// Pushes `count` bits of `value`, lowest first (how DEFLATE stores header fields).
    fn push(&mut self, value: u32, count: u32) {
        for bit in 0..count {
            if self.used.is_multiple_of(8) {
                self.bytes.push(0);
            }
            if value >> bit & 1 == 1 {
                if let Some(last) = self.bytes.last_mut() {
                    *last |= 1 << (self.used % 8);
                }
            }
            self.used += 1;
        }
    }

    /// Pushes a Huffman code, which DEFLATE stores from its most significant bit down.
    fn push_code(&mut self, code: u32, length: u32) {
        for bit in (0..length).rev() {
            self.push(code >> bit & 1, 1);
        }
    }
}

/// One final block with the fixed Huffman codes: a single space, then `copies` back-references
/// of 258 bytes at distance 1. Each copy costs 13 bits and yields 258 bytes, so a stream that
/// fits in a link inflates to hundreds of megabytes. Written by hand because compressing that
/// much data in a test would take far longer than decoding it.
fn bomb(copies: usize) -> Vec<u8> {
    let mut bits = Bits::default();
    bits.push(1, 1); // BFINAL: the last block
    bits.push(1, 2); // BTYPE 01: fixed Huffman codes
    bits.push_code(0x30 + u32::from(b' '), 8); // literal ' ' (literals 0 to 143: 8-bit codes from 0x30)
    for _ in 0..copies {
        bits.push_code(0b1100_0101, 8); // length symbol 285: a copy of 258 bytes
        bits.push_code(0, 5); // distance symbol 0: distance 1
    }
    bits.push_code(0, 7); // symbol 256: end of block
    bits.bytes
}

#[test]
fn a_link_bomb_is_stopped_at_the_limit_while_inflating() {
    // As many copies as keep the payload within the length a link may have.
    let copies = (MAX_PAYLOAD_CHARS / 4 * 3 - 16) * 8 / 13;
    let inflated_size = 1 + copies * 258;
    assert!(inflated_size > 100 * MAX_DOCUMENT_BYTES, "{inflated_size}");
    let payload = format!("{}{}", share::PREFIX, URL_SAFE_NO_PAD.encode(bomb(copies)));
    assert!(payload.len() <= MAX_PAYLOAD_CHARS, "{}", payload.len());

    // The same construction with few copies is a valid stream of spaces, which the document
    // reader (not the inflater) refuses: so the bomb is well formed, not merely broken.
    let small = format!("{}{}", share::PREFIX, URL_SAFE_NO_PAD.encode(bomb(10)));
    assert!(matches!(share::decode(&small), Err(LinkError::Document(_))));

    let before = IN_USE.load(Ordering::SeqCst);
    PEAK.store(before, Ordering::SeqCst);
    assert_eq!(share::decode(&payload), Err(LinkError::TooLarge));
    let extra = PEAK.load(Ordering::SeqCst) - before;
    // The payload is copied once (white space removed), decoded from base64, and inflated into
    // a buffer that may grow to the limit: a few times 5 MB at most, never the full size.
    assert!(
        extra < 8 * MAX_DOCUMENT_BYTES,
        "decoding held {extra} bytes at once for a link that inflates to {inflated_size}"
    );
}
