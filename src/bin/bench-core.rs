//! The native half of `scripts/bench.sh`: figures that need the core itself rather than a browser.
//!
//!   bench-core figures        share-link lengths and core throughput, as JSON on stdout
//!   bench-core drafts COUNT   COUNT saved drafts as the app stores them, as JSON on stdout
//!
//! Everything is made with the same functions the app uses (`share::encode`,
//! `document::to_json`), so the figures describe what people actually get. Text is generated
//! from a fixed seed, so every run measures the same documents.

use std::hint::black_box;
use std::io::Write;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use tcop_assessor::browser::storage::DRAFT_PREFIX;
use tcop_assessor::core::assessment::{Assessment, Details, Marking, Phase, Status};
use tcop_assessor::core::catalogue;
use tcop_assessor::core::codec::{document, share};
use tcop_assessor::core::compare;
use tcop_assessor::core::fingerprint::Fingerprint;
use tcop_assessor::core::framework::Framework;
use tcop_assessor::core::reassess;
use tcop_assessor::core::scoring;

/// The length of the evidence note written for each point.
const NOTE_CHARS: usize = 300;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["figures"] => figures(),
        ["drafts", count] => match count.parse::<usize>() {
            Ok(count) if count >= 1 => drafts(count),
            _ => Err(format!("not a number of drafts: {count}")),
        },
        _ => Err("usage: bench-core figures | bench-core drafts COUNT".to_owned()),
    };
    match result {
        // A closed pipe (such as `| head`) is not worth a panic.
        Ok(value) => match writeln!(std::io::stdout().lock(), "{value}") {
            Ok(()) => ExitCode::SUCCESS,
            Err(_) => ExitCode::FAILURE,
        },
        Err(message) => {
            eprintln!("bench-core: {message}");
            ExitCode::FAILURE
        }
    }
}

fn built_in(id: &str) -> Result<&'static Framework, String> {
    catalogue::framework(id).map_err(|error| error.to_string())
}

/// A small deterministic generator (xorshift64*), so that runs are comparable without pulling
/// in a random-number crate.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        // The lists are short, so the modulo bias is irrelevant here.
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Evidence of the kind teams write: varied sentences naming documents, dates, teams and tools,
/// cut to exactly `chars` characters. Repeating one letter would compress to nothing and make
/// share links look far shorter than they are.
fn evidence(rng: &mut Rng, chars: usize) -> String {
    const OPENINGS: &[&str] = &[
        "We reviewed",
        "The team agreed",
        "Our architect signed off",
        "User research in",
        "The service owner approved",
        "Procurement confirmed",
        "An independent review of",
        "The security team assessed",
        "Finance checked",
        "We published",
    ];
    const SUBJECTS: &[&str] = &[
        "the hosting options paper",
        "the data protection impact assessment",
        "the accessibility audit",
        "the open standards register",
        "the cloud cost model",
        "the supplier exit plan",
        "the API design guidelines",
        "the risk register",
        "the privacy notice",
        "the service assessment report",
        "the sustainability baseline",
        "the code repository on GitHub",
    ];
    const WHEN: &[&str] = &[
        "in January 2026",
        "at the alpha assessment",
        "during sprint 14",
        "before the beta launch",
        "on 3 March 2026",
        "last quarter",
        "at the architecture board",
        "in the October review",
    ];
    const RESULTS: &[&str] = &[
        "and found two gaps, both now on the backlog.",
        "with no open issues.",
        "and recorded the decision in ADR-017.",
        "; actions are tracked in Jira (TCOP-42).",
        "and shared the findings with the programme board.",
        "covering 94% of user journeys.",
        "and agreed a follow-up with the CDDO spend controls team.",
        "with sign-off from the SIRO.",
        "and linked the evidence in SharePoint.",
    ];
    let mut text = String::new();
    while text.chars().count() < chars {
        if !text.is_empty() {
            text.push(' ');
        }
        let result = rng.pick(RESULTS);
        text.push_str(rng.pick(OPENINGS));
        text.push(' ');
        text.push_str(rng.pick(SUBJECTS));
        text.push(' ');
        text.push_str(rng.pick(WHEN));
        if !result.starts_with(';') {
            text.push(' ');
        }
        text.push_str(result);
    }
    text.chars().take(chars).collect()
}

