//! Markdown as a small, safe tree (pulldown-cmark with GitHub extensions), for rule docs and
//! extension READMEs. Raw HTML is dropped — as the KubeSphere console renders READMEs with
//! `skipHtml` — and link targets other than http(s), mailto, relative paths and anchors are
//! removed, so a renderer never needs to insert HTML.

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};

/// A block of a document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Block {
    /// A heading, level 1–6.
    Heading {
        /// Level (1 for `#`).
        level: u8,
        /// Its text.
        inlines: Vec<Inline>,
    },
    /// A paragraph.
    Paragraph {
        /// Its text.
        inlines: Vec<Inline>,
    },
    /// A fenced or indented code block.
    Code {
        /// The fence's language, if any.
        lang: Option<String>,
        /// The code.
        text: String,
    },
    /// A bullet or numbered list; each item is a list of blocks.
    List {
        /// The first number of an ordered list.
        start: Option<u64>,
        /// The items.
        items: Vec<Vec<Block>>,
    },
    /// A block quote.
    Quote {
        /// Its blocks.
        blocks: Vec<Block>,
    },
    /// A GFM table: header cells, then rows of cells.
    Table {
        /// Header cells.
        head: Vec<Vec<Inline>>,
        /// Body rows.
        rows: Vec<Vec<Vec<Inline>>>,
    },
    /// A thematic break.
    Rule,
}

/// Inline content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Inline {
    /// Plain text.
    Text {
        /// The text.
        text: String,
    },
    /// Inline code.
    Code {
        /// The code.
        text: String,
    },
    /// Emphasis.
    Emphasis {
        /// Content.
        children: Vec<Inline>,
    },
    /// Strong emphasis.
    Strong {
        /// Content.
        children: Vec<Inline>,
    },
    /// Strikethrough.
    Strike {
        /// Content.
        children: Vec<Inline>,
    },
    /// A link; `href` is `None` when its target was not allowed.
    Link {
        /// The target, if allowed.
        href: Option<String>,
        /// Content.
        children: Vec<Inline>,
    },
    /// An image: its source (if allowed) and alt text.
    Image {
        /// The source, if allowed (http(s), relative path, or `data:image/`).
        src: Option<String>,
        /// Alternative text.
        alt: String,
    },
    /// A line break.
    Break,
}

/// True for a link target a page may follow: http(s), mailto, a relative path or an anchor.
pub fn is_safe_href(href: &str) -> bool {
    let lower = href.trim().to_ascii_lowercase();
    match lower.split_once(':') {
        Some((scheme, _)) if !scheme.contains('/') && !scheme.contains('#') && !scheme.contains('?') => {
            matches!(scheme, "http" | "https" | "mailto")
        }
        _ => true,
    }
}

fn is_safe_image(src: &str) -> bool {
    let lower = src.trim().to_ascii_lowercase();
    lower.starts_with("data:image/") || is_safe_href(src) && !lower.starts_with("mailto:")
}

/// Deepest nesting of Markdown containers (quotes, lists, items, emphasis, links, …) kept in
/// the tree; deeper ones are flattened into the container at this depth (their text is kept).
/// Bounds the tree, so that dropping, walking and rendering it (recursive, in the page) cannot
/// overflow the stack on a README of 100,000 nested `> ` or `- `.
pub const MAX_DEPTH: usize = 32;

/// Parses `markdown` (CommonMark plus GFM tables, strikethrough and task lists), containers
/// nested deeper than [`MAX_DEPTH`] flattened.
pub fn parse(markdown: &str) -> Vec<Block> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    let mut builder = Builder::default();
    let mut depth = 0usize;
    for event in Parser::new_ext(markdown, options) {
        match &event {
            Event::Start(_) => {
                depth += 1;
                if depth > MAX_DEPTH {
                    continue;
                }
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                if depth >= MAX_DEPTH {
                    continue;
                }
            }
            _ => {}
        }
        builder.event(event);
    }
    builder.finish()
}

/// An open container while building.
enum Frame {
    Blocks(Vec<Block>),
    Inlines(Vec<Inline>),
}

#[derive(Default)]
struct Builder {
    /// Open containers, outermost first; the tags that opened them are kept in `tags`.
    stack: Vec<Frame>,
    tags: Vec<Open>,
    done: Vec<Block>,
    code: Option<(Option<String>, String)>,
    image: Option<(Option<String>, String)>,
}

