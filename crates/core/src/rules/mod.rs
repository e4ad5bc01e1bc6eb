//! Rules: small functions over a parsed package ([`crate::document`]) that emit
//! [`Diagnostic`]s with spans and fixes, each rule a typed unit ([`crate::violation`]).
//! [`registry`] lists every rule; [`run`] runs those that apply.

mod pkg009;
mod range;
pub mod registry;
pub(crate) mod syntax;

pub use registry::{Group, RULES, Rule, rule};

use crate::diagnostic::Diagnostic;
pub use crate::document::{Ctx, JsonFile, TextFile, YamlFile, schema};
use crate::package::Kind;

/// Runs every rule that applies to `ctx.kind` and returns the diagnostics.
pub fn run(ctx: &Ctx<'_>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    pkg009::check(ctx, &mut out);
    syntax::check(ctx, &mut out);
    crate::helm::rules::check(ctx, &mut out);
    range::check(ctx, &mut out);
    match ctx.kind {
        Kind::Kubesphere => crate::kubesphere::rules::check(ctx, &mut out),
        Kind::RancherPackage | Kind::RancherChart | Kind::RancherPlugin => crate::rancher::rules::check(ctx, &mut out),
        Kind::HelmChart => {}
    }
    crate::template::rules::check(ctx, &mut out);
    if let Some(t) = ctx.transcoded {
        t.restore(&mut out);
    }
    out
}