fn details(name: &str) -> Details {
    Details {
        name: name.to_owned(),
        organisation: "Department for Example".to_owned(),
        organisation_type: None,
        assessor: "A. N. Assessor".to_owned(),
        phase: Some(Phase::Beta),
        date: Some("2026-03-31".to_owned()),
        marking: Marking::Official,
    }
}

/// Every criterion answered, with a spread of statuses as a real assessment would have.
fn complete(framework: &Framework, rng: &mut Rng, name: &str) -> Assessment {
    let mut assessment = Assessment::new(framework, details(name));
    for criterion in framework.criteria() {
        // Mostly Met, as in a service nearing assessment, with some gaps.
        let status = match rng.next() % 10 {
            0..=5 => Status::Met,
            6 | 7 => Status::PartlyMet,
            8 => Status::NotMet,
            _ => Status::NotApplicable,
        };
        assessment.update_answer(&criterion.id, |answer| answer.status = Some(status));
    }
    assessment
}

/// The same, plus one evidence note on the first criterion of every point.
fn with_point_notes(
    framework: &Framework,
    mut assessment: Assessment,
    rng: &mut Rng,
) -> Assessment {
    for point in &framework.points {
        if let Some(first) = point.criteria.first() {
            let note = evidence(rng, NOTE_CHARS);
            assessment.update_answer(&first.id, |answer| answer.evidence = note);
        }
    }
    assessment
}

/// How many times per second `operation` runs, measured over at least half a second after a
/// short warm-up.
fn ops_per_second(mut operation: impl FnMut()) -> f64 {
    let warm_up = Instant::now();
    while warm_up.elapsed() < Duration::from_millis(100) {
        operation();
    }
    let mut runs: u64 = 0;
    let mut batch: u64 = 1;
    let start = Instant::now();
    loop {
        for _ in 0..batch {
            operation();
        }
        runs += batch;
        let elapsed = start.elapsed();
        if elapsed >= Duration::from_millis(500) {
            return runs as f64 / elapsed.as_secs_f64();
        }
        batch = batch.saturating_mul(2);
    }
}

fn figures() -> Result<Value, String> {
    let mut rng = Rng(0x7c0f_2025_dead_beef);

    let tcop = built_in("tcop-2025")?;
    let answers_only = complete(tcop, &mut rng, "Case management replacement");
    let with_notes = with_point_notes(tcop, answers_only.clone(), &mut rng);
    let link_answers = share::encode(&answers_only);
    let link_notes = share::encode(&with_notes);
    // A link that does not read back would make its length meaningless.
    for (link, expected) in [(&link_answers, &answers_only), (&link_notes, &with_notes)] {
        let read = share::decode(link).map_err(|error| error.to_string())?;
        if &read.assessment != expected {
            return Err("a share link did not read back as the same assessment".to_owned());
        }
    }

    // Throughput on the largest framework, answered in full with a note per point.
    let largest = built_in("service-standard")?;
    let subject = with_point_notes(
        largest,
        complete(largest, &mut rng, "Apply for a licence"),
        &mut rng,
    );
    let json = document::to_json(&subject);
    let link = share::encode(&subject);
    let throughput = json!({
        "framework": largest.id,
        "criteria": largest.criteria().count(),
        "json_bytes": json.len(),
        "link_chars": link.len(),
        "score": ops_per_second(|| {
            black_box(scoring::score(black_box(largest), black_box(&subject)));
        }),
        "json_encode": ops_per_second(|| {
            black_box(document::to_json(black_box(&subject)));
        }),
        "json_decode": ops_per_second(|| {
            let _ = black_box(document::from_json(black_box(&json)));
        }),
        "link_encode": ops_per_second(|| {
            black_box(share::encode(black_box(&subject)));
        }),
        "link_decode": ops_per_second(|| {
            let _ = black_box(share::decode(black_box(&link)));
        }),
    });

    // Reassessing: comparing two complete Service Standard assessments (the later started from
    // the earlier, with a quarter of its answers changed), and the history of a chain of 20.
    let mut later = reassess::next_assessment(largest, &subject, "later".into(), "2026-12-02");
    for (index, criterion) in largest.criteria().enumerate() {
        if index % 4 == 0 {
            later.update_answer(&criterion.id, |answer| {
                answer.status = Some(Status::Met);
                answer.evidence = "Checked again at the next phase".into();
            });
        }
    }
    let mut chain_of_20 = vec![subject.clone()];
    for step in 1..20 {
        let Some(last) = chain_of_20.last() else {
            break;
        };
        let next = reassess::next_assessment(largest, last, format!("step-{step}"), "2026-12-02");
        chain_of_20.push(next);
    }
    let chain_refs: Vec<&Assessment> = chain_of_20.iter().collect();
    let newest = chain_refs[chain_refs.len() - 1];
    let found = reassess::chain(newest, &chain_refs).len();
    if found != 20 {
        return Err(format!("the chain of 20 was followed to {found}"));
    }
    let reassessing = json!({
        "framework": largest.id,
        "compare": ops_per_second(|| {
            black_box(compare::compare(black_box(largest), black_box(&subject), black_box(&later), "2026-12-02"));
        }),
        "history_of_20": ops_per_second(|| {
            let chain = reassess::chain(black_box(newest), black_box(&chain_refs));
            black_box(reassess::history(black_box(largest), &chain));
        }),
        "fingerprint": ops_per_second(|| {
            black_box(Fingerprint::of(black_box(&subject)));
        }),
    });

    Ok(json!({
        "reassessing": reassessing,
        "share_link": {
            "framework": tcop.id,
            "criteria": tcop.criteria().count(),
            "points": tcop.points.len(),
            "note_chars": NOTE_CHARS,
            // The fragment a person copies is `#share=` and the payload.
            "answers_only_chars": "#share=".len() + link_answers.len(),
            "with_notes_chars": "#share=".len() + link_notes.len(),
        },
        "throughput": throughput,
    }))
}