enum Open {
    Heading(u8),
    Paragraph,
    List(Option<u64>, Vec<Vec<Block>>),
    Item,
    Quote,
    Table(Vec<Vec<Inline>>, Vec<Vec<Vec<Inline>>>, bool),
    Row(Vec<Vec<Inline>>),
    Cell,
    Emphasis,
    Strong,
    Strike,
    Link(Option<String>),
}

impl Builder {
    fn push_block(&mut self, block: Block) {
        for frame in self.stack.iter_mut().rev() {
            if let Frame::Blocks(blocks) = frame {
                blocks.push(block);
                return;
            }
        }
        self.done.push(block);
    }

    fn push_inline(&mut self, inline: Inline) {
        match self.stack.last_mut() {
            Some(Frame::Inlines(inlines)) => inlines.push(inline),
            // Text directly in a list item ("tight" lists) becomes a paragraph.
            _ => {
                self.tags.push(Open::Paragraph);
                self.stack.push(Frame::Inlines(vec![inline]));
            }
        }
    }

    /// Closes a tight paragraph opened implicitly inside an item before a nested block.
    fn close_implicit_paragraph(&mut self) {
        if matches!(self.tags.last(), Some(Open::Paragraph)) && matches!(self.stack.last(), Some(Frame::Inlines(_))) {
            self.end(TagEnd::Paragraph);
        }
    }

