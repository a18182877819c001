// The likely intended word for a misspelt one (an option, a command, a field name): the closest
// candidate, if it is at most 2 edits away (or `maxEdits`), ignoring case.

export function closest(word: string, candidates: readonly string[], maxEdits = 2): string | undefined {
  let best: string | undefined, bestD = maxEdits + 1;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < bestD) { best = c; bestD = d; }
  }
  return best;
}

/** Levenshtein distance; 99 for words too far apart in length (or too long) to be a slip. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2 || a.length > 40) return 99;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
