/**
 * The parts that keep the timeline fluid at 100,000 events: the time index (checked against a
 * plain scan), the choice between placing marks and aggregating a lane, the counts an
 * aggregated lane shows, and hit testing of canvas marks (checked against a brute-force scan).
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { scaleLinear, scaleLog } from 'd3-scale';
import type { TimelineItem } from '../../src/lib/layout/items';
import {
	binCounts,
	buildTimeIndex,
	countLane,
	countOverlapping,
	lowerBound,
	gatherLane,
	laneItems,
	lowerBoundFrom,
	queryLane,
	SHAPES
} from '../../src/lib/layout/time-index';
import {
	clusterWindow,
	layoutIndexed,
	layoutTimeline,
	linearOf,
	compactCount,
	pillSpan,
	toPx
} from '../../src/lib/layout/layout';
import { buildHitIndex, hitTest, hitTestBrute, type HitBox } from '../../src/lib/timeline/hit';
import { drawLayout, markBox, pillBox, type CanvasTheme } from '../../src/lib/timeline/canvas';
import { mulberry32 as rng } from '../../src/lib/bench/synth';

const MIN = 60_000;
const DAY = 1440 * MIN;
const T0 = Date.UTC(2016, 0, 1);

function item(id: string, lane: string, start: number, length = 0): TimelineItem {
	return {
		id,
		title: `Event ${id}`,
		lane,
		start,
		end: length > 0 ? start + length : null,
		extent: [start, start + length],
		shape: length > 0 ? 'range' : 'instant',
		approximate: false,
		disputed: false
	};
}

/** Seeded items: bursts around a few days, with lengths from zero to several days. */
function synthItems(n: number, seed: number, lanes = ['a', 'b', 'c']): TimelineItem[] {
	const r = rng(seed);
	const hot = [T0 + 40 * DAY, T0 + 41 * DAY, T0 + 200 * DAY];
	return Array.from({ length: n }, (_, i) => {
		const start =
			r() < 0.6 ? hot[Math.floor(r() * hot.length)]! + r() * 6 * 3600_000 : T0 + r() * 365 * DAY;
		const kind = r();
		const length = kind < 0.5 ? 0 : kind < 0.8 ? r() * 3600_000 : kind < 0.95 ? DAY : r() * 9 * DAY;
		return item(`e${i}`, lanes[Math.floor(r() * lanes.length)]!, start, length);
	});
}

const overlaps = (i: TimelineItem, a: number, b: number) => i.extent[1] >= a && i.extent[0] <= b;

/** A window [a, b] from a month before the items to after them, and a lane (or none). */
const laneWindow = fc
	.record({
		startDay: fc.double({ min: -30, max: 400, noNaN: true }),
		days: fc.double({ min: 0.0001, max: 400, noNaN: true }),
		lane: fc.constantFrom('a', 'b', 'c', 'missing')
	})
	.map(({ startDay, days, lane }) => {
		const a = T0 + startDay * DAY;
		return { a, b: a + days * DAY, lane };
	});