    fn text(&mut self, text: &str) {
        if let Some((_, code)) = &mut self.code {
            code.push_str(text);
        } else if let Some((_, alt)) = &mut self.image {
            alt.push_str(text);
        } else {
            self.push_inline(Inline::Text { text: text.to_string() });
        }
    }

    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(t) => self.push_inline(Inline::Code { text: t.into_string() }),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.push_inline(Inline::Break),
            Event::Rule => {
                self.close_implicit_paragraph();
                self.push_block(Block::Rule);
            }
            Event::TaskListMarker(done) => self.text(if done { "☑ " } else { "☐ " }),
            // Raw HTML is skipped, as the console's `skipHtml` does; math and footnotes as text.
            Event::Html(_) | Event::InlineHtml(_) => {}
            Event::InlineMath(t) | Event::DisplayMath(t) => self.text(&t),
            Event::FootnoteReference(t) => self.text(&format!("[{t}]")),
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            Tag::Heading { level, .. } => {
                self.close_implicit_paragraph();
                let level = match level {
                    HeadingLevel::H1 => 1,
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    HeadingLevel::H4 => 4,
                    HeadingLevel::H5 => 5,
                    HeadingLevel::H6 => 6,
                };
                self.tags.push(Open::Heading(level));
                self.stack.push(Frame::Inlines(Vec::new()));
            }
            Tag::Paragraph => {
                self.tags.push(Open::Paragraph);
                self.stack.push(Frame::Inlines(Vec::new()));
            }
            Tag::CodeBlock(kind) => {
                self.close_implicit_paragraph();
                let lang = match kind {
                    CodeBlockKind::Fenced(l) if !l.is_empty() => {
                        Some(l.split_whitespace().next().unwrap_or("").to_string())
                    }
                    _ => None,
                };
                self.code = Some((lang, String::new()));
            }
            Tag::List(start) => {
                self.close_implicit_paragraph();
                self.tags.push(Open::List(start, Vec::new()));
            }
            Tag::Item => {
                self.tags.push(Open::Item);
                self.stack.push(Frame::Blocks(Vec::new()));
            }
            Tag::BlockQuote(_) => {
                self.close_implicit_paragraph();
                self.tags.push(Open::Quote);
                self.stack.push(Frame::Blocks(Vec::new()));
            }
            Tag::Table(_) => self.tags.push(Open::Table(Vec::new(), Vec::new(), true)),
            Tag::TableHead => self.tags.push(Open::Row(Vec::new())),
            Tag::TableRow => self.tags.push(Open::Row(Vec::new())),
            Tag::TableCell => {
                self.tags.push(Open::Cell);
                self.stack.push(Frame::Inlines(Vec::new()));
            }
            Tag::Emphasis => {
                self.tags.push(Open::Emphasis);
                self.stack.push(Frame::Inlines(Vec::new()));
            }
            Tag::Strong => {
                self.tags.push(Open::Strong);
                self.stack.push(Frame::Inlines(Vec::new()));
            }
            Tag::Strikethrough => {
                self.tags.push(Open::Strike);
                self.stack.push(Frame::Inlines(Vec::new()));
            }
            Tag::Link { dest_url, .. } => {
                let href = is_safe_href(&dest_url).then(|| dest_url.into_string());
                self.tags.push(Open::Link(href));
                self.stack.push(Frame::Inlines(Vec::new()));
            }
            Tag::Image { dest_url, .. } => {
                let src = is_safe_image(&dest_url).then(|| dest_url.into_string());
                self.image = Some((src, String::new()));
            }
            // Raw HTML blocks, footnote definitions, metadata and the rest: their text is
            // kept (HTML events themselves are dropped).
            _ => {}
        }
    }

    fn pop_inlines(&mut self) -> Vec<Inline> {
        match self.stack.pop() {
            Some(Frame::Inlines(i)) => i,
            Some(other) => {
                self.stack.push(other);
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    fn pop_blocks(&mut self) -> Vec<Block> {
        match self.stack.pop() {
            Some(Frame::Blocks(b)) => b,
            Some(other) => {
                self.stack.push(other);
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::CodeBlock => {
                if let Some((lang, text)) = self.code.take() {
                    self.push_block(Block::Code { lang, text });
                }
                return;
            }
            TagEnd::Image => {
                if let Some((src, alt)) = self.image.take() {
                    self.push_inline(Inline::Image { src, alt });
                }
                return;
            }
            TagEnd::Item => {
                // A tight item's implicit paragraph closes with the item.
                self.close_implicit_paragraph();
            }
            _ => {}
        }
        let Some(open) = self.tags.pop() else { return };
        match open {
            Open::Heading(level) => {
                let inlines = self.pop_inlines();
                self.push_block(Block::Heading { level, inlines });
            }
            Open::Paragraph => {
                let inlines = self.pop_inlines();
                self.push_block(Block::Paragraph { inlines });
                // An implicit paragraph was opened for a tight item; the real end event is
                // still to come for explicit paragraphs only.
                if tag != TagEnd::Paragraph {
                    self.end(tag);
                }
            }
            Open::List(start, items) => self.push_block(Block::List { start, items }),
            Open::Item => {
                let blocks = self.pop_blocks();
                if let Some(Open::List(_, items)) = self.tags.last_mut() {
                    items.push(blocks);
                }
            }
            Open::Quote => {
                let blocks = self.pop_blocks();
                self.push_block(Block::Quote { blocks });
            }
            Open::Table(head, rows, _) => self.push_block(Block::Table { head, rows }),
            Open::Row(cells) => {
                if let Some(Open::Table(head, rows, in_head)) = self.tags.last_mut() {
                    if *in_head {
                        *head = cells;
                        *in_head = false;
                    } else {
                        rows.push(cells);
                    }
                }
            }
            Open::Cell => {
                let inlines = self.pop_inlines();
                if let Some(Open::Row(cells)) = self.tags.last_mut() {
                    cells.push(inlines);
                }
            }
            Open::Emphasis => {
                let children = self.pop_inlines();
                self.push_inline(Inline::Emphasis { children });
            }
            Open::Strong => {
                let children = self.pop_inlines();
                self.push_inline(Inline::Strong { children });
            }
            Open::Strike => {
                let children = self.pop_inlines();
                self.push_inline(Inline::Strike { children });
            }
            Open::Link(href) => {
                let children = self.pop_inlines();
                self.push_inline(Inline::Link { href, children });
            }
        }
    }

    fn finish(mut self) -> Vec<Block> {
        while let Some(Frame::Inlines(_)) = self.stack.last() {
            self.end(TagEnd::Paragraph);
        }
        self.done
    }
}

/// The plain text of inlines (code kept, markup dropped).
pub fn inline_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text { text } => out.push_str(text),
            Inline::Code { text } => {
                out.push('`');
                out.push_str(text);
                out.push('`');
            }
            Inline::Emphasis { children } | Inline::Strong { children } | Inline::Strike { children } => {
                out.push_str(&inline_text(children))
            }
            Inline::Link { href, children } => {
                out.push_str(&inline_text(children));
                if let Some(h) = href.as_ref().filter(|h| !h.starts_with('#')) {
                    out.push_str(&format!(" <{h}>"));
                }
            }
            Inline::Image { alt, .. } => out.push_str(&format!("[image: {alt}]")),
            Inline::Break => out.push('\n'),
        }
    }
    out
}

