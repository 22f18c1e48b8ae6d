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
