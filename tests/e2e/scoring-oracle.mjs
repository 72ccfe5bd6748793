// An independent implementation of the published scoring rules (README, "How scoring works"),
// used to check the numbers the app shows. Exact fractions with BigInt; nothing shared with the
// Rust code.

const VALUE = { met: 2n, partly: 1n, not_met: 0n }; // in halves

/** A point: [{ status: "met" | "partly" | "not_met" | "na" | null, must: boolean }]. */
export function scorePoint(criteria) {
  let halves = 0n;
  let applicable = 0n;
  let blocked = false;
  for (const { status, must } of criteria) {
    if (status === "na") continue;
    applicable += 1n;
    halves += VALUE[status] ?? 0n;
    if (must && status === "not_met") blocked = true;
  }
  const score = applicable === 0n ? null : { num: halves, den: 2n * applicable };
  return { score, standing: standing(score, blocked) };
}

export function overall(points) {
  const scores = points.map((point) => point.score).filter(Boolean);
  if (scores.length === 0) return { score: null, standing: "Not applicable" };
  let num = 0n;
  let den = 1n;
  for (const score of scores) {
    num = num * score.den + score.num * den;
    den = den * score.den;
  }
  const mean = { num, den: den * BigInt(scores.length) };
  const blocked = points.some((point) => point.standing === "Blocked");
  return { score: mean, standing: standing(mean, blocked) };
}

function standing(score, blocked) {
  if (blocked) return "Blocked";
  if (score === null) return "Not applicable";
  if (score.num * 100n >= 80n * score.den) return "Meets";
  if (score.num * 100n >= 50n * score.den) return "Partly meets";
  return "Does not meet";
}

/** A whole percentage, rounded half up, as the app shows it ("63%"), or "No score". */
export function percent(score) {
  if (score === null) return "No score";
  return `${(200n * score.num + score.den) / (2n * score.den)}%`;
}