describe('time index', () => {
	const items = synthItems(5000, 7);
	const index = buildTimeIndex(items);

	test('a window query finds exactly the items a full scan finds', () => {
		fc.assert(
			fc.property(laneWindow, ({ a, b, lane }) => {
				const got = queryLane(index.lanes.get(lane), a, b)
					.map((i) => i.id)
					.sort();
				const want = items
					.filter((i) => i.lane === lane && overlaps(i, a, b))
					.map((i) => i.id)
					.sort();
				expect(got).toEqual(want);
			}),
			{ numRuns: 300, seed: 11 }
		);
	});

	test("a lane's items gathered as columns are the query's items, each column its items' field", () => {
		// One scratch space for every window, as the layout uses it: it grows and is reused.
		const scratch = laneItems(4);
		fc.assert(
			fc.property(laneWindow, ({ a, b, lane }) => {
				const g = gatherLane(index.lanes.get(lane), a, b, scratch);
				expect(g.items.map((i) => i.id)).toEqual(
					queryLane(index.lanes.get(lane), a, b).map((i) => i.id)
				);
				expect(g.n).toBe(g.items.length);
				g.items.forEach((it, k) => {
					expect(g.ext0[k]).toBe(it.extent[0]);
					expect(g.ext1[k]).toBe(it.extent[1]);
					expect(g.start[k]).toBe(it.start);
					expect(g.end[k]).toBe(it.end ?? NaN);
					expect(SHAPES[g.shape[k]!]).toBe(it.shape);
				});
			}),
			{ numRuns: 200, seed: 12 }
		);
	});

	test('the count of events in view, in each lane and over all, is exact, as a full scan counts them', () => {
		fc.assert(
			fc.property(
				fc.double({ min: -30, max: 400, noNaN: true }),
				fc.double({ min: 0, max: 400, noNaN: true }),
				(startDay, days) => {
					const a = T0 + startDay * DAY;
					const b = a + days * DAY;
					expect(countOverlapping(index, a, b)).toBe(items.filter((i) => overlaps(i, a, b)).length);
					for (const lane of ['a', 'b', 'c', 'missing'])
						expect(countLane(index.lanes.get(lane), a, b)).toBe(
							items.filter((i) => i.lane === lane && overlaps(i, a, b)).length
						);
				}
			),
			{ numRuns: 300, seed: 12 }
		);
		expect(countOverlapping(buildTimeIndex([]), T0, T0 + DAY)).toBe(0);
		// Touching counts as overlapping, at either edge; a millisecond short does not.
		const edges = buildTimeIndex([
			item('ends-at-start', 'a', T0 - DAY, DAY),
			item('starts-at-end', 'b', T0 + DAY),
			item('ends-just-before', 'a', T0 - DAY, DAY - 1),
			item('starts-just-after', 'c', T0 + DAY + 1)
		]);
		expect(countOverlapping(edges, T0, T0 + DAY)).toBe(2);
	});

	test('bin counts add up to the items starting in the window plus those reaching into it', () => {
		const a = T0 + 39 * DAY;
		const b = T0 + 43 * DAY;
		for (const lane of ['a', 'b', 'c']) {
			const counts = binCounts(index.lanes.get(lane), a, b, 97);
			const total = counts.reduce((s, c) => s + c, 0);
			const want = items.filter((i) => i.lane === lane && overlaps(i, a, b) && i.extent[0] < b);
			expect(total).toBe(want.length);
			// Each bin holds the items that start in it.
			const step = (b - a) / 97;
			const inBin5 = want.filter(
				(i) => i.extent[0] >= a + 5 * step && i.extent[0] < a + 6 * step
			).length;
			expect(counts[5]).toBe(inBin5);
		}
	});
});

describe('bins, counted by galloping from the last bin', () => {
	const items = synthItems(5000, 8);
	const index = buildTimeIndex(items);

	test('a search from any earlier place finds what a search of the whole array finds', () => {
		fc.assert(
			fc.property(
				fc.array(fc.integer({ min: 0, max: 60 }), { maxLength: 300 }),
				fc.integer({ min: -5, max: 65 }),
				fc.nat(),
				(values, t, f) => {
					const a = Float64Array.from(values.sort((x, y) => x - y));
					const want = lowerBound(a, t);
					const from = a.length ? f % (want + 1) : 0;
					expect(lowerBoundFrom(a, t, from)).toBe(want);
				}
			),
			{ numRuns: 2000, seed: 11 }
		);
	});

	test('every bin holds exactly the items starting in it, the first also those reaching in', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 0, max: 360, noNaN: true }),
				fc.double({ min: 0.01, max: 60, noNaN: true }),
				fc.integer({ min: 1, max: 500 }),
				(fromDay, days, n) => {
					const a = T0 + fromDay * DAY;
					const b = a + days * DAY;
					const step = (b - a) / n;
					for (const lane of ['a', 'b']) {
						const counts = binCounts(index.lanes.get(lane), a, b, n);
						const want = new Uint32Array(n);
						for (const i of items) {
							if (i.lane !== lane || !overlaps(i, a, b) || i.extent[0] >= b) continue;
							const k = i.extent[0] < a ? 0 : Math.floor((i.extent[0] - a) / step);
							want[Math.min(n - 1, k)]!++;
						}
						expect([...counts]).toEqual([...want]);
					}
				}
			),
			{ numRuns: 60, seed: 12 }
		);
	});
});

