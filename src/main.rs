//! The entry point Trunk builds: it only starts the app, which lives in the library.

fn main() {
    tcop_assessor::start();
}
