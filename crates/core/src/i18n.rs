//! Messages in English and Simplified Chinese, through [Project Fluent](https://projectfluent.org)
//! (`fluent-bundle`).
//!
//! Every diagnostic's message and help is a [`Message`]: a Fluent message id from
//! `crates/core/locales/{en,zh-CN}/*.ftl` (`ks010-message`, `ks010-help`, `ks010-message-long`
//! …) with named arguments. A diagnostic is built in English ([`Diagnostic::new`] renders it
//! at once, so every English output is what it always was) and keeps its messages, so that
//! [`crate::check::Report::localize`] can render them again in another [`Lang`]. Codes, JSON
//! field names and SARIF rule ids never change with the language; messages do.
//!
//! Arguments are text ([`Arg::Text`]: values quoted from the package, numbers) or another
//! message ([`Arg::Message`]: a fragment such as the reason a name is invalid), which is
//! rendered in the same language. Bidirectional isolation marks are off: the messages quote
//! YAML and paths, and reports must stay byte-identical in English.
//!
//! The Chinese wording follows KubeSphere's own: the extension developer guide in Chinese
//! (dev-guide.kubesphere.io/extension-dev-guide/zh/: 扩展组件 for an extension, 扩展市场 for the
//! marketplace, 打包扩展组件) and ksbuilder's template (`displayName: {zh: 示例扩展组件}`). Rancher
//! terms follow the dashboard's own Simplified Chinese (`rancher/dashboard`,
//! `shell/assets/translations/zh-hans.yaml`, checked at 17ad8a68): an extension and the
//! Extensions page are 扩展 (`product.uiplugins`, `plugins.title`), install 安装
//! (`plugins.install.label`), a chart stays Chart (`plugins.manageCharts: 管理扩展 Chart`), a
//! repository is 仓库 (`plugins.manageRepos: 管理仓库`) and the Apps page 应用 (`product.apps`).
//!
//! The web page renders its own messages (`locales/{en,zh-CN}/page.ftl` of the web crate) with
//! the same code: [`Bundle::new`] over its resources, [`Message::render_in`].
//!
//! [`Diagnostic::new`]: crate::diagnostic::Diagnostic::new

use std::borrow::Cow;
use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

/// A language that messages are rendered in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// English (the default; every snapshot and export is in English unless asked otherwise).
    #[default]
    En,
    /// Simplified Chinese (`zh-CN`).
    ZhCn,
}

impl Lang {
    /// Both languages, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::ZhCn];

    /// The BCP 47 tag: `en` or `zh-CN`.
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The language of a locale name or language tag: `zh`, `zh-CN`, `zh_CN.UTF-8`, `zh-Hans`
    /// (any `zh*`, case-insensitive) give Chinese; anything else English. `C` and `POSIX`
    /// are English too.
    pub fn from_locale(locale: &str) -> Lang {
        if locale.trim().get(..2).is_some_and(|p| p.eq_ignore_ascii_case("zh")) { Lang::ZhCn } else { Lang::En }
    }

    /// The language the environment asks for, POSIX order: the first of `LC_ALL`,
    /// `LC_MESSAGES`, `LANG` that is set and not empty decides ([`Lang::from_locale`]);
    /// English when none is. `var` reads a variable (so the caller does the I/O).
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .find_map(|name| var(name).filter(|v| !v.is_empty()))
            .map_or(Lang::En, |v| Lang::from_locale(&v))
    }
}

/// One argument of a [`Message`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Arg {
    /// Text used as is in every language (a value quoted from the package, a number, a path).
    Text(String),
    /// A whole number: written in ASCII digits without grouping, and selects plural
    /// variants (`{ $count -> [one] … *[other] … }`).
    Number(i64),
    /// A fragment rendered in the message's language.
    Message(Message),
}

impl From<String> for Arg {
    fn from(s: String) -> Self {
        Arg::Text(s)
    }
}
impl From<&String> for Arg {
    fn from(s: &String) -> Self {
        Arg::Text(s.clone())
    }
}
impl From<&str> for Arg {
    fn from(s: &str) -> Self {
        Arg::Text(s.to_string())
    }
}
impl From<&&str> for Arg {
    fn from(s: &&str) -> Self {
        Arg::Text((*s).to_string())
    }
}
impl From<Cow<'_, str>> for Arg {
    fn from(s: Cow<'_, str>) -> Self {
        Arg::Text(s.into_owned())
    }
}
impl From<char> for Arg {
    fn from(c: char) -> Self {
        Arg::Text(c.to_string())
    }
}
impl Arg {
    /// Empty text: an optional fragment that is absent.
    pub fn none() -> Arg {
        Arg::Text(String::new())
    }
}