describe('level of detail', () => {
	const lanes = [
		{ id: 'a', name: 'A' },
		{ id: 'b', name: 'B' },
		{ id: 'c', name: 'C' }
	];
	const items = synthItems(30_000, 3);
	const index = buildTimeIndex(items);
	const x = (a: number, b: number, width = 1200) => scaleLinear().domain([a, b]).range([0, width]);

	test('a lane with more items in view than the limit is aggregated into counts, and no count is lost', () => {
		const [a, b] = [T0, T0 + 365 * DAY];
		const out = layoutIndexed(index, lanes, x(a, b), 1200);
		for (const lane of out.lanes) {
			expect(lane.density).not.toBeNull();
			expect(lane.marks).toHaveLength(0);
			const inLane = items.filter(
				(i) => i.lane === lane.id && overlaps(i, a, b) && i.extent[0] < b
			);
			const clustered = lane.clusters.reduce((s, c) => s + c.count, 0);
			expect(clustered).toBe(inLane.length);
			// Pills never overlap and stay inside the view.
			for (let i = 1; i < lane.clusters.length; i++)
				expect(lane.clusters[i]!.x0).toBeGreaterThanOrEqual(lane.clusters[i - 1]!.x1);
			for (const c of lane.clusters) {
				expect(c.x0).toBeGreaterThanOrEqual(0);
				expect(c.x1).toBeLessThanOrEqual(1200);
			}
		}
	});

	test('each aggregate pill zooms to the stretch of time its events start in', () => {
		const [a, b] = [T0, T0 + 365 * DAY];
		const lane = layoutIndexed(index, lanes, x(a, b), 1200).lanes[0]!;
		const pill = lane.clusters.reduce((m, c) => (c.count > m.count ? c : m));
		const inside = items.filter(
			(i) => i.lane === lane.id && i.extent[0] >= pill.t0 && i.extent[0] < pill.t1
		).length;
		// Items reaching in from before the window are counted in the first pill only.
		expect(Math.abs(inside - pill.count)).toBeLessThanOrEqual(pill.x0 < 10 ? 100 : 0);
	});

	test('zooming in far enough places marks one by one again', () => {
		const a = T0 + 100 * DAY;
		const out = layoutIndexed(index, lanes, x(a, a + 2 * DAY), 1200);
		for (const lane of out.lanes) {
			expect(lane.density).toBeNull();
			expect(lane.marks.length).toBeGreaterThan(0);
		}
	});

	test('the selected event keeps its mark in an aggregated lane and is not counted twice', () => {
		const [a, b] = [T0, T0 + 365 * DAY];
		const chosen = items.find((i) => i.lane === 'b' && i.extent[0] > a + 10 * DAY)!;
		const plain = layoutIndexed(index, lanes, x(a, b), 1200).lanes.find((l) => l.id === 'b')!;
		const withFirst = layoutIndexed(index, lanes, x(a, b), 1200, { first: chosen.id }).lanes.find(
			(l) => l.id === 'b'
		)!;
		expect(withFirst.marks.map((m) => m.id)).toEqual([chosen.id]);
		const sum = (l: typeof plain) => l.clusters.reduce((s, c) => s + c.count, 0);
		expect(sum(withFirst)).toBe(sum(plain) - 1);
	});

	test('the same items give the same layout through the index as through a plain list', () => {
		const small = items.slice(0, 400);
		const a = T0 + 40 * DAY;
		const scale = x(a, a + DAY);
		const viaList = layoutTimeline(small, lanes, scale, 1200);
		const viaIndex = layoutIndexed(buildTimeIndex(small), lanes, scale, 1200);
		expect(viaIndex).toEqual(viaList);
	});

	test('work follows the view: an aggregated frame touches a bounded number of marks at 100,000 events', () => {
		const big = synthItems(100_000, 5);
		const out = layoutIndexed(buildTimeIndex(big), lanes, x(T0, T0 + 365 * DAY), 1200);
		expect(out.markCount).toBe(0);
		for (const lane of out.lanes) expect(lane.clusters.length).toBeLessThanOrEqual(1200 / 48 + 1);
	});
});