/// Renders blocks as plain text for a terminal: headings underlined, code indented, tables
/// as `cell | cell` rows, lists with `-` or numbers.
pub fn to_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    write_blocks(blocks, "", &mut out);
    out.trim_end().to_string() + "\n"
}

fn write_blocks(blocks: &[Block], indent: &str, out: &mut String) {
    for block in blocks {
        match block {
            Block::Heading { level, inlines } => {
                let text = inline_text(inlines);
                out.push_str(&format!("{indent}{text}\n"));
                if *level <= 2 {
                    let mark = if *level == 1 { '=' } else { '-' };
                    out.push_str(&format!("{indent}{}\n", mark.to_string().repeat(text.chars().count())));
                }
                out.push('\n');
            }
            Block::Paragraph { inlines } => out.push_str(&format!("{indent}{}\n\n", inline_text(inlines))),
            Block::Code { text, .. } => {
                for line in text.trim_end().lines() {
                    out.push_str(&format!("{indent}    {line}\n"));
                }
                out.push('\n');
            }
            Block::List { start, items } => {
                for (n, item) in items.iter().enumerate() {
                    let marker = start.map_or("- ".to_string(), |s| format!("{}. ", s + n as u64));
                    let mut inner = String::new();
                    write_blocks(item, "", &mut inner);
                    let pad = " ".repeat(marker.len());
                    for (i, line) in inner.trim_end().lines().enumerate() {
                        let lead = if i == 0 { marker.as_str() } else { pad.as_str() };
                        out.push_str(&format!("{indent}{lead}{line}\n"));
                    }
                }
                out.push('\n');
            }
            Block::Quote { blocks } => write_blocks(blocks, &format!("{indent}> "), out),
            Block::Table { head, rows } => {
                let row =
                    |cells: &Vec<Vec<Inline>>| cells.iter().map(|c| inline_text(c)).collect::<Vec<_>>().join(" | ");
                out.push_str(&format!("{indent}{}\n", row(head)));
                for r in rows {
                    out.push_str(&format!("{indent}{}\n", row(r)));
                }
                out.push('\n');
            }
            Block::Rule => out.push_str(&format!("{indent}---\n\n")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_and_inlines() {
        let md = "# Title\n\nSome *em* and **strong** `code` [link](https://x.io).\n\n- one\n- two `b`\n\n```yaml\na: 1\n```\n\n| A | B |\n|---|---|\n| 1 | `2` |\n";
        let blocks = parse(md);
        assert_eq!(blocks.len(), 5, "{blocks:#?}");
        assert_eq!(blocks[0], Block::Heading { level: 1, inlines: vec![Inline::Text { text: "Title".into() }] });
        let Block::List { items, .. } = &blocks[2] else { panic!("{:?}", blocks[2]) };
        assert_eq!(items.len(), 2);
        assert!(matches!(&items[1][0], Block::Paragraph { inlines } if inline_text(inlines) == "two `b`"));
        assert_eq!(blocks[3], Block::Code { lang: Some("yaml".into()), text: "a: 1\n".into() });
        let Block::Table { head, rows } = &blocks[4] else { panic!() };
        assert_eq!((head.len(), rows.len()), (2, 1));
    }

    #[test]
    fn raw_html_and_unsafe_links_are_dropped() {
        let blocks =
            parse("<script>alert(1)</script>\n\nHi <b>there</b> [x](javascript:alert(1)) ![i](https://x/i.png)\n");
        let text = to_text(&blocks);
        assert!(!text.contains("script") && !text.contains("<b>"), "{text}");
        let Block::Paragraph { inlines } = &blocks[0] else { panic!("{blocks:?}") };
        assert!(inlines.iter().any(|i| matches!(i, Inline::Link { href: None, .. })));
        assert!(inlines.iter().any(|i| matches!(i, Inline::Image { src: Some(s), .. } if s == "https://x/i.png")));
        assert!(!is_safe_href("JavaScript:void(0)") && is_safe_href("./docs/a.md") && is_safe_href("#top"));
    }

    #[test]
    fn every_rule_doc_renders() {
        for rule in crate::rules::RULES {
            let blocks = parse(rule.docs);
            let headings = blocks.iter().filter(|b| matches!(b, Block::Heading { .. })).count();
            assert_eq!(headings, 6, "{}", rule.code);
            assert!(blocks.iter().any(|b| matches!(b, Block::Table { .. })), "{}", rule.code);
            assert!(to_text(&blocks).starts_with(&format!("{}: ", rule.code)));
        }
    }
}
