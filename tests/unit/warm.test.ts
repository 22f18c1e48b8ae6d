import { describe, expect, test } from 'vitest';
import { flushSync } from 'svelte';
import {
	warmWindows,
	WARM_LEVELS,
	WARM_STEP,
	WHEEL_STEP,
	WHEEL_STEPS
} from '../../src/lib/timeline/warm';
import { Explorer } from '../../src/lib/explorer/explorer.svelte';
import { buildIndex } from '../../src/lib/model';
import { synthIncident } from '../../src/lib/bench/synth';

describe('warmWindows', () => {
	const w: [number, number] = [1_000_000, 5_000_000];
	const out = warmWindows(w);

	test('nearest zoom levels first, alternating wider and narrower, all on the same centre', () => {
		expect(out).toHaveLength(2 * WARM_LEVELS);
		const widths = out.map(([a, b]) => b - a);
		for (let k = 0; k < WARM_LEVELS; k++) {
			expect(widths[2 * k]! / 4_000_000).toBeCloseTo(2 ** (WARM_STEP * (k + 1)), 9);
			expect(widths[2 * k + 1]! / 4_000_000).toBeCloseTo(2 ** -(WARM_STEP * (k + 1)), 9);
		}
		for (const [a, b] of out) expect((a + b) / 2).toBeCloseTo(3_000_000, 3);
	});

	test('reaches about a hundred and fifty times wider and narrower, as thirty wheel steps do', () => {
		// d3-zoom scales by 2^0.24 for each wheel notch (deltaY 120).
		const reach = 2 ** (WARM_STEP * WARM_LEVELS);
		expect(reach).toBeGreaterThanOrEqual(2 ** (0.24 * 30));
		expect(warmWindows(w, 2, 1)).toEqual([
			[-1_000_000, 7_000_000],
			[2_000_000, 4_000_000],
			[-5_000_000, 11_000_000],
			[2_500_000, 3_500_000]
		]);
	});
});

describe("the wheel notches' windows", () => {
	test('are each one notch apart and reach as far as the rehearsals, both ways', () => {
		const w: [number, number] = [0, 1_000_000];
		const notches = warmWindows(w, WHEEL_STEPS, WHEEL_STEP);
		expect(notches).toHaveLength(2 * WHEEL_STEPS);
		const widths = notches.map(([a, b]) => b - a);
		// d3-zoom: a notch (deltaY 120) scales by 2^(0.002 × 120).
		expect(widths[0]! / 1_000_000).toBeCloseTo(2 ** (0.002 * 120), 9);
		expect(widths[1]! / 1_000_000).toBeCloseTo(2 ** -(0.002 * 120), 9);
		expect(Math.max(...widths) / 1_000_000).toBeCloseTo(2 ** (WARM_STEP * WARM_LEVELS), 6);
		expect(Math.min(...widths) / 1_000_000).toBeCloseTo(2 ** -(WARM_STEP * WARM_LEVELS), 6);
	});
});

describe('Explorer.layoutAt', () => {
	const index = buildIndex(synthIncident({ events: 2_000, seed: 3 }));
	const explorer = new Explorer(index, { event: () => '', party: () => null });
	explorer.width = 1200;
	flushSync();

	test('at the current window it lays out exactly what the timeline shows', () => {
		const at = explorer.layoutAt(explorer.window);
		expect(at.window).toEqual(explorer.window);
		expect(at.layout).toEqual(explorer.layout);
		expect(at.ticks).toEqual(explorer.ticks);
	});

	test('at another window it matches moving there, and does not move the timeline', () => {
		const before = [...explorer.window];
		const other = warmWindows(explorer.window)[5]!;
		const at = explorer.layoutAt(other);
		expect(explorer.window).toEqual(before);
		explorer.setWindow(other);
		expect(at.window).toEqual(explorer.window);
		expect(at.layout).toEqual(explorer.layout);
		expect(
			at.layout.markCount + at.layout.lanes.reduce((n, l) => n + l.clusters.length, 0)
		).toBeGreaterThan(0);
	});
});
