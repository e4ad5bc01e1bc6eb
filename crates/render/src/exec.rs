//! Go `text/template` execution with Helm's options (`missingkey=zero`, `<no value>` for nil).
//!
//! Upstream: Go `src/text/template/exec.go` (`walk`, `evalPipeline`, `evalCommand`,
//! `evalField`, `walkRange`, `walkIfOrWith`, `walkTemplate`, `printValue`, error wording
//! `template: NAME:LINE:COL: executing "NAME" at <NODE>: message`) and `funcs.go` (builtins).

use std::rc::Rc;

use crate::funcs::{self, Env};
use crate::parse::{Arg, Branch, Node, Pipe, TemplateSet, Tree};
use crate::value::{Obj, Value};

/// Go's `maxExecDepth` for nested `template` calls.
pub const MAX_EXEC_DEPTH: usize = 100_000 / 100;

/// Default nesting of `template`, `include` and `tpl` calls allowed before failing (fits a 1 MiB
/// stack). Go's limit (100000, with Helm's `include` cap of 1000 per name) needs a stack of
/// about 1 GiB; see [`crate::RenderOptions::max_nesting`].
pub const MAX_NESTING: usize = 64;

/// A Go error with its `Unwrap` chain (Helm's error reformatting walks it).
#[derive(Debug, Clone)]
pub struct GoErr {
    /// `Error()`.
    pub msg: String,
    /// `errors.Unwrap`.
    pub wrapped: Option<Box<GoErr>>,
}

impl GoErr {
    /// An error without cause.
    pub fn new(msg: impl Into<String>) -> GoErr {
        GoErr { msg: msg.into(), wrapped: None }
    }
}

/// Control flow out of a walk.
pub enum Flow {
    /// An error.
    Err(GoErr),
    /// `{{break}}`.
    Break,
    /// `{{continue}}`.
    Continue,
}

type R<T> = Result<T, Flow>;

/// Where errors are located.
struct Loc {
    tree: Rc<Tree>,
}

/// Execution state for one template invocation.
pub struct State<'a> {
    /// All templates.
    pub set: &'a TemplateSet,
    /// Functions' environment (include/tpl, notes, randomness).
    pub env: &'a mut Env,
    /// Variables: name, value, and whether the value is an `interface{}` element (from ranging
    /// over a list or map) rather than a concrete value.
    vars: Vec<(String, Value, bool)>,
    /// Dot is an `interface{}` element of a ranged list or map.
    dot_iface: bool,
    loc: Loc,
    node_pos: Option<(usize, Ctx)>,
    depth: usize,
}

fn err(msg: String) -> Flow {
    Flow::Err(GoErr::new(msg))
}

/// The text of the node being executed, for Go's `at <…>` in error messages: given, or a node
/// of a tree found by position and kind only when an error is worded (printing every node
/// evaluated would cost a large part of a render).
enum Ctx {
    Text(String),
    Node(Rc<crate::parse::Tree>, Kind),
}

/// The command a function call belongs to, for errors: a command of the tree, or an
/// identifier evaluated as an argument (`{{ f now }}`).
#[derive(Clone, Copy)]
enum CmdAt<'a> {
    Cmd(&'a crate::parse::Cmd),
    Ident(usize, &'a str),
}

/// Which node of a tree a position names: a pipeline, a command or an operand (by variant).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Pipe,
    Cmd,
    Arg(std::mem::Discriminant<Arg>),
}

impl Ctx {
    fn text(&self, pos: usize) -> String {
        match self {
            Ctx::Text(t) => t.clone(),
            Ctx::Node(tree, kind) => find_node_text(&tree.root, pos, *kind).unwrap_or_default(),
        }
    }
}