impl From<Message> for Arg {
    fn from(m: Message) -> Self {
        Arg::Message(m)
    }
}
macro_rules! number_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(i64::try_from(n).unwrap_or(i64::MAX))
            }
        }
        impl From<&$t> for Arg {
            fn from(n: &$t) -> Self {
                Arg::from(*n)
            }
        }
    )*};
}
number_args!(usize, u64, u32, u16, u8, i64, i32);

/// A Fluent message id with its named arguments; rendered with [`Message::render`].
///
/// Serialisable, so that a report sent as JSON (the web app's worker to its page) can still be
/// rendered in another language: `{"id": "ks010-message", "args": [["name", {"text": "X"}]]}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    /// The message id in the `.ftl` resources, e.g. `ks010-message`.
    #[serde(deserialize_with = "crate::interned::deserialize")]
    pub id: crate::interned::StaticStr,
    /// Named arguments (`$name` in the resources), in the order given.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "deserialize_args")]
    pub args: Vec<(&'static str, Arg)>,
}

/// The arguments of a deserialised [`Message`], their names interned.
fn deserialize_args<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<Vec<(&'static str, Arg)>, D::Error> {
    let args = Vec::<(String, Arg)>::deserialize(deserializer)?;
    args.into_iter()
        .map(|(name, arg)| crate::interned::intern(name).map(|name| (name, arg)).map_err(serde::de::Error::custom))
        .collect()
}

impl Message {
    /// The message `id` without arguments.
    pub const fn new(id: &'static str) -> Self {
        Message { id, args: Vec::new() }
    }

    /// Adds the argument `$name`.
    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Self {
        self.args.push((name, value.into()));
        self
    }

    /// The message in `lang`. A message id missing from the resources, or an argument the
    /// message uses but was not given, renders as Fluent does (the id, or `{$name}`): the
    /// test `tests/i18n.rs` keeps both from happening.
    pub fn render(&self, lang: Lang) -> String {
        self.try_render(lang).unwrap_or_else(|e| e)
    }

    /// The message in `lang`, or (as the error) what Fluent made of it when the id is missing
    /// or an argument is wrong.
    pub fn try_render(&self, lang: Lang) -> Result<String, String> {
        self.try_render_in(bundle(lang))
    }

    /// The message rendered with `bundle` (its language and resources), as [`Message::render`].
    pub fn render_in(&self, bundle: &Bundle) -> String {
        self.try_render_in(bundle).unwrap_or_else(|e| e)
    }

    /// The message rendered with `bundle`, as [`Message::try_render`]; fragments
    /// ([`Arg::Message`]) are looked up in the same bundle.
    pub fn try_render_in(&self, bundle: &Bundle) -> Result<String, String> {
        let Some(pattern) = bundle.inner.get_message(self.id).and_then(|m| m.value()) else {
            return Err(self.id.to_string());
        };
        let mut args = FluentArgs::with_capacity(self.args.len());
        let mut failed = false;
        for (name, value) in &self.args {
            let value = match value {
                Arg::Text(t) => FluentValue::from(t.clone()),
                Arg::Number(n) => FluentValue::from(*n),
                Arg::Message(m) => FluentValue::from(m.try_render_in(bundle).unwrap_or_else(|e| {
                    failed = true;
                    e
                })),
            };
            args.set(*name, value);
        }
        let mut errors = Vec::new();
        let text = bundle.inner.format_pattern(pattern, Some(&args), &mut errors).into_owned();
        if errors.is_empty() && !failed { Ok(text) } else { Err(text) }
    }
}

/// What [`msg!`] takes as an argument: anything printable, as text; or a [`Message`], as a
/// fragment in the same language.
pub trait IntoArg {
    /// The argument.
    fn to_arg(&self) -> Arg;
}

impl<T: std::fmt::Display + ?Sized> IntoArg for T {
    fn to_arg(&self) -> Arg {
        Arg::Text(self.to_string())
    }
}

impl IntoArg for Arg {
    fn to_arg(&self) -> Arg {
        self.clone()
    }
}

impl IntoArg for Message {
    fn to_arg(&self) -> Arg {
        Arg::Message(self.clone())
    }
}

/// Builds a [`Message`]: `msg!("ks010-message", name, problem = reason)`; a bare identifier
/// passes the variable of that name as the argument of that name.
#[macro_export]
macro_rules! msg {
    ($id:literal $(, $name:ident $(= $value:expr)?)* $(,)?) => {
        $crate::i18n::Message::new($id)$(.arg(stringify!($name), $crate::i18n::IntoArg::to_arg(&$crate::msg!(@value $name $(, $value)?))))*
    };
    (@value $name:ident) => { $name };
    (@value $name:ident, $value:expr) => { $value };
}