describe('hit testing canvas marks', () => {
	test('the grid answers exactly what a scan of every box answers', () => {
		const r = rng(99);
		const boxes: HitBox[] = Array.from({ length: 2000 }, (_, i) => {
			const x0 = r() * 1400;
			const y0 = r() * 900;
			return { id: `b${i}`, x0, y0, x1: x0 + 6 + r() * 200, y1: y0 + 26 };
		});
		const grid = buildHitIndex(boxes);
		fc.assert(
			fc.property(
				fc.double({ min: -20, max: 1650, noNaN: true }),
				fc.double({ min: -20, max: 950, noNaN: true }),
				(px, py) => {
					expect(hitTest(grid, px, py)?.id ?? null).toBe(hitTestBrute(boxes, px, py)?.id ?? null);
				}
			),
			{ numRuns: 3000, seed: 5 }
		);
	});

	test("a mark's box covers its dot and its label, as the SVG hit area does", () => {
		const lanes = [{ id: 'a', name: 'A' }];
		const it = item('solo', 'a', T0 + 30 * MIN);
		const layout = layoutTimeline(
			[it],
			lanes,
			scaleLinear()
				.domain([T0, T0 + 60 * MIN])
				.range([0, 600]),
			600
		);
		const mark = layout.lanes[0]!.marks[0]!;
		const box = markBox(mark, 40);
		const grid = buildHitIndex([box]);
		expect(hitTest(grid, (mark.x0 + mark.x1) / 2, mark.y + 40)?.id).toBe('solo');
		expect(hitTest(grid, mark.labelX + 20, mark.y + 40)?.id).toBe('solo');
		expect(hitTest(grid, mark.x0 - 40, mark.y + 40)).toBeNull();
	});
});

/** A stand-in 2D context that records the calls made on it and keeps what is set. */
function recordingContext() {
	const calls: { name: string; args: unknown[] }[] = [];
	const state: Record<string, unknown> = {};
	const ctx = new Proxy(state, {
		get: (t, k: string) =>
			k in t ? t[k] : (...args: unknown[]) => void calls.push({ name: k, args }),
		set: (t, k: string, v) => {
			t[k] = v;
			return true;
		}
	});
	return { ctx: ctx as unknown as CanvasRenderingContext2D, calls };
}

const THEME: CanvasTheme = {
	ink: '#111',
	panel: '#fafafa',
	warn: '#b35c00',
	density: '#444',
	pill: '#444',
	font: 'sans-serif'
};