/// The printed form of the node of `kind` at `pos` in `nodes`, searched in tree order.
fn find_node_text(nodes: &[Node], pos: usize, kind: Kind) -> Option<String> {
    fn in_pipe(p: &Pipe, pos: usize, kind: Kind) -> Option<String> {
        if kind == Kind::Pipe && p.pos == pos {
            return Some(p.to_string());
        }
        p.cmds.iter().find_map(|c| {
            if kind == Kind::Cmd && c.pos == pos {
                return Some(c.to_string());
            }
            c.args.iter().find_map(|a| in_arg(a, pos, kind))
        })
    }
    fn in_arg(a: &Arg, pos: usize, kind: Kind) -> Option<String> {
        if kind == Kind::Arg(std::mem::discriminant(a)) && a.pos() == pos {
            return Some(a.to_string());
        }
        match a {
            Arg::Pipe(p) => in_pipe(p, pos, kind),
            Arg::Chain { node, .. } => in_arg(node, pos, kind),
            _ => None,
        }
    }
    nodes.iter().find_map(|n| match n {
        Node::Action(p) | Node::Template { pipe: Some(p), .. } => in_pipe(p, pos, kind),
        Node::If(b) | Node::With(b) | Node::Range(b) => in_pipe(&b.pipe, pos, kind)
            .or_else(|| find_node_text(&b.list, pos, kind))
            .or_else(|| b.else_list.as_deref().and_then(|l| find_node_text(l, pos, kind))),
        _ => None,
    })
}

/// Executes the named template with `data` into `out`.
pub fn execute(
    set: &TemplateSet,
    env: &mut Env,
    name: &str,
    data: Value,
    out: &mut String,
    depth: usize,
) -> Result<(), GoErr> {
    let Some(tree) = set.trees.get(name).cloned() else {
        return Err(GoErr::new(format!("template: no template {name:?} associated with template \"gotpl\"")));
    };
    execute_tree(set, env, tree, data, out, depth)
}

/// Executes a parsed tree (Go's `Template.Execute` on a template object, whatever the set
/// maps its name to).
pub fn execute_tree(
    set: &TemplateSet,
    env: &mut Env,
    tree: Rc<Tree>,
    data: Value,
    out: &mut String,
    depth: usize,
) -> Result<(), GoErr> {
    let name = tree.name.clone();
    if depth > env.max_nesting {
        return Err(GoErr::new(format!("template: {name}: exceeded maximum template depth ({})", 100_000)));
    }
    let mut st = State {
        set,
        env,
        vars: vec![("$".into(), data.clone(), false)],
        dot_iface: false,
        loc: Loc { tree: tree.clone() },
        node_pos: None,
        depth,
    };
    match st.walk_list(&data, &tree.root, out) {
        Ok(()) => Ok(()),
        Err(Flow::Err(e)) => Err(e),
        Err(_) => Ok(()),
    }
}