/// `count` drafts as `[key, value]` pairs for localStorage, spread over every framework and
/// partly answered, and the ID of the largest: the biggest framework answered in full with
/// evidence and an action on every criterion. Also a blank draft of the biggest framework.
fn drafts(count: usize) -> Result<Value, String> {
    let mut rng = Rng(0x5eed_0000_0000_0200);
    let frameworks: Vec<&'static Framework> = catalogue::frameworks().collect();
    if frameworks.is_empty() {
        return Err("no framework loads".to_owned());
    }
    let mut entries = Vec::with_capacity(count);
    for index in 0..count - 1 {
        let framework = frameworks[index % frameworks.len()];
        let mut assessment = complete(framework, &mut rng, &format!("Programme {index:03}"));
        // Keep a varying share of the answers, as drafts are at every stage.
        let keep = (rng.next() % 100) as usize;
        let mut position = 0;
        assessment.answers.retain(|_, _| {
            position += 1;
            position * 100 <= keep * framework.criteria().count().max(1)
        });
        entries.push((format!("{index:016x}"), assessment));
    }
    let largest_framework = built_in("service-standard")?;
    let mut largest = complete(largest_framework, &mut rng, "Largest assessment");
    for criterion in largest_framework.criteria() {
        let (note, action) = (evidence(&mut rng, NOTE_CHARS), evidence(&mut rng, 200));
        largest.update_answer(&criterion.id, |answer| {
            answer.evidence = note;
            answer.action = action;
            answer.owner = "Head of Architecture".to_owned();
            answer.due = "2026-09-30".to_owned();
        });
    }
    let largest_id = format!("{:016x}", count - 1);
    entries.push((largest_id.clone(), largest));

    let stored: Vec<Value> = entries
        .iter()
        .map(|(id, assessment)| {
            json!([format!("{DRAFT_PREFIX}{id}"), document::to_json(assessment)])
        })
        .collect();
    let bytes: usize = stored
        .iter()
        .filter_map(|pair| pair.get(1).and_then(Value::as_str))
        .map(str::len)
        .sum();
    // An untouched assessment of the largest framework, for answering in the latency run.
    let blank_id = format!("{:016x}", 0xb1a2c_u64);
    let blank = Assessment::new(largest_framework, details("Answer latency"));
    Ok(json!({
        "blank": {
            "id": blank_id,
            "key": format!("{DRAFT_PREFIX}{blank_id}"),
            "value": document::to_json(&blank),
        },
        "entries": stored,
        "largest_id": largest_id,
        "largest_framework": largest_framework.id,
        "total_bytes": bytes,
    }))
}
