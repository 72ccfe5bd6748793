//! "How scoring works": the rules in plain words, the same rules `core::scoring` applies.

use leptos::prelude::*;

use crate::core::scoring::{BAND_MEETS, BAND_PARTLY};
use crate::ui::widgets::MainHeading;

#[component]
pub fn HowScoringWorksPage() -> impl IntoView {
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <MainHeading text="How scoring works" />
                <p class="govuk-body">
                    "Scores help you see where you stand and where the gaps are. They are not an official rating."
                </p>
                <h2 class="govuk-heading-m">"Each criterion"</h2>
                <ul class="govuk-list govuk-list--bullet">
                    <li>"Met scores 1."</li>
                    <li>"Partly met scores half (0.5)."</li>
                    <li>"Not met scores 0."</li>
                    <li>"Not applicable is left out altogether."</li>
                    <li>"A criterion you have not answered yet counts as 0, and its point stays In progress."</li>
                </ul>
                <h2 class="govuk-heading-m">"Each point"</h2>
                <p class="govuk-body">
                    "A point's score is the total of its criteria's scores divided by the number of its criteria that are not marked Not applicable. If every criterion of a point is Not applicable, the point has no score and is left out of the overall score."
                </p>
                <p class="govuk-body">"A point's status is:"</p>
                <ul class="govuk-list govuk-list--bullet">
                    <li>
                        <strong>"Blocked"</strong>
                        " if any criterion marked Must is Not met, whatever the score"
                    </li>
                    <li>
                        <strong>"Meets"</strong>
                        {format!(" at {BAND_MEETS}% or more")}
                    </li>
                    <li>
                        <strong>"Partly meets"</strong>
                        {format!(" from {BAND_PARTLY}% up to {BAND_MEETS}%")}
                    </li>
                    <li>
                        <strong>"Does not meet"</strong>
                        {format!(" below {BAND_PARTLY}%")}
                    </li>
                </ul>
                <p class="govuk-body">
                    "Must criteria are the things the official text makes mandatory. Partly met on a Must does not block, but shows as a gap in the action plan."
                </p>
                <h2 class="govuk-heading-m">"Musts that bind only some organisations"</h2>
                <p class="govuk-body">
                    "Some rules are mandatory only for some kinds of organisation. Cloud First, for example, is mandatory for central government and strongly recommended for the rest of the public sector. Such a criterion says under its question who must meet it."
                </p>
                <ul class="govuk-list govuk-list--bullet">
                    <li>
                        "For an organisation it binds, it is a Must: Not met blocks its point."
                    </li>
                    <li>
                        "For any other kind of organisation, it is scored and shown as a Should: Not met lowers the score, but never blocks."
                    </li>
                    <li>
                        "If the kind of organisation is not stated, every must counts as a Must. This is the strictest reading, so choose the kind of organisation in the assessment\u{2019}s details to see what really blocks you."
                    </li>
                </ul>
                <p class="govuk-body">
                    "The kind of organisation never changes a score, only what blocks."
                </p>
                <h2 class="govuk-heading-m">"Overall"</h2>
                <p class="govuk-body">
                    "The overall score is the plain average of the point scores: every point counts the same, however many criteria it has. The assessment is Blocked if any point is Blocked; otherwise its status follows the same bands as a point."
                </p>
                <h2 class="govuk-heading-m">"Rounding"</h2>
                <p class="govuk-body">
                    "Scores are shown as whole percentages, rounded half up (62.5% shows as 63%). Statuses are decided on the exact score before rounding, so 79.5% is Partly meets even though it shows as 80%. Where that happens, the reason gives the exact figure."
                </p>
            </div>
        </div>
    }
}
