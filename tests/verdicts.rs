//! Who is assessing decides what is a must: over the real content, the same answers block
//! differently for different kinds of organisation exactly where a criterion's `must_for` says,
//! and an assessment that does not state its organisation type is read as strictly as any kind.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use proptest::prelude::*;
use proptest::sample::select;
use tcop_assessor::core::assessment::{Assessment, Details, Status};
use tcop_assessor::core::catalogue;
use tcop_assessor::core::framework::{Framework, Level, OrganisationType};
use tcop_assessor::core::scoring::{self, Results, Standing};

fn assessment_for(
    framework: &Framework,
    organisation: Option<OrganisationType>,
    statuses: &[(String, Status)],
) -> Assessment {
    let mut assessment = Assessment::new(
        framework,
        Details {
            name: "Verdicts".into(),
            organisation_type: organisation,
            ..Details::default()
        },
    );
    for (id, status) in statuses {
        assessment.update_answer(id, |answer| answer.status = Some(*status));
    }
    assessment
}

fn blocked_criteria(results: &Results) -> BTreeSet<String> {
    results
        .blockers
        .iter()
        .map(|blocker| blocker.criterion.id.clone())
        .collect()
}

fn blocked_points(results: &Results) -> BTreeSet<String> {
    results
        .points
        .iter()
        .filter(|result| result.standing == Standing::Blocked)
        .map(|result| result.point.id.clone())
        .collect()
}

const CENTRAL: Option<OrganisationType> = Some(OrganisationType::Central);
const LOCAL: Option<OrganisationType> = Some(OrganisationType::Local);

/// Each criterion alone answered Not met (every other one Met): central and local government
/// differ on whether it blocks exactly when its `must_for` names one of them and not the other,
/// and on nothing else.
#[test]
fn central_and_local_government_differ_exactly_where_the_content_says() {
    let mut differences = 0;
    for framework in catalogue::frameworks() {
        let all_met: Vec<(String, Status)> = framework
            .criteria()
            .map(|criterion| (criterion.id.clone(), Status::Met))
            .collect();
        for criterion in framework.criteria() {
            let answers: Vec<(String, Status)> = all_met
                .iter()
                .map(|(id, status)| {
                    let status = if *id == criterion.id {
                        Status::NotMet
                    } else {
                        *status
                    };
                    (id.clone(), status)
                })
                .collect();
            let central = assessment_for(framework, CENTRAL, &answers);
            let local = assessment_for(framework, LOCAL, &answers);
            let central = scoring::score(framework, &central);
            let local = scoring::score(framework, &local);

            let binds = |kind: OrganisationType| {
                criterion.level == Level::Must
                    && criterion
                        .must_for
                        .as_ref()
                        .is_none_or(|bound| bound.contains(&kind))
            };
            let should_differ = binds(OrganisationType::Central) != binds(OrganisationType::Local);
            let differs = central.standing != local.standing
                || blocked_criteria(&central) != blocked_criteria(&local);
            assert_eq!(differs, should_differ, "{}", criterion.id);
            assert_eq!(
                blocked_criteria(&central).contains(&criterion.id),
                binds(OrganisationType::Central),
                "{}",
                criterion.id
            );
            assert_eq!(
                blocked_criteria(&local).contains(&criterion.id),
                binds(OrganisationType::Local),
                "{}",
                criterion.id
            );
            // Scores never depend on who is assessed.
            assert_eq!(central.overall, local.overall, "{}", criterion.id);
            if should_differ {
                differences += 1;
            }
        }
    }
    let expected: usize = catalogue::frameworks()
        .flat_map(|framework| framework.criteria())
        .filter(|criterion| criterion.must_for.is_some())
        .count();
    assert_eq!(differences, expected);
}

/// Answers over a real framework: a status (or none) for each of its criteria.
fn answered() -> impl Strategy<Value = (&'static Framework, Vec<(String, Status)>)> {
    let ids: Vec<&'static str> = catalogue::ids().collect();
    select(ids).prop_flat_map(|id| {
        let framework = catalogue::framework(id).expect("built in");
        let criteria: Vec<String> = framework.criteria().map(|c| c.id.clone()).collect();
        let statuses = proptest::collection::vec(
            proptest::option::of(select(Status::ALL.to_vec())),
            criteria.len(),
        );
        (Just(framework), Just(criteria), statuses).prop_map(|(framework, criteria, statuses)| {
            let answers = criteria
                .into_iter()
                .zip(statuses)
                .filter_map(|(id, status)| status.map(|status| (id, status)))
                .collect();
            (framework, answers)
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// Not stated is the strictest reading: it blocks exactly what some kind of organisation
    /// would be blocked by, and scores the same as every kind.
    #[test]
    fn not_stated_always_equals_the_strictest_type((framework, answers) in answered()) {
        let not_stated = assessment_for(framework, None, &answers);
        let not_stated = scoring::score(framework, &not_stated);
        let mut strictest_criteria = BTreeSet::new();
        let mut strictest_points = BTreeSet::new();
        for kind in OrganisationType::ALL {
            let assessed = assessment_for(framework, Some(kind), &answers);
            let results = scoring::score(framework, &assessed);
            prop_assert!(blocked_criteria(&results).is_subset(&blocked_criteria(&not_stated)));
            prop_assert_eq!(results.overall, not_stated.overall);
            for (point, unstated) in results.points.iter().zip(&not_stated.points) {
                prop_assert_eq!(point.score, unstated.score);
                prop_assert_eq!(point.progress, unstated.progress);
            }
            strictest_criteria.extend(blocked_criteria(&results));
            strictest_points.extend(blocked_points(&results));
        }
        prop_assert_eq!(blocked_criteria(&not_stated), strictest_criteria);
        prop_assert_eq!(blocked_points(&not_stated), strictest_points);
    }
}