describe("clusters' pills on the canvas", () => {
	test('"+N" counts fit a pill: whole up to 999, then thousands', () => {
		expect(compactCount(1)).toBe('1');
		expect(compactCount(999)).toBe('999');
		expect(compactCount(1000)).toBe('1k');
		expect(compactCount(1249)).toBe('1.2k');
		expect(compactCount(9960)).toBe('10k');
		expect(compactCount(24_400)).toBe('24k');
	});

	test('each pill is drawn with its count where the SVG pill would be, and answers the pointer there', () => {
		const lanes = [
			{ id: 'a', name: 'A' },
			{ id: 'b', name: 'B' }
		];
		const items = synthItems(20_000, 3, ['a', 'b']);
		const scale = scaleLinear()
			.domain([T0 + 39 * DAY, T0 + 43 * DAY])
			.range([0, 1200]);
		const layout = layoutIndexed(buildTimeIndex(items), lanes, scale, 1200);
		const pills = layout.lanes.flatMap((l) => l.clusters);
		expect(pills.length, 'a window with clusters').toBeGreaterThan(4);
		const marks = layout.lanes.flatMap((l) => l.marks);
		const { ctx, calls } = recordingContext();
		const skipped = layout.lanes[0]!.clusters[0]!;
		const boxes = drawLayout(ctx, layout, {
			dy: 40,
			colourOf: () => '#0072b2',
			skip: () => false,
			dimmed: () => false,
			theme: THEME,
			pills: { width: 1200, skipPill: (lane, i) => lane.id === 'a' && i === 0 }
		});
		const pillBoxes = boxes.filter((b) => b.cluster);
		// Every pill but the one with keyboard focus (drawn in SVG), each once.
		expect(pillBoxes.map((b) => b.id).sort()).toEqual(
			pills
				.filter((c) => c !== skipped)
				.map((c) => c.id)
				.sort()
		);
		expect(boxes.length - pillBoxes.length).toBe(marks.length);
		const texts = calls.filter((c) => c.name === 'fillText').map((c) => c.args);
		for (const b of pillBoxes) {
			const c = b.cluster!;
			const [x0, x1] = pillSpan(c, 1200);
			expect([b.x0, b.x1, b.y0, b.y1]).toEqual([x0, x1, c.y + 40 - 10, c.y + 40 + 10]);
			expect(b).toEqual(pillBox(c, 1200, 40));
			// Its count, centred in it.
			expect(texts).toContainEqual([`+${compactCount(c.count)}`, (x0 + x1) / 2, c.y + 40 + 4]);
			// The pointer anywhere on a pill is the pill's, even over a mark's label under it.
			const grid = buildHitIndex(boxes);
			for (const px of [x0 + 1, (x0 + x1) / 2, x1 - 1])
				expect(hitTest(grid, px, c.y + 40)?.cluster).toBe(c);
		}
		// A pill is drawn over the marks: the pointer on it is the pill's even when a mark's
		// centre is nearer.
		const c = pills.find((p) => p.x0 > 20)!;
		const pillAt = pillBox(c, 1200, 40);
		const dot: HitBox = {
			id: 'dot',
			x0: pillAt.x0 - 6,
			y0: pillAt.y0,
			x1: pillAt.x0 + 8,
			y1: pillAt.y1
		};
		const pair = buildHitIndex([dot, pillAt]);
		expect(hitTest(pair, pillAt.x0 + 1, pillAt.y0 + 10)?.cluster).toBe(c);
		expect(hitTest(pair, pillAt.x0 - 3, pillAt.y0 + 10)?.id).toBe('dot');
		// Without `pills` the canvas leaves them to SVG.
		const plain = recordingContext();
		const none = drawLayout(plain.ctx, layout, {
			dy: 40,
			colourOf: () => '#0072b2',
			skip: () => false,
			dimmed: () => false,
			theme: THEME
		});
		expect(none.some((b) => b.cluster)).toBe(false);
	});
});

describe('clusters of a lane placed one by one', () => {
	test('never overlap, however long the run of hidden events', () => {
		const lanes = [{ id: 'a', name: 'A' }];
		const items = synthItems(1400, 21, ['a']);
		for (const [from, days] of [
			[0, 365],
			[30, 30],
			[39.5, 2]
		] as const) {
			const layout = layoutTimeline(
				items,
				lanes,
				scaleLinear()
					.domain([T0 + from * DAY, T0 + (from + days) * DAY])
					.range([0, 1200]),
				1200
			);
			const clusters = layout.lanes[0]!.clusters;
			expect(clusters.length).toBeGreaterThan(1);
			for (let i = 1; i < clusters.length; i++)
				expect(clusters[i]!.x0).toBeGreaterThan(clusters[i - 1]!.x1);
		}
	});
});

