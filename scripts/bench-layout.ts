/**
 * npm run bench:layout: times the timeline's pure per-frame pipeline (indexed items → lanes →
 * rows/clusters → ticks) on seeded synthetic incidents of 1,000, 10,000 and 100,000 events, at
 * three zoom levels, and the time index built once per incident.
 * Prints a table and writes bench-results/layout.json so runs can be compared.
 * Figures, not assertions: tests never assert timings on these shared machines.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { scaleLinear } from 'd3-scale';
// Mulberry32, seeded, so every run measures the same incident.
import { mulberry32 as rng, SYNTH_TIME_ZONE } from '../src/lib/bench/synth';
import type { TimelineItem } from '../src/lib/layout/items';
import { layoutIndexed } from '../src/lib/layout/layout';
import { buildTimeIndex } from '../src/lib/layout/time-index';
import { zonedTicks } from '../src/lib/layout/ticks';

const MIN = 60_000;
const DAY = 1440 * MIN;
const SPAN: [number, number] = [Date.UTC(2014, 8, 1), Date.UTC(2017, 11, 31)];
const LANES = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, name: id.toUpperCase() }));

/** Events clustered around a few busy days, as real incidents are, with some ranges. */
function synth(n: number): TimelineItem[] {
	const r = rng(n);
	const hotspots = [
		Date.UTC(2016, 8, 17, 13),
		Date.UTC(2016, 8, 19, 17),
		Date.UTC(2015, 9, 20),
		Date.UTC(2016, 10, 29)
	];
	return Array.from({ length: n }, (_, i) => {
		const clustered = r() < 0.7;
		const start = clustered
			? hotspots[Math.floor(r() * hotspots.length)]! + (r() - 0.5) * 2 * DAY * r()
			: SPAN[0] + r() * (SPAN[1] - SPAN[0]);
		const end = r() < 0.2 ? start + r() * 3 * 60 * MIN : null;
		return {
			id: `e${i}`,
			title: `Synthetic event ${i}`,
			lane: LANES[Math.floor(r() * LANES.length)]!.id,
			start,
			end,
			extent: [start, end ?? start],
			shape: end ? 'range' : 'instant',
			approximate: r() < 0.2,
			disputed: r() < 0.1
		};
	});
}

const WINDOWS: Record<string, [number, number]> = {
	'whole span': SPAN,
	'two weeks': [Date.UTC(2016, 8, 9), Date.UTC(2016, 8, 23)],
	'two hours': [Date.UTC(2016, 8, 17, 12), Date.UTC(2016, 8, 17, 14)]
};

function time(fn: () => void, runs: number): { median: number; p95: number } {
	const samples: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = performance.now();
		fn();
		samples.push(performance.now() - t0);
	}
	samples.sort((a, b) => a - b);
	return {
		median: samples[Math.floor(runs / 2)]!,
		p95: samples[Math.min(runs - 1, Math.floor(runs * 0.95))]!
	};
}

const WIDTH = 1200;
const rows: Record<string, string | number>[] = [];
for (const n of [1_000, 10_000, 100_000]) {
	const items = synth(n);
	// The app builds the index once, when the incident or the filters change; a frame only
	// queries it. Its cost is reported on its own row.
	const built = time(() => buildTimeIndex(items), n >= 100_000 ? 5 : 15);
	rows.push({
		events: n,
		window: 'index build (once)',
		'median ms': +built.median.toFixed(2),
		'p95 ms': +built.p95.toFixed(2),
		marks: 0,
		clusters: 0
	});
	const index = buildTimeIndex(items);
	for (const [name, w] of Object.entries(WINDOWS)) {
		const x = scaleLinear().domain(w).range([0, WIDTH]);
		let marks = 0;
		let clusters = 0;
		const runs = n >= 100_000 ? 15 : 40;
		const t = time(() => {
			const out = layoutIndexed(index, LANES, x, WIDTH);
			zonedTicks(w[0], w[1], SYNTH_TIME_ZONE, WIDTH);
			marks = out.lanes.reduce((s, l) => s + l.marks.length, 0);
			clusters = out.lanes.reduce((s, l) => s + l.clusters.length, 0);
		}, runs);
		rows.push({
			events: n,
			window: name,
			'median ms': +t.median.toFixed(2),
			'p95 ms': +t.p95.toFixed(2),
			marks,
			clusters
		});
	}
}

console.log('Timeline layout per frame (pure functions, Node, no drawing):');
console.table(rows);
mkdirSync('bench-results', { recursive: true });
writeFileSync(
	'bench-results/layout.json',
	JSON.stringify(
		{ date: new Date().toISOString(), node: process.version, width: WIDTH, rows },
		null,
		2
	) + '\n'
);
console.log('Wrote bench-results/layout.json');
