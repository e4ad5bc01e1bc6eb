//! The web app's gathering and reading code (the page's and the worker's halves) and the core's fix engine, run in headless Chromium by
//! wasm-bindgen-test: files as the pickers and a drop hand them over become the core's inputs,
//! within Helm's limits, and a corrected package is written and read back in the browser.

use extcheck_core::package::{Kind, Origin};
use extcheck_web::app::Route;
use extcheck_web::browser::read;
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{DataTransfer, File};

wasm_bindgen_test_configure!(run_in_browser);

fn file(name: &str, bytes: &[u8]) -> File {
    let parts = Array::of1(&Uint8Array::from(bytes).into());
    File::new_with_u8_array_sequence(&parts, name).expect("File")
}

/// A file as the folder picker gives it: with `webkitRelativePath` set.
fn picked(relative: &str, bytes: &[u8]) -> File {
    let f = file(relative.rsplit('/').next().unwrap(), bytes);
    let descriptor = Object::new();
    Reflect::set(&descriptor, &"value".into(), &JsValue::from_str(relative)).unwrap();
    Object::define_property(&f, &"webkitRelativePath".into(), &descriptor);
    f
}

const EXTENSION: &[u8] = b"apiVersion: v1\nname: demo\nversion: 0.1.0\ndisplayName: {en: Demo}\ndescription: {en: Demo}\ncategory: dev-tools\nprovider: {en: {name: Example}}\nicon: ./favicon.svg\n";

fn no_progress(_: &str, _: &str, _: usize, _: usize, _: u64) {}

/// The files of a batch with their bytes, as the worker's `FileReaderSync` would read them.
struct Memory(Vec<Vec<u8>>);

impl read::FileSource for Memory {
    fn size(&self, index: usize) -> u64 {
        self.0[index].len() as u64
    }
    fn bytes(&self, index: usize) -> Result<Vec<u8>, String> {
        Ok(self.0[index].clone())
    }
}

/// Reads a batch whose files' bytes are `bytes`, in the order the batch lists its files.
fn read_batch(batch: read::Batch, bytes: &[(&str, &[u8])]) -> Vec<read::Input> {
    let names: Vec<String> = batch.files.iter().map(|f| f.name()).collect();
    let memory = Memory(
        names.iter().map(|n| bytes.iter().find(|(name, _)| name.ends_with(n.as_str())).unwrap().1.to_vec()).collect(),
    );
    read::read_jobs(batch.jobs, &memory, &no_progress).unwrap()
}

#[wasm_bindgen_test]
fn a_single_picked_manifest_is_one_partial_input() {
    let batch = read::gather_picked_files(vec![file("extension.yaml", EXTENSION)]);
    let inputs = read_batch(batch, &[("extension.yaml", EXTENSION)]);
    assert_eq!(inputs.len(), 1);
    let input = inputs.into_iter().next().unwrap();
    let report = extcheck_core::check(&input.name, input.read);
    assert_eq!(report.packages[0].kind, Some(Kind::Kubesphere));
    assert!(report.packages[0].package.partial);
}

#[wasm_bindgen_test]
fn the_folder_picker_strips_the_folder_and_skips_node_modules() {
    let files = vec![
        picked("demo/extension.yaml", EXTENSION),
        picked("demo/favicon.svg", b"<svg/>"),
        picked("demo/node_modules/x/index.js", b"x"),
    ];
    let batch = read::gather_picked_folder(files);
    assert_eq!(batch.files.len(), 2);
    let inputs = read_batch(batch, &[("extension.yaml", EXTENSION), ("favicon.svg", &b"<svg/>"[..])]);
    assert_eq!(inputs[0].name, "demo");
    let package = inputs[0].read.package.as_ref().unwrap();
    assert_eq!(package.files.keys().collect::<Vec<_>>(), ["extension.yaml", "favicon.svg"]);
    assert!(matches!(inputs[0].read.origin, Origin::Folder { ref name } if name == "demo"));
}

#[wasm_bindgen_test]
fn oversized_files_are_not_read() {
    let big = vec![b'a'; (extcheck_core::package::MAX_FILE_BYTES + 1) as usize];
    let files = vec![picked("demo/extension.yaml", EXTENSION), picked("demo/data.bin", &big)];
    let batch = read::gather_picked_folder(files);
    let inputs = read_batch(batch, &[("extension.yaml", EXTENSION), ("data.bin", big.as_slice())]);
    let read = &inputs[0].read;
    assert!(!read.package.as_ref().unwrap().contains("data.bin"));
    assert_eq!(read.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>(), ["PKG003"]);
}