describe("a cluster's pill zooms in", () => {
	test('at every zoom level, every pill zooms in (to half the window at most), onto its own events', () => {
		const items = synthItems(20_000, 5);
		const index = buildTimeIndex(items);
		const lanes = ['a', 'b', 'c'].map((id) => ({ id, name: id }));
		const MIN = 5 * 60_000;
		let pills = 0;
		let wide = 0;
		for (let k = 0; k < 36; k++) {
			const w = (400 * DAY) / 2 ** (k / 2);
			const mid = T0 + 40.5 * DAY;
			const win: [number, number] = [mid - w / 2, mid + w / 2];
			const x = scaleLinear().domain(win).range([0, 1200]);
			for (const c of layoutIndexed(index, lanes, x, 1200).lanes.flatMap((l) => l.clusters)) {
				pills++;
				if (c.t1 - c.t0 > w / 2) wide++;
				const [a, b] = clusterWindow(c, win, MIN);
				expect(b - a).toBeLessThanOrEqual((w / 2) * (1 + 1e-9));
				expect(a <= c.t1 + MIN && b >= c.t0 - MIN).toBe(true);
			}
		}
		expect(pills).toBeGreaterThan(100);
		// Some clusters span more than half the window: those are the ones this is about.
		expect(wide).toBeGreaterThan(0);
	});
});

describe('the scale as numbers, for placing every item in view', () => {
	test('gives what the d3 linear scale gives, to the last bit', () => {
		fc.assert(
			fc.property(
				fc.double({ min: 1e12, max: 2e12, noNaN: true }),
				fc.double({ min: 1, max: 1e11, noNaN: true }),
				fc.integer({ min: 1, max: 4000 }),
				fc.array(fc.double({ min: -1e11, max: 1e11, noNaN: true }), { minLength: 1 }),
				(d0, span, width, offsets) => {
					const x = scaleLinear()
						.domain([d0, d0 + span])
						.range([0, width]);
					const lin = linearOf(x);
					expect(lin).not.toBeNull();
					for (const o of offsets) expect(Object.is(toPx(lin!, d0 + o), x(d0 + o))).toBe(true);
				}
			)
		);
	});

	test('any other scale is left to be called', () => {
		expect(linearOf(scaleLinear().domain([0, 10]).range([0, 100]).clamp(true))).toBeNull();
		expect(
			linearOf(
				scaleLinear()
					.domain([0, 10])
					.range([0, 100])
					.interpolate((a, b) => (t) => Math.round(a * (1 - t) + b * t))
			)
		).toBeNull();
		expect(linearOf(scaleLinear().domain([10, 0]).range([0, 100]))).toBeNull();
		expect(linearOf(scaleLinear().domain([0, 5, 10]).range([0, 50, 100]))).toBeNull();
		expect(linearOf(scaleLog().domain([1, 10]).range([0, 100]))).toBeNull();
		const plain = Object.assign((t: number) => t / 2, { invert: (px: number) => px * 2 });
		expect(linearOf(plain)).toBeNull();
		// A layout with such a scale is the same as with the linear scale it agrees with.
		const items = [1, 2, 3, 50, 51, 90].map((t, i) =>
			item(`e${i}`, 'a', t * 1000, i % 2 ? 2000 : 0)
		);
		const lanes = [{ id: 'a', name: 'A' }];
		const x = scaleLinear().domain([0, 100_000]).range([0, 1000]);
		const called = Object.assign((t: number) => x(t), { invert: (px: number) => x.invert(px) });
		expect(layoutTimeline(items, lanes, called, 1000)).toEqual(
			layoutTimeline(items, lanes, x, 1000)
		);
	});
});
