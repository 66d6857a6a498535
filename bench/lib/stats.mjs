// Small statistics for the bench reports.

/** The q-quantile (0..1) by nearest rank, e.g. quantile(xs, 0.95) for p95. */
export function quantile(values, q) {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const rank = Math.min(xs.length, Math.max(1, Math.ceil(q * xs.length)));
  return xs[rank - 1] ?? null;
}

export const median = (values) => quantile(values, 0.5);

/** Rounds to `digits` decimals, keeping null as null. */
export const round = (value, digits = 1) =>
  value === null || value === undefined ? null : Number(value.toFixed(digits));

/** Median, p95, min, max and count of a series, rounded for the report. */
export const summary = (values, digits = 1) => ({
  n: values.length,
  median: round(median(values), digits),
  p95: round(quantile(values, 0.95), digits),
  min: round(quantile(values, 0), digits),
  max: round(quantile(values, 1), digits),
});
