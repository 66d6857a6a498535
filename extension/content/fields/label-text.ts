/**
 * Label text as the consoles print it, reduced to what identifies the field: case, spacing,
 * required-field asterisks, trailing colons (ASCII and full-width) and a trailing
 * parenthetical hint ("ID Number (required)", "证件号码（必填）") do not matter.
 */
export function normalizeLabel(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[*＊]\s*/, '')
    .replace(/\s*[*＊]$/, '')
    .replace(/\s*[:：]$/, '')
    .replace(/\s*[(（][^()（）]*[)）]$/, '')
    .replace(/\s*[*＊]$/, '')
    .toLowerCase();
}

/**
 * True when `text` names the same thing as one of `labels`. Equality after normalising, never a
 * substring: "Name" must not claim the "Enterprise Name" field.
 */
export function labelMatches(text: string | null | undefined, labels: readonly string[]): boolean {
  if (!text) return false;
  const t = normalizeLabel(text);
  if (t.length === 0) return false;
  return labels.some((label) => normalizeLabel(label) === t);
}