#[wasm_bindgen_test]
async fn dropped_files_each_become_an_input() {
    let data = DataTransfer::new().unwrap();
    data.items().add_with_file(&file("extension.yaml", EXTENSION)).unwrap();
    data.items().add_with_file(&file("notes.zip", b"PK\x03\x04rest")).unwrap();
    let items = read::drop_items(&data);
    assert_eq!(items.len(), 2);
    let batch = read::gather_dropped(items, &|_, _| {}).await.unwrap();
    let inputs = read_batch(batch, &[("extension.yaml", EXTENSION), ("notes.zip", &b"PK\x03\x04rest"[..])]);
    let names: Vec<&str> = inputs.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["extension.yaml", "notes.zip"]);
    assert_eq!(inputs[1].read.diagnostics[0].code, "PKG001");
}

#[wasm_bindgen_test]
fn routes_from_the_url_hash() {
    assert_eq!(Route::from_hash(""), Route::Check);
    assert_eq!(Route::from_hash("#/"), Route::Check);
    assert_eq!(Route::from_hash("#/rules"), Route::Rules(None));
    assert_eq!(Route::from_hash("#/rules/KS001"), Route::Rules(Some("KS001".into())));
}

#[wasm_bindgen_test]
fn a_picked_source_folder_is_fixed_and_packaged_in_the_browser() {
    // `installationMode: hostonly` (KS040, safe fix) in a source folder: the corrected package is
    // the ksbuilder layout, written and read back by the wasm build of the core.
    let extension = [EXTENSION, b"installationMode: hostonly\n".as_slice()].concat();
    let files = vec![picked("demo/extension.yaml", &extension), picked("demo/favicon.svg", b"<svg/>")];
    let inputs = read_batch(
        read::gather_picked_folder(files),
        &[("extension.yaml", extension.as_slice()), ("favicon.svg", &b"<svg/>"[..])],
    );
    let input = inputs.into_iter().next().unwrap();
    let report = extcheck_core::check(&input.name, input.read);
    let package = &report.packages[0];
    assert!(package.diagnostics.iter().any(|d| d.code == "KS040"));
    let corrected = extcheck_core::fix::output::correct(package, &extcheck_core::fix::Selection::safe());
    let output = corrected.output.expect("an output");
    assert_eq!(output.file_name, "demo-0.1.0.tgz");
    assert_eq!(output.files.keys().collect::<Vec<_>>(), ["Chart.yaml", "extension.yaml", "favicon.svg"]);
    let back = corrected.report.expect("read back");
    assert_eq!(back.packages[0].kind, Some(Kind::Kubesphere));
    assert!(!back.packages[0].diagnostics.iter().any(|d| d.code == "KS040"));
}

/// Checks `bytes` as the single file `name` in the browser (wasm32, the browser's stack) and
/// renders the report's exports; returns the codes with their messages.
fn check_in_browser(name: &str, bytes: &[u8]) -> Vec<(String, String)> {
    let report = extcheck_core::check(name, extcheck_core::package::read_file(name, bytes.to_vec()));
    for export in extcheck_core::report::export::Export::ALL {
        assert!(!export.render(std::slice::from_ref(&report)).is_empty());
    }
    report.packages.iter().flat_map(|p| &p.diagnostics).map(|d| (d.code.to_string(), d.message.clone())).collect()
}

#[wasm_bindgen_test]
fn deep_yaml_and_json_are_a_syn001_in_the_browser_not_a_stack_overflow() {
    let cases = [
        ("extension.yaml", format!("{}x\n", "- ".repeat(140_000)), "nested deeper than 10000 levels"),
        ("extension.yaml", format!("{}1{}", "{a: ".repeat(20_000), "}".repeat(20_000)), "nested deeper"),
        ("extension.yaml", format!("{}{}", "[".repeat(140_000), "]".repeat(140_000)), "nested deeper"),
        (
            "package.json",
            format!(
                "{{\"name\": \"x\", \"rancher\": {{\"annotations\": {{}}}}, \"deep\": {}{}}}",
                "[".repeat(140_000),
                "]".repeat(140_000)
            ),
            "nesting deeper than",
        ),
    ];
    for (name, text, needle) in cases {
        let found = check_in_browser(name, text.as_bytes());
        assert!(found.iter().any(|(c, m)| c == "SYN001" && m.contains(needle)), "{name}: {found:?}");
    }
    // At Go's limit: read, walked and dropped in the browser.
    let at_limit = format!("{}x\n", "- ".repeat(10_000));
    assert!(check_in_browser("extension.yaml", at_limit.as_bytes()).iter().any(|(c, _)| c == "KS001"));
}

#[wasm_bindgen_test]
fn deep_markdown_is_flattened_in_the_browser() {
    for deep in [format!("{}x\n", "> ".repeat(100_000)), format!("{}x\n", "- ".repeat(100_000))] {
        let blocks = extcheck_core::markdown::parse(&deep);
        assert!(extcheck_core::markdown::to_text(&blocks).contains('x'));
    }
}
