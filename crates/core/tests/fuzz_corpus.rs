//! Replays the minimised fuzz corpus (`fuzz/corpus/<target>/`, kept by `scripts/fuzz`) through
//! the same functions the cargo-fuzz targets call (`extcheck_core::fuzz`), with stable Rust:
//! every input a campaign found interesting stays a regression test.

use std::path::Path;

#[test]
fn every_corpus_input_passes_its_target() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus");
    let mut total = 0;
    for (name, target) in extcheck_core::fuzz::TARGETS {
        let dir = corpus.join(name);
        let mut inputs: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .collect();
        inputs.sort();
        assert!(!inputs.is_empty(), "no corpus for {name}");
        for input in inputs {
            let bytes = std::fs::read(&input).unwrap();
            let result = std::panic::catch_unwind(|| target(&bytes));
            assert!(result.is_ok(), "{name}: {} fails", input.display());
            total += 1;
        }
    }
    assert!(total >= extcheck_core::fuzz::TARGETS.len());
}
