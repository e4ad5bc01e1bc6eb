//! Renders the core's Markdown tree as elements. Every piece of text is inserted as text; there
//! is no raw HTML to render (the core drops it). Images are rendered only when the caller maps
//! their source to something the page may load (see [`Markdown`]'s `image` prop).

use extcheck_core::markdown::{Block, Inline};
use leptos::prelude::*;

/// Maps an image source to a URL the page may load (`data:`/`blob:`), or `None` to show the
/// alt text instead.
pub type ImageSource = std::sync::Arc<dyn Fn(&str) -> Option<String> + Send + Sync>;

/// A Markdown document. `shift` lowers heading levels (a README's `#` becomes `h3` inside a
/// card); with `relative`, the document's highest heading counts as `#` first, so that a README
/// whose headings start at `##` or `####` skips no level (as the accessibility audit requires);
/// `image` resolves image sources (default: none are loaded).
#[component]
pub fn Markdown(
    blocks: Vec<Block>,
    #[prop(default = 0)] shift: u8,
    #[prop(default = false)] relative: bool,
    #[prop(optional)] image: Option<ImageSource>,
) -> impl IntoView {
    let image = image.unwrap_or_else(|| std::sync::Arc::new(|_: &str| None));
    let mut blocks = blocks;
    if relative {
        let top =
            blocks.iter().filter_map(|b| if let Block::Heading { level, .. } = b { Some(*level) } else { None }).min();
        let lift = top.unwrap_or(1).saturating_sub(1);
        for b in &mut blocks {
            if let Block::Heading { level, .. } = b {
                *level -= lift;
            }
        }
    }
    view! { <div class="markdown">{blocks_view(blocks, shift, &image)}</div> }
}

fn blocks_view(blocks: Vec<Block>, shift: u8, image: &ImageSource) -> AnyView {
    blocks.into_iter().map(|b| block_view(b, shift, image)).collect_view().into_any()
}

fn block_view(block: Block, shift: u8, image: &ImageSource) -> AnyView {
    match block {
        Block::Heading { level, inlines } => {
            let content = inlines_view(inlines, image);
            match (level + shift).min(6) {
                1 => view! { <h1>{content}</h1> }.into_any(),
                2 => view! { <h2>{content}</h2> }.into_any(),
                3 => view! { <h3>{content}</h3> }.into_any(),
                4 => view! { <h4>{content}</h4> }.into_any(),
                5 => view! { <h5>{content}</h5> }.into_any(),
                _ => view! { <h6>{content}</h6> }.into_any(),
            }
        }
        Block::Paragraph { inlines } => view! { <p>{inlines_view(inlines, image)}</p> }.into_any(),
        Block::Code { lang, text } => {
            view! { <pre class="code-block" data-lang=lang.unwrap_or_default() tabindex="0"><code>{text}</code></pre> }.into_any()
        }
        Block::List { start: Some(start), items } => view! {
            <ol start=start>{items.into_iter().map(|item| view! { <li>{blocks_view(item, shift, image)}</li> }).collect_view()}</ol>
        }
        .into_any(),
        Block::List { start: None, items } => view! {
            <ul>{items.into_iter().map(|item| view! { <li>{blocks_view(item, shift, image)}</li> }).collect_view()}</ul>
        }
        .into_any(),
        Block::Quote { blocks } => view! { <blockquote>{blocks_view(blocks, shift, image)}</blockquote> }.into_any(),
        Block::Table { head, rows } => view! {
            <div class="table-wrap" tabindex="0">
                <table>
                    <thead><tr>{head.into_iter().map(|c| view! { <th>{inlines_view(c, image)}</th> }).collect_view()}</tr></thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|r| view! { <tr>{r.into_iter().map(|c| view! { <td>{inlines_view(c, image)}</td> }).collect_view()}</tr> })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        }
        .into_any(),
        Block::Rule => view! { <hr /> }.into_any(),
    }
}

fn inlines_view(inlines: Vec<Inline>, image: &ImageSource) -> AnyView {
    inlines.into_iter().map(|i| inline_view(i, image)).collect_view().into_any()
}

fn inline_view(inline: Inline, image: &ImageSource) -> AnyView {
    match inline {
        Inline::Text { text } => text.into_any(),
        Inline::Code { text } => view! { <code>{text}</code> }.into_any(),
        Inline::Emphasis { children } => view! { <em>{inlines_view(children, image)}</em> }.into_any(),
        Inline::Strong { children } => view! { <strong>{inlines_view(children, image)}</strong> }.into_any(),
        Inline::Strike { children } => view! { <s>{inlines_view(children, image)}</s> }.into_any(),
        Inline::Link { href: Some(href), children } => {
            let external = href.starts_with("http");
            view! {
                <a href=href target=external.then_some("_blank") rel=external.then_some("noopener noreferrer")>
                    {inlines_view(children, image)}
                </a>
            }
            .into_any()
        }
        Inline::Link { href: None, children } => inlines_view(children, image),
        Inline::Image { src, alt } => match src.as_deref().and_then(|s| image(s)) {
            Some(url) => view! { <img src=url alt=alt.clone() loading="lazy" /> }.into_any(),
            None => {
                view! { <span class="img-placeholder" title=src.unwrap_or_default()>{format!("[image: {alt}]")}</span> }
                    .into_any()
            }
        },
        Inline::Break => view! { <br /> }.into_any(),
    }
}
