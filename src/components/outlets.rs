//! Each outlet's colour and pattern, for charts, legends and lists: eight colours safe for colour-blind
//! readers (Okabe–Ito, with Tol's indigo for their grey and black), then the same colours with stripes,
//! dots and cross-hatching, so the 9th to the 32nd outlet are still told apart; no outlet is grey and no
//! group of outlets shares one fill. The patterns are defined once per page ([`OutletDefs`]).

use yew::prelude::*;

pub const PALETTE: [&str; 8] = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#332288"];

/// Plain fill, stripes, dots, cross-hatching.
pub const PATTERNS: [&str; 4] = ["solid", "stripes", "dots", "hatch"];

/// Distinct fills: colours × patterns.
pub const FILLS: usize = PALETTE.len() * PATTERNS.len();

/// The colour and pattern of outlet `i` (its index in the index's outlets).
pub fn style(i: usize) -> (&'static str, &'static str) {
    let k = i % FILLS;
    (PALETTE[k % PALETTE.len()], PATTERNS[k / PALETTE.len()])
}

/// An SVG fill for outlet `i`: its colour, or its pattern.
pub fn fill(i: usize) -> String {
    let k = i % FILLS;
    if k < PALETTE.len() {
        PALETTE[k].to_string()
    } else {
        format!("url(#outlet-fill-{k})")
    }
}

/// The patterns, once per page (an SVG of no size; every other SVG refers to them by id).
#[function_component]
pub fn OutletDefs() -> Html {
    let patterns = (PALETTE.len()..FILLS).map(|k| {
        let colour = PALETTE[k % PALETTE.len()];
        let marks = match PATTERNS[k / PALETTE.len()] {
            "stripes" => html! { <path d="M-1,1 l2,-2 M0,8 l8,-8 M7,9 l2,-2" stroke="#ffffff" stroke-width="2" /> },
            "dots" => html! { <circle cx="4" cy="4" r="1.8" fill="#ffffff" /> },
            _ => html! { <path d="M0,0 L8,8 M8,0 L0,8" stroke="#ffffff" stroke-width="1.5" /> },
        };
        html! {
            <pattern id={format!("outlet-fill-{k}")} width="8" height="8" patternUnits="userSpaceOnUse">
                <rect width="8" height="8" fill={colour} />
                { marks }
            </pattern>
        }
    });
    html! { <svg class="outlet-defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>{ for patterns }</defs></svg> }
}

#[derive(Properties, PartialEq)]
pub struct SwatchProps {
    pub outlet: usize,
}

/// A small square in the outlet's fill (decorative: the outlet's name is always written beside it).
#[function_component]
pub fn Swatch(props: &SwatchProps) -> Html {
    let (_, pattern) = style(props.outlet);
    html! {
        <svg class={classes!("swatch", format!("pattern-{pattern}"))} width="14" height="14" aria-hidden="true" focusable="false">
            <rect width="14" height="14" fill={fill(props.outlet)} stroke="currentColor" stroke-width="1" />
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thirty_two_outlets_get_thirty_two_fills_and_none_is_grey() {
        let fills: std::collections::HashSet<String> = (0..FILLS).map(fill).collect();
        assert_eq!(fills.len(), FILLS);
        assert!(PALETTE.iter().all(|c| !matches!(*c, "#999999" | "#888888" | "#808080")));
        assert_eq!(style(8), (PALETTE[0], "stripes"));
        assert_eq!(fill(FILLS + 3), fill(3), "past 32 the fills come round again");
    }
}
