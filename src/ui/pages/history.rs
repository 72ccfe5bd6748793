//! The history of one project on its results page: the overall score and each point's status
//! over its chain of assessments, as a small chart with the same figures in a table beside it.
//! The chain is worked out by `core::reassess::chain`.

use leptos::prelude::*;

use crate::core::assessment::{format_date, Assessment};
use crate::core::framework::Framework;
use crate::core::reassess::{self, HistoryRow, HISTORY_FROM};
use crate::ui::widgets::StandingTag;

/// The history, when three or more assessments of the project are known among `known`.
#[component]
pub fn History(
    framework: &'static Framework,
    assessment: Assessment,
    known: Vec<Assessment>,
) -> impl IntoView {
    let known_refs: Vec<&Assessment> = known.iter().collect();
    let chain = reassess::chain(&assessment, &known_refs);
    if chain.len() < HISTORY_FROM {
        return None;
    }
    let rows = reassess::history(framework, &chain);
    Some(view! {
        <section class="app-print-section" aria-labelledby="history-heading" id="history">
            <h2 class="govuk-heading-m" id="history-heading">"History"</h2>
            <p class="govuk-body">
                {format!(
                    "This project has {} assessments in this browser, each started from the one before.",
                    rows.len(),
                )}
            </p>
            <HistoryChart rows=rows.clone() />
            <HistoryTable framework rows />
        </section>
    })
}

fn when(row: &HistoryRow) -> String {
    row.date
        .as_deref()
        .map(format_date)
        .unwrap_or_else(|| "No date".to_owned())
}

/// Overall scores as a line, oldest on the left. The table holds the same figures, so the drawing
/// is hidden from assistive technology.
#[component]
fn HistoryChart(rows: Vec<HistoryRow>) -> impl IntoView {
    // Whole pixels, as in the results chart: no float formatting in the app.
    const WIDTH: u32 = 600;
    const HEIGHT: u32 = 160;
    const LEFT: u32 = 40;
    const TOP: u32 = 10;
    let step =
        (WIDTH - LEFT - 20) / u32::try_from(rows.len().saturating_sub(1).max(1)).unwrap_or(1);
    let y_of = |percent: u64| TOP + (HEIGHT - 2 * TOP) * (100 - percent.min(100) as u32) / 100;
    let points: Vec<(u32, u32, u64)> = rows
        .iter()
        .enumerate()
        .filter_map(|(index, row)| {
            let x = LEFT + step * u32::try_from(index).unwrap_or(0);
            row.overall.map(|percent| (x, y_of(percent), percent))
        })
        .collect();
    let path = points
        .iter()
        .map(|(x, y, _)| format!("{x},{y}"))
        .collect::<Vec<_>>()
        .join(" ");
    let marks = points
        .iter()
        .map(|(x, y, percent)| {
            view! {
                <circle class="app-history__point" cx=*x cy=*y r="5"></circle>
                <text x=*x y=y.saturating_sub(10) text-anchor="middle">{format!("{percent}%")}</text>
            }
        })
        .collect_view();
    let axis = [0u64, 50, 100].map(|percent| {
        let y = y_of(percent);
        view! {
            <line class="app-history__grid" x1=LEFT x2=WIDTH y1=y y2=y></line>
            <text x="0" y=y + 4>{format!("{percent}%")}</text>
        }
    });
    view! {
        <figure class="govuk-!-margin-0 govuk-!-margin-bottom-4">
            <svg
                class="app-history"
                viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                width=WIDTH
                height=HEIGHT
                aria-hidden="true"
                focusable="false"
            >
                {axis.into_iter().collect_view()}
                <polyline class="app-history__line" points=path></polyline>
                {marks}
            </svg>
            <figcaption class="govuk-body-s">
                "Chart of the overall score of each assessment, oldest first. The table below holds the same figures."
            </figcaption>
        </figure>
    }
}

/// Each assessment's overall score and status, and each point's status, in words.
#[component]
fn HistoryTable(framework: &'static Framework, rows: Vec<HistoryRow>) -> impl IntoView {
    let point_headers = framework
        .points
        .iter()
        .map(|point| {
            view! {
                <th scope="col" class="govuk-table__header">
                    <span aria-hidden="true">{point.number.clone()}</span>
                    <span class="govuk-visually-hidden">{format!("Point {}: {}", point.number, point.title)}</span>
                </th>
            }
        })
        .collect_view();
    let body = rows
        .iter()
        .map(|row| {
            let cells = row
                .points
                .iter()
                .map(|standing| {
                    view! {
                        <td class="govuk-table__cell">
                            <StandingTag standing=*standing />
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr class="govuk-table__row">
                    <th scope="row" class="govuk-table__header">
                        {row.name.clone()}
                        <span class="govuk-body-s govuk-!-display-block">{when(row)}</span>
                    </th>
                    <td class="govuk-table__cell govuk-table__cell--numeric">
                        {row.overall.map(|percent| format!("{percent}%")).unwrap_or_else(|| "No score".to_owned())}
                    </td>
                    <td class="govuk-table__cell">
                        <StandingTag standing=row.standing />
                    </td>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="app-table-scroll" tabindex="0" role="region" aria-labelledby="history-caption">
            <table class="govuk-table govuk-table--small-text-until-tablet" id="history-table">
                <caption class="govuk-table__caption govuk-table__caption--s" id="history-caption">
                    "Overall score and the status of each point, oldest assessment first"
                </caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Assessment"</th>
                        <th scope="col" class="govuk-table__header govuk-table__header--numeric">"Overall"</th>
                        <th scope="col" class="govuk-table__header">"Status"</th>
                        {point_headers}
                    </tr>
                </thead>
                <tbody class="govuk-table__body">{body}</tbody>
            </table>
        </div>
    }
}
