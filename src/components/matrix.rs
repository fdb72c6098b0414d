//! Who quoted whom: speakers × outlets, each cell the number of the speaker's quotations the outlet
//! carries (under the filters). A cell opens its quotations below the table; the rows sort by total, by
//! name or by one outlet's count, and the order is part of the link (`sort=`).

use std::rc::Rc;

use yew::prelude::*;

use crate::components::outlets::Swatch;
use crate::route::{MatrixSort, View};
use crate::state::doubt::{alternatives, is_unsure};
use crate::state::{Derived, Index};

/// Outlets shown as columns at most (the most quoting first); the rest are counted under the table.
pub const COLUMNS: usize = 12;
/// Speakers drawn at first and added by each "show more".
pub const ROWS: usize = 30;

/// The matrix of a view.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    /// Outlets (indexes into the index's outlets) as columns: the most quoting first, at most [`COLUMNS`].
    pub outlets: Vec<usize>,
    /// Outlets with quotations left out of the columns.
    pub more_outlets: usize,
    /// Rows: speaker id, count per column, total over every outlet; in the view's order.
    pub rows: Vec<(usize, Vec<usize>, usize)>,
    /// Per row, per column: how many of the cell's quotations are unsure attributions.
    pub unsure: Vec<Vec<usize>>,
}

/// Counts the shown quotations by speaker and outlet, and orders the rows as `sort` says.
pub fn matrix(ix: &Index, quotes: &[usize], sort: &MatrixSort) -> Matrix {
    let mut per_outlet = vec![0usize; ix.outlets.len()];
    let mut cells: Vec<Vec<usize>> = vec![Vec::new(); ix.speakers.len()];
    let mut doubts: Vec<Vec<usize>> = vec![Vec::new(); ix.speakers.len()];
    for &q in quotes {
        let Some(s) = ix.quote_speaker[q] else { continue };
        let o = ix.quote_outlet(q);
        per_outlet[o] += 1;
        cells[s].push(o);
        if is_unsure(&ix.analysis.quotes[q]) {
            doubts[s].push(o);
        }
    }
    let mut outlets: Vec<usize> = (0..ix.outlets.len()).filter(|&o| per_outlet[o] > 0).collect();
    outlets.sort_by(|&a, &b| per_outlet[b].cmp(&per_outlet[a]).then(ix.outlets[a].cmp(&ix.outlets[b])));
    let more_outlets = outlets.len().saturating_sub(COLUMNS);
    outlets.truncate(COLUMNS);
    let mut rows: Vec<(usize, Vec<usize>, usize)> = cells
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.is_empty())
        .map(|(s, c)| (s, outlets.iter().map(|o| c.iter().filter(|x| *x == o).count()).collect(), c.len()))
        .collect();
    let name = |s: usize| ix.speakers[s].name.as_str();
    let column = match sort {
        MatrixSort::Outlet(o) => outlets.iter().position(|&x| &ix.outlets[x] == o),
        _ => None,
    };
    rows.sort_by(|a, b| match (sort, column) {
        (MatrixSort::Name, _) => name(a.0).cmp(name(b.0)),
        (_, Some(c)) => b.1[c].cmp(&a.1[c]).then(b.2.cmp(&a.2)).then(name(a.0).cmp(name(b.0))),
        _ => b.2.cmp(&a.2).then(name(a.0).cmp(name(b.0))),
    });
    let unsure =
        rows.iter().map(|r| outlets.iter().map(|o| doubts[r.0].iter().filter(|x| *x == o).count()).collect()).collect();
    Matrix { outlets, more_outlets, rows, unsure }
}

#[derive(Properties, PartialEq)]
pub struct MatrixProps {
    pub index: Rc<Index>,
    pub derived: Rc<Derived>,
    pub view: Rc<View>,
    pub on_sort: Callback<MatrixSort>,
}

