//! The renderer never panics: random templates built from Go template tokens, random values
//! and random bytes all end in `Ok` or `Err`.

use extcheck_render::{RenderOptions, render_files};

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const TOKENS: &[&str] = &[
    "{{",
    "}}",
    "{{-",
    "-}}",
    " ",
    "\n",
    ".Values",
    ".a",
    ".b",
    "$",
    "$x",
    ":=",
    "=",
    "|",
    "(",
    ")",
    "if",
    "else",
    "end",
    "range",
    "with",
    "define",
    "template",
    "block",
    "include",
    "tpl",
    "\"x\"",
    "\"{{ .a }}\"",
    "1",
    "-2",
    "3.5",
    "0x1F",
    "'a'",
    "nil",
    "true",
    "toYaml",
    "fromYaml",
    "toJson",
    "printf",
    "\"%v %d %s\"",
    "index",
    "len",
    "default",
    "dict",
    "list",
    "set",
    "merge",
    "quote",
    "indent",
    "nindent",
    "upper",
    "trunc",
    "substr",
    "regexReplaceAll",
    "semverCompare",
    "required",
    "fail",
    "eq",
    "lt",
    "and",
    "or",
    "not",
    "break",
    "continue",
    "/*",
    "*/",
    ",",
    "`raw`",
    "é",
    "\t",
    ":",
    "-",
    "#",
    "{",
    "}",
    "[",
    "]",
    "until",
    "seq",
    "repeat",
    "b64dec",
    "splitList",
    "toToml",
    "tuple",
    "$.Values",
];

const YAML: &[&str] = &[
    "a: 1\n",
    "b: [1, 2, {c: d}]\n",
    "c: null\n",
    "d: 'x'\n",
    "e: |\n  text\n",
    "f: &x {g: 1}\n",
    "h: *x\n",
    "<<: {i: 2}\n",
    "j: [\n",
    "k: \"\\u00e9\"\n",
    "  l: 2\n",
    "- m\n",
    "n: 1e3\n",
    "o: yes\n",
    "p: {a: [[[[]]]]}\n",
    ":\n",
    "? q\n",
    "r: 0x10\n",
    "s: 2024-01-01\n",
    "t: !!str 1\n",
    "u: \t1\n",
];

fn chart(templates: &[String], values: &str) -> Vec<(String, Vec<u8>)> {
    let mut files = vec![
        ("Chart.yaml".to_string(), b"apiVersion: v2\nname: fuzz\nversion: 0.1.0\n".to_vec()),
        ("values.yaml".to_string(), values.as_bytes().to_vec()),
    ];
    for (i, t) in templates.iter().enumerate() {
        let name = if i == 0 { "templates/_h.tpl".to_string() } else { format!("templates/t{i}.yaml") };
        files.push((name, t.as_bytes().to_vec()));
    }
    files
}

#[test]
fn random_templates_and_values_never_panic() {
    let mut rng = Rng(0x1234_5678_9abc_def1);
    let opts = RenderOptions { max_output: 1 << 20, ..Default::default() };
    for _ in 0..1500 {
        let templates: Vec<String> = (0..3)
            .map(|_| {
                let n = 1 + rng.next() % 40;
                (0..n).map(|_| rng.pick(TOKENS)).collect::<Vec<_>>().join(if rng.next().is_multiple_of(2) {
                    " "
                } else {
                    ""
                })
            })
            .collect();
        let values: String = (0..(rng.next() % 6)).map(|_| rng.pick(YAML)).collect();
        let _ = render_files(&chart(&templates, &values), true, &opts);
    }
}

#[test]
fn random_bytes_never_panic() {
    let mut rng = Rng(0xfeed_beef_cafe_f00d);
    for _ in 0..300 {
        let n = rng.next() % 200;
        let bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let _ = render_files(&chart(&[String::new(), text.clone()], &text), true, &RenderOptions::default());
        let _ = extcheck_render::read_tgz(&bytes);
    }
}

#[test]
fn deep_nesting_is_bounded() {
    let deep_if = "{{ if true }}".repeat(400) + &"{{ end }}".repeat(400);
    let deep_paren = "{{ ".to_string() + &"(".repeat(400) + "1" + &")".repeat(400) + " }}";
    let deep_yaml = "a: ".to_string() + &"[".repeat(5000) + &"]".repeat(5000) + "\n";
    let recursion = "{{ define \"r\" }}{{ include \"r\" . }}{{ end }}{{ include \"r\" . }}".to_string();
    for t in [deep_if, deep_paren, recursion] {
        let _ = render_files(&chart(&[String::new(), t], ""), true, &RenderOptions::default());
    }
    let r = render_files(
        &chart(&[String::new(), "{{ toYaml .Values }}".into()], &deep_yaml),
        true,
        &RenderOptions::default(),
    );
    assert!(r.is_err(), "a 5000-deep value is refused");
}
