import { describe, expect, test } from 'vitest';
import { flushSync } from 'svelte';
import { warmWindows, WHEEL_STEP, WHEEL_STEPS } from '../../src/lib/timeline/warm';
import { Explorer } from '../../src/lib/explorer/explorer.svelte';
import { buildIndex } from '../../src/lib/model';
import { synthIncident } from '../../src/lib/bench/synth';

describe('warmWindows', () => {
	test("are each one wheel notch apart, nearest first, alternating out and in, on the window's centre", () => {
		const w: [number, number] = [0, 1_000_000];
		const notches = warmWindows(w);
		expect(notches).toHaveLength(2 * WHEEL_STEPS);
		const widths = notches.map(([a, b]) => b - a);
		// d3-zoom: a notch (deltaY 120) scales by 2^(0.002 × 120).
		expect(widths[0]! / 1_000_000).toBeCloseTo(2 ** (0.002 * 120), 9);
		expect(widths[1]! / 1_000_000).toBeCloseTo(2 ** -(0.002 * 120), 9);
		for (const [a, b] of notches) expect((a + b) / 2).toBeCloseTo(500_000, 3);
		// Thirty notches each way: about a hundred and fifty times wider and narrower.
		expect(Math.max(...widths) / 1_000_000).toBeCloseTo(2 ** (WHEEL_STEP * WHEEL_STEPS), 6);
		expect(Math.min(...widths) / 1_000_000).toBeCloseTo(2 ** -(WHEEL_STEP * WHEEL_STEPS), 6);
		expect(warmWindows([1_000_000, 5_000_000], 2, 1)).toEqual([
			[-1_000_000, 7_000_000],
			[2_000_000, 4_000_000],
			[-5_000_000, 11_000_000],
			[2_500_000, 3_500_000]
		]);
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