#[function_component]
pub fn MatrixView(props: &MatrixProps) -> Html {
    let ix = &props.index;
    let limit = use_state(|| ROWS);
    // The cell whose quotations are open: (speaker id, outlet index).
    let open = use_state(|| None::<(usize, usize)>);
    let m = use_memo((ix.clone(), props.derived.clone(), props.view.sort.clone()), |(ix, d, sort)| {
        matrix(ix, &d.quotes, sort)
    });
    if m.rows.is_empty() {
        return html! { <div class="matrix"><h2>{ "Who quoted whom" }</h2><p class="empty" role="status">{ "No attributed quotation matches these filters." }</p></div> };
    }
    let sort = &props.view.sort;
    let header = |label: String, this: MatrixSort, class: &'static str| {
        let on = *sort == this;
        let cb = props.on_sort.clone();
        let aria_sort = if on {
            if this == MatrixSort::Name {
                "ascending"
            } else {
                "descending"
            }
        } else {
            "none"
        };
        html! {
            <th scope="col" class={class} aria-sort={aria_sort}>
                <button class={classes!("sort", on.then_some("on"))} onclick={Callback::from(move |_| cb.emit(this.clone()))}>
                    { label }<span aria-hidden="true">{ if on { " ▼" } else { "" } }</span>
                </button>
            </th>
        }
    };
    let columns = m.outlets.iter().map(|&o| {
        let name = ix.outlets[o].clone();
        html! {
            <th scope="col" class="outlet-col" aria-sort={if *sort == MatrixSort::Outlet(name.clone()) { "descending" } else { "none" }}>
                <button class={classes!("sort", (*sort == MatrixSort::Outlet(name.clone())).then_some("on"))}
                    onclick={{ let cb = props.on_sort.clone(); let n = name.clone(); Callback::from(move |_| cb.emit(MatrixSort::Outlet(n.clone()))) }}>
                    <Swatch outlet={o} />{ name.clone() }
                </button>
            </th>
        }
    });
    let rows = m.rows.iter().zip(&m.unsure).take(*limit).map(|((s, counts, total), unsure)| {
        let speaker = ix.speakers[*s].name.clone();
        let cells = counts.iter().zip(unsure).zip(&m.outlets).map(|((&n, &doubt), &o)| {
            if n == 0 {
                return html! { <td class="cell zero">{ "·" }<span class="visually-hidden">{ "none" }</span></td> };
            }
            let here = *open == Some((*s, o));
            let click = {
                let open = open.clone();
                let key = (*s, o);
                Callback::from(move |_| open.set(if *open == Some(key) { None } else { Some(key) }))
            };
            html! {
                <td class="cell">
                    <button class={classes!("cell-button", here.then_some("on"))} aria-pressed={here.to_string()} onclick={click}
>
                        { n }<span class="visually-hidden">{ format!(" {} of {speaker} in {}", if n == 1 { "quotation" } else { "quotations" }, ix.outlets[o]) }</span>
                        if doubt > 0 { <span class="doubt">{ format!(" {doubt}?") }</span><span class="visually-hidden">{ " unsure" }</span> }
                    </button>
                </td>
            }
        });
        html! { <tr key={speaker.clone()}><th scope="row">{ speaker.clone() }</th>{ for cells }<td class="total">{ *total }</td></tr> }
    });
    let detail = (*open).map(|(s, o)| {
        let items = props
            .derived
            .quotes
            .iter()
            .copied()
            .filter(|&q| ix.quote_speaker[q] == Some(s) && ix.quote_outlet(q) == o)
            .map(|q| {
                let quote = &ix.analysis.quotes[q];
                let verb = quote.verb.clone().map(|v| format!(" · “{v}”")).unwrap_or_default();
                let unsure = is_unsure(quote);
                html! { <li key={quote.id.clone()} class={classes!(unsure.then_some("unsure"))}><blockquote>{ format!("“{}”", quote.text) }</blockquote>
                <p class="meta">{ format!("{}{verb}", ix.article_label(ix.quote_article(q))) }
                    if unsure { <span class="badge badge-unsure">{ "unsure" }</span><span class="alternatives">{ alternatives(quote) }</span> }
                </p></li> }
            });
        html! {
            <section class="cell-quotes" aria-live="polite">
                <h3>{ format!("{} in {}", ix.speakers[s].name, ix.outlets[o]) }</h3>
                <ul>{ for items }</ul>
            </section>
        }
    });
    let rest = m.rows.len().saturating_sub(*limit);
    let more = {
        let limit = limit.clone();
        Callback::from(move |_| limit.set(*limit + ROWS))
    };
    html! {
        <div class="matrix">
            <h2>{ "Who quoted whom" }</h2>
            <p class="muted">{ format!("Quotations of {} speakers in {} outlets. Select a number for its quotations; select a column's name to sort by it. A number followed by “2?” holds two unsure attributions.", m.rows.len(), m.outlets.len()) }</p>
            <div class="table-scroll" tabindex="0" role="region" aria-label="Speakers by outlet">
                <table class="matrix-table">
                    <thead><tr>
                        { header("Speaker".into(), MatrixSort::Name, "speaker-col") }
                        { for columns }
                        { header("Total".into(), MatrixSort::Total, "total-col") }
                    </tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
            if m.more_outlets > 0 {
                <p class="muted">{ format!("{} more outlets with fewer quotations are counted in the totals only.", m.more_outlets) }</p>
            }
            if rest > 0 {
                <button class="more" onclick={more}>{ format!("Show {} more of {rest} speakers", rest.min(ROWS)) }</button>
            }
            { for detail }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_corpus_counts_each_quote_once_and_sorts_three_ways() {
        let ix = Index::new(Rc::new(crate::builtin::analysis()));
        let d = ix.derive(&View::default());
        let m = matrix(&ix, &d.quotes, &MatrixSort::Total);
        let attributed = d.quotes.iter().filter(|&&q| ix.quote_speaker[q].is_some()).count();
        assert_eq!(m.rows.iter().map(|r| r.2).sum::<usize>(), attributed);
        assert!(m.rows.windows(2).all(|w| w[0].2 >= w[1].2), "most quoted first");
        assert!(m.outlets.len() >= 4, "{:?}", m.outlets.iter().map(|&o| &ix.outlets[o]).collect::<Vec<_>>());
        let by_name = matrix(&ix, &d.quotes, &MatrixSort::Name);
        let names: Vec<&str> = by_name.rows.iter().map(|r| ix.speakers[r.0].name.as_str()).collect();
        assert!(names.windows(2).all(|w| w[0] <= w[1]), "{names:?}");
        let last = ix.outlets[*m.outlets.last().expect("an outlet")].clone();
        let by_outlet = matrix(&ix, &d.quotes, &MatrixSort::Outlet(last));
        let col = by_outlet.outlets.len() - 1;
        assert!(by_outlet.rows.windows(2).all(|w| w[0].1[col] >= w[1].1[col]));
    }
}