impl State<'_> {
    fn at(&mut self, pos: usize, text: String) {
        self.node_pos = Some((pos, Ctx::Text(text)));
    }

    fn at_node(&mut self, pos: usize, kind: Kind) {
        self.node_pos = Some((pos, Ctx::Node(self.loc.tree.clone(), kind)));
    }

    fn at_pipe(&mut self, p: &Pipe) {
        self.at_node(p.pos, Kind::Pipe);
    }

    fn at_cmd(&mut self, c: CmdAt<'_>) {
        match c {
            CmdAt::Cmd(c) => self.at_node(c.pos, Kind::Cmd),
            CmdAt::Ident(pos, name) => self.at(pos, name.to_string()),
        }
    }

    fn at_arg(&mut self, a: &Arg) {
        self.at_node(a.pos(), Kind::Arg(std::mem::discriminant(a)));
    }

    /// Go's `errorf` with the current node's location.
    fn errorf(&self, msg: String) -> Flow {
        Flow::Err(self.err_wrap(msg, None))
    }

    fn err_wrap(&self, msg: String, cause: Option<GoErr>) -> GoErr {
        let name = &self.loc.tree.name;
        let text = match &self.node_pos {
            None => format!("template: {name}: {msg}"),
            Some((pos, ctx)) => {
                let ctx = ctx.text(*pos);
                let (loc, _) = self.location(*pos);
                format!("template: {loc}: executing {name:?} at <{ctx}>: {msg}")
            }
        };
        GoErr { msg: text.clone(), wrapped: Some(Box::new(GoErr { msg: text, wrapped: cause.map(Box::new) })) }
    }

    fn location(&self, pos: usize) -> (String, ()) {
        let tree = &self.loc.tree;
        let text = &tree.text[..pos.min(tree.text.len())];
        let (line, col) = match text.rfind('\n') {
            None => (1, pos),
            Some(i) => (1 + text.matches('\n').count(), pos - (i + 1)),
        };
        (format!("{}:{}:{}", tree.parse_name, line, col), ())
    }

    fn check_size(&self, out: &str) -> R<()> {
        if out.len() > self.env.max_output {
            return Err(err(format!("template: output exceeds {} bytes", self.env.max_output)));
        }
        Ok(())
    }

    fn walk_list(&mut self, dot: &Value, list: &[Node], out: &mut String) -> R<()> {
        for n in list {
            self.walk(dot, n, out)?;
        }
        Ok(())
    }

    fn walk(&mut self, dot: &Value, node: &Node, out: &mut String) -> R<()> {
        match node {
            Node::Text(t) => {
                out.push_str(t);
                self.check_size(out)
            }
            Node::Action(pipe) => {
                let v = self.eval_pipeline(dot, pipe)?;
                if pipe.decl.is_empty() {
                    self.at_pipe(pipe);
                    print_value(&v, out);
                    self.check_size(out)?;
                }
                Ok(())
            }
            Node::If(b) => self.walk_if_with(dot, b, out, false),
            Node::With(b) => self.walk_if_with(dot, b, out, true),
            Node::Range(b) => self.walk_range(dot, b, out),
            Node::Break(_) => Err(Flow::Break),
            Node::Continue(_) => Err(Flow::Continue),
            Node::Template { pos, name, pipe } => self.walk_template(dot, *pos, name, pipe.as_ref(), out),
        }
    }

    #[inline(never)]
    fn walk_template(&mut self, dot: &Value, pos: usize, name: &str, pipe: Option<&Pipe>, out: &mut String) -> R<()> {
        let text = match pipe {
            Some(p) => format!("{{{{template {} {p}}}}}", crate::funcs::go_quote(name)),
            None => format!("{{{{template {}}}}}", crate::funcs::go_quote(name)),
        };
        self.at(pos, text.clone());
        let Some(tree) = self.set.trees.get(name).cloned() else {
            return Err(self.errorf(format!("template {name:?} not defined")));
        };
        let new_dot = match pipe {
            Some(p) => self.eval_pipeline(dot, p)?,
            None => Value::Nil,
        };
        self.at(pos, text);
        if self.depth >= self.env.max_nesting {
            return Err(self.errorf(format!("exceeded maximum template depth ({})", 100_000)));
        }
        let saved_vars = std::mem::replace(&mut self.vars, vec![("$".into(), new_dot.clone(), false)]);
        let saved_iface = std::mem::replace(&mut self.dot_iface, false);
        let saved_loc = std::mem::replace(&mut self.loc, Loc { tree: tree.clone() });
        self.depth += 1;
        let r = self.walk_list(&new_dot, &tree.root, out);
        self.depth -= 1;
        self.vars = saved_vars;
        self.dot_iface = saved_iface;
        self.loc = saved_loc;
        match r {
            Err(Flow::Err(e)) => Err(Flow::Err(e)),
            _ => Ok(()),
        }
    }

    fn walk_if_with(&mut self, dot: &Value, b: &Branch, out: &mut String, is_with: bool) -> R<()> {
        let mark = self.vars.len();
        let v = self.eval_pipeline(dot, &b.pipe)?;
        let r = if v.truthy() {
            if is_with {
                let saved = std::mem::replace(&mut self.dot_iface, false);
                let r = self.walk_list(&v, &b.list, out);
                self.dot_iface = saved;
                r
            } else {
                self.walk_list(dot, &b.list, out)
            }
        } else if let Some(el) = &b.else_list {
            self.walk_list(dot, el, out)
        } else {
            Ok(())
        };
        self.vars.truncate(mark);
        r
    }

    fn walk_range(&mut self, dot: &Value, b: &Branch, out: &mut String) -> R<()> {
        self.at(b.pos, format!("range {}", b.pipe));
        let mark0 = self.vars.len();
        let v = self.eval_pipeline(dot, &b.pipe)?;
        let mark = self.vars.len();
        let mut items: Vec<(Value, Value)> = Vec::new();
        let elem_iface = matches!(v, Value::List(_) | Value::Map(_));
        match &v {
            Value::List(l) => items.extend(l.iter().enumerate().map(|(i, x)| (Value::Int(i as i64), x.clone()))),
            Value::Bytes(_) | Value::Obj(_) if v.as_list().is_some() => items.extend(
                v.as_list().unwrap_or_default().into_iter().enumerate().map(|(i, x)| (Value::Int(i as i64), x)),
            ),
            Value::Map(m) => items.extend(m.borrow().iter().map(|(k, x)| (Value::str(k.as_str()), x.clone()))),
            Value::Obj(o) => {
                if let Obj::Files(f) = &**o {
                    items.extend(f.iter().map(|(k, x)| (Value::str(k.as_str()), Value::Bytes(x.clone()))));
                }
            }
            Value::Int(n) | Value::I64(n) => {
                if b.pipe.decl.len() > 1 {
                    return Err(self.errorf(format!("can't use {n} to iterate over more than one variable")));
                }
                let int64 = matches!(v, Value::I64(_));
                let mk = |i: i64| if int64 { Value::I64(i) } else { Value::Int(i) };
                items.extend((0..*n).map(|i| (mk(i), mk(i))));
            }
            Value::Nil => {}
            other => {
                self.vars.truncate(mark0);
                return Err(self.errorf(format!("range can't iterate over {}", other.to_go_string())));
            }
        }
        if items.is_empty() {
            let r = match &b.else_list {
                Some(el) => self.walk_list(dot, el, out),
                None => Ok(()),
            };
            self.vars.truncate(mark0);
            return r;
        }
        for (k, elem) in items {
            if !b.pipe.decl.is_empty() {
                if b.pipe.is_assign {
                    if b.pipe.decl.len() > 1 {
                        self.set_var(&b.pipe.decl[0], k.clone())?;
                        self.set_var(&b.pipe.decl[1], elem.clone())?;
                    } else {
                        self.set_var(&b.pipe.decl[0], elem.clone())?;
                    }
                } else {
                    let n = self.vars.len();
                    if b.pipe.decl.len() > 1 {
                        self.vars[n - 1].1 = elem.clone();
                        self.vars[n - 1].2 = elem_iface;
                        self.vars[n - 2].1 = k.clone();
                        self.vars[n - 2].2 = false;
                    } else {
                        self.vars[n - 1].1 = elem.clone();
                        self.vars[n - 1].2 = elem_iface;
                    }
                }
            }
            let saved = std::mem::replace(&mut self.dot_iface, elem_iface);
            let r = self.walk_list(&elem, &b.list, out);
            self.dot_iface = saved;
            self.vars.truncate(mark);
            match r {
                Ok(()) | Err(Flow::Continue) => {}
                Err(Flow::Break) => break,
                Err(e) => {
                    self.vars.truncate(mark0);
                    return Err(e);
                }
            }
        }
        self.vars.truncate(mark0);
        Ok(())
    }

    fn set_var(&mut self, name: &str, v: Value) -> R<()> {
        if let Some(slot) = self.vars.iter_mut().rev().find(|(n, _, _)| n == name) {
            slot.1 = v;
            slot.2 = false;
            return Ok(());
        }
        Err(self.errorf(format!("undefined variable: {name}")))
    }

    /// Go's `evalPipeline`.
    pub fn eval_pipeline(&mut self, dot: &Value, pipe: &Pipe) -> R<Value> {
        self.at_pipe(pipe);
        let mut value: Option<Value> = None;
        for cmd in &pipe.cmds {
            value = Some(self.eval_command(dot, cmd, value)?);
        }
        let value = value.unwrap_or_default();
        for d in &pipe.decl {
            if pipe.is_assign {
                self.set_var(d, value.clone())?;
            } else {
                self.vars.push((d.clone(), value.clone(), false));
            }
        }
        Ok(value)
    }

    fn eval_command(&mut self, dot: &Value, cmd: &crate::parse::Cmd, fin: Option<Value>) -> R<Value> {
        let first = &cmd.args[0];
        match first {
            Arg::Field { pos, idents } => {
                self.at_arg(first);
                let concrete = !self.dot_iface;
                return self.eval_field_chain(dot, dot.clone(), concrete, idents, *pos, first, &cmd.args, fin);
            }
            Arg::Chain { pos, node, fields } => {
                self.at_arg(first);
                let base = self.eval_arg(dot, node)?;
                return self.eval_field_chain(dot, base, true, fields, *pos, first, &cmd.args, fin);
            }
            Arg::Ident { pos, name } => {
                self.at(*pos, name.clone());
                return self.eval_function(dot, name, *pos, CmdAt::Cmd(cmd), &cmd.args, fin);
            }
            Arg::Pipe(p) => {
                if fin.is_some() || cmd.args.len() > 1 {
                    self.at_arg(first);
                    return Err(self.errorf(format!("can't give argument to non-function {first}")));
                }
                return self.eval_pipeline(dot, p);
            }
            Arg::Variable { pos, name, idents } => {
                self.at_arg(first);
                let v = self.var_value(name);
                if idents.is_empty() {
                    if fin.is_some() || cmd.args.len() > 1 {
                        return Err(self.errorf(format!("can't give argument to non-function {first}")));
                    }
                    return Ok(v);
                }
                let concrete = !self.var_iface(name);
                return self.eval_field_chain(dot, v, concrete, idents, *pos, first, &cmd.args, fin);
            }
            _ => {}
        }
        self.at_arg(first);
        if fin.is_some() || cmd.args.len() > 1 {
            return Err(self.errorf(format!("can't give argument to non-function {first}")));
        }
        match first {
            Arg::Bool(_, b) => Ok(Value::Bool(*b)),
            Arg::Dot(_) => Ok(dot.clone()),
            Arg::Nil(_) => Err(self.errorf("nil is not a command".into())),
            Arg::Number { text, .. } if crate::parse::uint_only(text) => {
                Err(self.errorf(format!("{text} overflows int")))
            }
            Arg::Number { value, .. } => Ok(value.clone()),
            Arg::Str { value, .. } => Ok(Value::Str(value.clone())),
            _ => Err(self.errorf(format!("can't evaluate command {first:?}"))),
        }
    }

    fn var_value(&self, name: &str) -> Value {
        self.vars.iter().rev().find(|(n, _, _)| n == name).map(|(_, v, _)| v.clone()).unwrap_or_default()
    }

    fn var_iface(&self, name: &str) -> bool {
        self.vars.iter().rev().find(|(n, _, _)| n == name).is_some_and(|(_, _, i)| *i)
    }

    /// Evaluates an argument (Go's `evalArg` for an `interface{}` parameter).
    fn eval_arg(&mut self, dot: &Value, a: &Arg) -> R<Value> {
        self.at_arg(a);
        match a {
            Arg::Dot(_) => Ok(dot.clone()),
            Arg::Nil(_) => Ok(Value::Nil),
            Arg::Bool(_, b) => Ok(Value::Bool(*b)),
            Arg::Number { text, .. } if crate::parse::uint_only(text) => {
                Err(self.errorf(format!("{text} overflows int")))
            }
            Arg::Number { value, .. } => Ok(value.clone()),
            Arg::Str { value, .. } => Ok(Value::Str(value.clone())),
            Arg::Field { pos, idents } => {
                let concrete = !self.dot_iface;
                self.eval_field_chain(dot, dot.clone(), concrete, idents, *pos, a, &[], None)
            }
            Arg::Variable { pos, name, idents } => {
                let v = self.var_value(name);
                if idents.is_empty() {
                    return Ok(v);
                }
                let concrete = !self.var_iface(name);
                self.eval_field_chain(dot, v, concrete, idents, *pos, a, &[], None)
            }
            Arg::Pipe(p) => self.eval_pipeline(dot, p),
            Arg::Ident { pos, name } => {
                self.eval_function(dot, name, *pos, CmdAt::Ident(*pos, name), std::slice::from_ref(a), None)
            }
            Arg::Chain { pos, node, fields } => {
                let base = self.eval_arg(dot, node)?;
                self.eval_field_chain(dot, base, true, fields, *pos, a, &[], None)
            }
        }
    }

    /// `evalFieldChain`: `receiver_invalid` is true when the receiver is a concrete value
    /// (a pipeline result, dot or a variable: nil there is Go's invalid value, which yields
    /// zero without error); map elements are `interface{}` values (nil errors).
    #[allow(clippy::too_many_arguments)]
    fn eval_field_chain(
        &mut self,
        dot: &Value,
        receiver: Value,
        concrete: bool,
        idents: &[String],
        pos: usize,
        node: &Arg,
        args: &[Arg],
        fin: Option<Value>,
    ) -> R<Value> {
        let _ = dot;
        let mut recv = receiver;
        let mut is_concrete = concrete;
        let n = idents.len();
        for (i, name) in idents.iter().enumerate() {
            let last = i == n - 1;
            let call_args: &[Arg] = if last && args.len() > 1 { &args[1..] } else { &[] };
            let fin_here = if last { fin.clone() } else { None };
            let _ = (pos, node);
            if is_concrete && matches!(recv, Value::Nil) {
                // Go's invalid value: every further field is the zero value, without error
                return Ok(Value::Nil);
            }
            recv = self.eval_field(dot, name, recv, is_concrete, call_args, fin_here)?;
            is_concrete = false;
        }
        Ok(recv)
    }

    fn eval_field(
        &mut self,
        dot: &Value,
        name: &str,
        recv: Value,
        concrete: bool,
        args: &[Arg],
        fin: Option<Value>,
    ) -> R<Value> {
        let has_args = !args.is_empty() || fin.is_some();
        let typ = if concrete { recv.type_name() } else { "interface {}" };
        match &recv {
            Value::Nil => {
                if concrete {
                    return Ok(Value::Nil);
                }
                return Err(self.errorf(format!("nil pointer evaluating interface {{}}.{name}")));
            }
            Value::Map(m) => {
                if has_args {
                    return Err(self.errorf(format!("{name} is not a method but has arguments")));
                }
                return Ok(m.borrow().get(name).cloned().unwrap_or(Value::Nil));
            }
            Value::Obj(o) => {
                let mut vals = Vec::new();
                for a in args {
                    vals.push(self.eval_arg(dot, a)?);
                }
                if let Some(f) = fin {
                    vals.push(f);
                }
                match funcs::method(o, name, &vals, self.env) {
                    Some(Ok(v)) => return Ok(v),
                    Some(Err(e)) => return Err(self.errorf(format!("error calling {name}: {e}"))),
                    None => {
                        if let Obj::Files(_) = &**o {
                            // a map[string][]byte: field access is a key lookup
                            if let Some(v) = funcs::files_index(o, name) {
                                return Ok(v);
                            }
                            return Ok(Value::Nil);
                        }
                    }
                }
            }
            _ => {}
        }
        Err(self.errorf(format!("can't evaluate field {name} in type {typ}")))
    }

    #[inline(never)]
    fn call_include(&mut self, vals: &[Value], cmd: CmdAt<'_>) -> R<Value> {
        let (tname, data) = (funcs::strval(&vals[0]), vals[1].clone());
        let count = self.env.included.entry(tname.clone()).or_insert(0);
        if *count > crate::funcs::RECURSION_MAX {
            let cause = GoErr {
                msg: format!("rendering template has a nested reference name: {tname}: unable to execute template"),
                wrapped: None,
            };
            self.at_cmd(cmd);
            return Err(Flow::Err(self.err_wrap(format!("error calling include: {}", cause.msg), Some(cause))));
        }
        *count += 1;
        let mut buf = String::new();
        let r = execute(self.set, self.env, &tname, data, &mut buf, self.depth + 1);
        if let Some(c) = self.env.included.get_mut(&tname) {
            *c -= 1;
        }
        match r {
            Ok(()) => Ok(Value::str(buf)),
            Err(e) => {
                self.at_cmd(cmd);
                Err(Flow::Err(self.err_wrap(format!("error calling include: {}", e.msg), Some(e))))
            }
        }
    }

    #[inline(never)]
    fn call_tpl(&mut self, vals: &[Value], cmd: CmdAt<'_>) -> R<Value> {
        let (text, data) = (funcs::strval(&vals[0]), vals[1].clone());
        match crate::engine::tpl(self.set, self.env, "gotpl", &text, data, self.depth + 1) {
            Ok(s) => Ok(Value::str(s)),
            Err(e) => {
                self.at_cmd(cmd);
                Err(Flow::Err(self.err_wrap(format!("error calling tpl: {}", e.msg), Some(e))))
            }
        }
    }

    /// Go's `evalArg` for a parameter of the given kind: constants convert or fail with
    /// `expected …; found …`, other operands are evaluated and checked (`validateType`).
    fn eval_typed_arg(&mut self, dot: &Value, a: &Arg, p: funcs::P) -> R<Value> {
        self.at_arg(a);
        match (p, a) {
            (funcs::P::A, _) => self.eval_arg(dot, a),
            (_, Arg::Nil(_)) => Err(self.errorf(format!("cannot assign nil to {}", p.go_type()))),
            (funcs::P::S, Arg::Str { value, .. }) => Ok(Value::Str(value.clone())),
            (funcs::P::S, Arg::Number { .. } | Arg::Bool(..)) => {
                Err(self.errorf(format!("expected string; found {a}")))
            }
            (funcs::P::I, Arg::Number { value, .. }) => match value {
                Value::Int(i) => Ok(Value::Int(*i)),
                Value::Float(f) if f.fract() == 0.0 => Ok(Value::Int(*f as i64)),
                _ => Err(self.errorf(format!("expected integer; found {a}"))),
            },
            (funcs::P::I, Arg::Str { .. } | Arg::Bool(..)) => Err(self.errorf(format!("expected integer; found {a}"))),
            (funcs::P::U32, Arg::Number { value, .. }) => match value {
                Value::Int(i) if *i >= 0 => Ok(Value::Int(i64::from(*i as u32))),
                Value::Float(f) if f.fract() == 0.0 && *f >= 0.0 => Ok(Value::Int(i64::from(*f as u64 as u32))),
                _ => Err(self.errorf(format!("expected unsigned integer; found {a}"))),
            },
            (funcs::P::U32, Arg::Str { .. } | Arg::Bool(..)) => {
                Err(self.errorf(format!("expected unsigned integer; found {a}")))
            }
            (funcs::P::T, Arg::Str { .. } | Arg::Number { .. } | Arg::Bool(..)) => {
                Err(self.errorf(format!("can't handle {a} for arg of type time.Time")))
            }
            (funcs::P::B, Arg::Bool(_, b)) => Ok(Value::Bool(*b)),
            (funcs::P::B, Arg::Str { .. } | Arg::Number { .. }) => {
                Err(self.errorf(format!("expected bool; found {a}")))
            }
            (funcs::P::M, Arg::Str { .. } | Arg::Number { .. } | Arg::Bool(..)) => {
                Err(self.errorf(format!("can't handle {a} for arg of type map[string]interface {{}}")))
            }
            _ => {
                let v = self.eval_arg(dot, a)?;
                // a field of a map yields a nil interface{} (not Go's invalid value)
                let from_map = matches!(a, Arg::Field { .. } | Arg::Chain { .. })
                    || matches!(a, Arg::Variable { idents, .. } if !idents.is_empty());
                if from_map && matches!(v, Value::Nil) && p != funcs::P::A {
                    return Err(
                        self.errorf(format!("wrong type for value; expected {}; got interface {{}}", p.go_type()))
                    );
                }
                self.validate(v, p)
            }
        }
    }

    /// Go's `validateType`.
    fn validate(&mut self, v: Value, p: funcs::P) -> R<Value> {
        let ok = match (p, &v) {
            (funcs::P::A, _) => true,
            (funcs::P::M, Value::Nil) => true,
            (_, Value::Nil) => return Err(self.errorf(format!("invalid value; expected {}", p.go_type()))),
            (funcs::P::S, Value::Str(_)) | (funcs::P::I, Value::Int(_)) | (funcs::P::B, Value::Bool(_)) => true,
            (funcs::P::M, Value::Map(_)) => true,
            (funcs::P::T, Value::Obj(o)) => matches!(**o, crate::value::Obj::Time(..)),
            _ => false,
        };
        if ok {
            Ok(v)
        } else {
            Err(self.errorf(format!("wrong type for value; expected {}; got {}", p.go_type(), v.type_name())))
        }
    }

    fn eval_function(
        &mut self,
        dot: &Value,
        name: &str,
        pos: usize,
        cmd: CmdAt<'_>,
        args: &[Arg],
        fin: Option<Value>,
    ) -> R<Value> {
        let n_args = args.len() - 1 + usize::from(fin.is_some());
        // and/or short-circuit on unevaluated arguments.
        if name == "and" || name == "or" {
            let rest = &args[1..];
            if n_args == 0 {
                return Err(self.errorf(format!("wrong number of args for {name}: want at least 1 got 0")));
            }
            let mut last = Value::Nil;
            for a in rest {
                let v = self.eval_arg(dot, a)?;
                let t = v.truthy();
                last = v;
                if (name == "and" && !t) || (name == "or" && t) {
                    return Ok(last);
                }
            }
            if let Some(f) = fin {
                last = f;
            }
            return Ok(last);
        }
        let (fixed, variadic) = funcs::signature(name);
        match variadic {
            Some(_) if n_args < fixed.len() => {
                return Err(
                    self.errorf(format!("wrong number of args for {name}: want at least {} got {n_args}", fixed.len()))
                );
            }
            None if n_args != fixed.len() => {
                return Err(self.errorf(format!("wrong number of args for {name}: want {} got {n_args}", fixed.len())));
            }
            _ => {}
        }
        let param = |i: usize| fixed.get(i).copied().or(variadic).unwrap_or(funcs::P::A);
        let mut vals = Vec::with_capacity(n_args);
        let mut konst = Vec::with_capacity(n_args);
        for (i, a) in args[1..].iter().enumerate() {
            vals.push(self.eval_typed_arg(dot, a, param(i))?);
            konst.push(matches!(a, Arg::Number { .. }));
        }
        if let Some(f) = fin {
            let i = vals.len();
            vals.push(self.validate(f, param(i))?);
            konst.push(false);
        }
        let _ = pos;
        match name {
            "include" => return self.call_include(&vals, cmd),
            "tpl" => return self.call_tpl(&vals, cmd),
            _ => {}
        }
        match funcs::call(name, &vals, &konst, self.env) {
            Ok(v) => Ok(v),
            Err(funcs::FnErr::Call(e)) => {
                self.at_cmd(cmd);
                Err(Flow::Err(self.err_wrap(format!("error calling {name}: {}", e.msg), Some(e))))
            }
            Err(funcs::FnErr::Arg(m)) => Err(self.errorf(m)),
        }
    }
}

/// `printValue` followed by Helm's `<no value>` removal happening on the whole output.
fn print_value(v: &Value, out: &mut String) {
    match v {
        Value::Nil => out.push_str("<no value>"),
        // an addressable field: printValue takes its address and calls `String()`
        Value::Obj(o) if matches!(&**o, Obj::KubeVersion(_)) => {
            if let Obj::KubeVersion(k) = &**o {
                out.push_str(&k.normalized);
            }
        }
        _ => out.push_str(&v.to_go_string()),
    }
}
