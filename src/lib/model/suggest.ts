/** Ids close to a mistyped one, for "did you mean" on the 404 page. */
export function suggestIds(wanted: string, ids: string[], limit = 3): string[] {
	const w = wanted.toLowerCase().slice(0, 80);
	const scored = ids
		.map((id) => ({
			id,
			score: id.includes(w) || w.includes(id) ? 0 : distance(w, id) / Math.max(w.length, id.length)
		}))
		.filter((s) => s.score <= 0.45)
		.sort((a, b) => a.score - b.score || (a.id < b.id ? -1 : 1));
	return scored.slice(0, limit).map((s) => s.id);
}

/**
 * The one known name a mistyped one most likely meant, for "did you mean": close in spelling
 * (ignoring case), or containing it whole when it is long enough to mean something. Undefined
 * when nothing is close: a wrong guess is worse than none.
 */
export function nearest(wanted: string, known: Iterable<string>): string | undefined {
	const w = wanted.toLowerCase().slice(0, 80);
	if (w.length < 3) return undefined;
	let best: { name: string; score: number } | undefined;
	for (const name of known) {
		const n = name.toLowerCase();
		// A typo is an edit or two: about one in five characters, at least one.
		const score =
			w.length >= 5 && (n.includes(w) || w.includes(n)) && n.length >= 3 ? 0 : distance(w, n);
		const allowed = Math.max(1, Math.floor(Math.max(w.length, n.length) / 5));
		if (
			score <= allowed &&
			(!best || score < best.score || (score === best.score && name < best.name))
		)
			best = { name, score };
	}
	return best?.name;
}

/** Levenshtein distance. */
export function distance(a: string, b: string): number {
	let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++)
			row[j] = Math.min(
				prev[j]! + 1,
				row[j - 1]! + 1,
				prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)
			);
		prev = row;
	}
	return prev[b.length]!;
}