/// The Fluent resources of `lang`: `(file name, text)`, one file per rule group plus the
/// report's headings.
pub fn resources(lang: Lang) -> &'static [(&'static str, &'static str)] {
    macro_rules! ftl {
        ($dir:literal: $($name:literal),*) => {
            &[$(($name, include_str!(concat!("../locales/", $dir, "/", $name, ".ftl")))),*]
        };
    }
    match lang {
        Lang::En => {
            ftl!("en": "package", "syntax", "range", "kubesphere", "rancher", "helm", "suppress", "template", "report", "matrix")
        }
        Lang::ZhCn => {
            ftl!("zh-CN": "package", "syntax", "range", "kubesphere", "rancher", "helm", "suppress", "template", "report", "matrix")
        }
    }
}

/// Fluent resources in one language, ready to render [`Message`]s ([`Message::render_in`]):
/// the diagnostics' bundles are built from [`resources`]; the web page builds its own from its
/// `page.ftl`.
pub struct Bundle {
    inner: FluentBundle<FluentResource>,
}

impl Bundle {
    /// A bundle of `resources` (`(file name, Fluent text)`) for `lang`, with Unicode isolation
    /// marks off. Syntax errors and duplicate ids are not reported here (each crate's tests
    /// check its `.ftl` files): what parses is kept, the first definition of an id wins.
    pub fn new(lang: Lang, resources: &[(&str, &str)]) -> Bundle {
        let id: unic_langid::LanguageIdentifier = lang.tag().parse().unwrap_or_default();
        let mut inner = FluentBundle::new_concurrent(vec![id]);
        inner.set_use_isolating(false);
        for (_, text) in resources {
            let resource = FluentResource::try_new((*text).to_string()).unwrap_or_else(|(r, _)| r);
            let _ = inner.add_resource(resource);
        }
        Bundle { inner }
    }

    /// True when the bundle has a message `id` with a value.
    pub fn has(&self, id: &str) -> bool {
        self.inner.get_message(id).is_some_and(|m| m.value().is_some())
    }
}

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 2] = [OnceLock::new(), OnceLock::new()];
    BUNDLES[lang as usize].get_or_init(|| Bundle::new(lang, resources(lang)))
}

/// Renders `id` without arguments in `lang` (report headings and labels).
pub fn text(id: &'static str, lang: Lang) -> String {
    Message::new(id).render(lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_names_choose_the_language() {
        for zh in ["zh", "zh_CN.UTF-8", "zh-CN", "ZH-hans", "zh_TW"] {
            assert_eq!(Lang::from_locale(zh), Lang::ZhCn, "{zh}");
        }
        for en in ["", "C", "POSIX", "en_US.UTF-8", "de_DE", "z"] {
            assert_eq!(Lang::from_locale(en), Lang::En, "{en}");
        }
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| pairs.iter().find(|(n, _)| *n == k).map(|(_, v)| v.to_string())
        };
        assert_eq!(Lang::from_env(env(&[("LANG", "zh_CN.UTF-8")])), Lang::ZhCn);
        assert_eq!(Lang::from_env(env(&[("LC_ALL", "C"), ("LANG", "zh_CN.UTF-8")])), Lang::En);
        assert_eq!(Lang::from_env(env(&[("LC_ALL", ""), ("LC_MESSAGES", "zh_CN"), ("LANG", "en_US")])), Lang::ZhCn);
        assert_eq!(Lang::from_env(env(&[])), Lang::En);
    }

    #[test]
    fn arguments_and_fragments_render_in_the_language() {
        let m = Message::new("report-counts").arg("errors", 1usize).arg("warnings", 2usize).arg("infos", 0usize);
        assert_eq!(m.render(Lang::En), "1 error, 2 warnings, 0 infos");
        assert_eq!(m.render(Lang::ZhCn), "1 个错误，2 个警告，0 个提示");
        assert_eq!(
            Message::new("report-counts")
                .arg("errors", 1usize)
                .arg("warnings", 1usize)
                .arg("infos", 2usize)
                .render(Lang::En),
            "1 error, 1 warning, 2 infos"
        );
        assert!(Message::new("no-such-id").try_render(Lang::En).is_err());
        assert!(Message::new("report-counts").try_render(Lang::En).is_err(), "missing arguments");
    }
}
