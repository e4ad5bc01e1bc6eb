//! RC005: package.json `rancher` is not an object (rancher.md §1). Docs: `docs/rules/RC005.md`
//! and `docs/rules/zh/RC005.md`; fixture: `tests/fixtures/RC005/`.

use crate::i18n::Message;
use crate::syntax::json::{JsonNode, JsonValue};
use crate::violation::{Rule, Violation};

crate::declare_rule!(
    /// RC005's declaration.
    pub static RC005: Error, Rancher, None, "`rancher` is not an object."
);

/// What RC005 finds.
#[derive(Debug)]
pub struct NotAnObject<'a> {
    /// The value's JSON type.
    pub kind: &'a JsonValue,
    /// The value as written.
    pub value: &'a str,
}

impl Violation for NotAnObject<'_> {
    const RULE: &'static Rule = &RC005;

    fn message(&self) -> Message {
        crate::msg!("rc005-message", kind = a_type(self.kind), value = self.value)
    }

    fn help(&self) -> Message {
        crate::msg!("rc005-help")
    }
}

/// The JSON type of `value` as a fragment (`the boolean`), or empty text for `null`.
fn a_type(value: &JsonValue) -> crate::i18n::Arg {
    crate::i18n::Arg::from(match value {
        JsonValue::Bool(_) => crate::msg!("rc005-type-boolean"),
        JsonValue::Number(_) => crate::msg!("rc005-type-number"),
        JsonValue::String(_) => crate::msg!("rc005-type-string"),
        JsonValue::Array(_) => crate::msg!("rc005-type-array"),
        JsonValue::Object(_) => crate::msg!("rc005-type-object"),
        JsonValue::Null => return crate::i18n::Arg::none(),
    })
}

/// The finding for `rancher` (`node`, written as `value`) when it is not an object.
pub(super) fn finding<'a>(node: &'a JsonNode, value: &'a str) -> Option<NotAnObject<'a>> {
    (!node.is_object()).then_some(NotAnObject { kind: &node.value, value })
}
