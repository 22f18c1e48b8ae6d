/**
 * Mulberry32: a small, fast seeded generator of numbers in [0, 1), identical in every browser
 * and in Node, unlike Math.random. Seeded layouts and synthetic incidents come out the same on
 * every run.
 */
export function mulberry32(seed: number): () => number {
	let s = seed | 0;
	return () => {
		s = (s + 0x6d2b79f5) | 0;
		let t = Math.imul(s ^ (s >>> 15), 1 | s);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
