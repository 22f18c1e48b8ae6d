import { describe, expect, test } from 'vitest';
import { flushSync } from 'svelte';
import { Explorer } from '../../src/lib/timeline/explorer.svelte';
import { buildIndex } from '../../src/lib/model';
import { synthIncident } from '../../src/lib/bench/synth';

// The unit tests run Svelte's server build, where a derived is worked out again at each read:
// these check what the settled layout is. That it is not laid out again on every frame of a
// gesture is seen in the browser (the pills' buttons in open.spec.ts).
describe('Explorer.settledLayout', () => {
	const index = buildIndex(synthIncident({ events: 3_000, seed: 11 }));
	const fresh = () => {
		const explorer = new Explorer(index, { event: () => '', party: () => null });
		explorer.width = 1200;
		flushSync();
		return explorer;
	};
	const pills = (layout: Explorer['layout']) =>
		layout.lanes.map((l) => l.clusters.map((c) => `${c.x0.toFixed(1)}:${c.count}`));

	test('at rest it is the live layout', () => {
		const explorer = fresh();
		expect(explorer.settledLayout).toEqual(explorer.layout);
	});

	test('while the window moves it stays the layout of the settled window', () => {
		const explorer = fresh();
		const [a, b] = explorer.window;
		const settled = pills(explorer.settledLayout);
		for (let k = 1; k <= 4; k++) {
			explorer.zoomBy(1.5);
			expect(pills(explorer.layout)).not.toEqual(settled);
			expect(pills(explorer.settledLayout)).toEqual(settled);
		}
		expect(explorer.settledLayout).toEqual(explorer.layoutAt([a, b]).layout);
	});

	test('once the window rests it follows it, and is the live layout again', () => {
		const explorer = fresh();
		explorer.zoomBy(4);
		explorer.settledWindow = explorer.window;
		expect(explorer.settledLayout).toEqual(explorer.layout);
	});

	test('a filter or a width change lays the settled window out again', () => {
		const explorer = fresh();
		const [a, b] = explorer.window;
		const before = pills(explorer.settledLayout);
		explorer.zoomBy(3);
		explorer.parties = [index.model.parties[0]!.id];
		expect(pills(explorer.settledLayout)).not.toEqual(before);
		expect(explorer.settledLayout).toEqual(explorer.layoutAt([a, b]).layout);
		explorer.width = 700;
		expect(explorer.settledLayout).toEqual(explorer.layoutAt([a, b]).layout);
		for (const lane of explorer.settledLayout.lanes)
			for (const c of lane.clusters) expect(c.x0).toBeLessThanOrEqual(700);
	});
});

describe('Explorer.lanesHeight', () => {
	const index = buildIndex(synthIncident({ events: 3_000, seed: 11 }));
	const fresh = () => {
		const explorer = new Explorer(index, { event: () => '', party: () => null });
		explorer.width = 1200;
		flushSync();
		return explorer;
	};

	test('at rest it is the layout height', () => {
		const explorer = fresh();
		expect(explorer.lanesHeight).toBe(explorer.layout.height);
	});

	test('while the window moves it keeps the tallest height since the window stood still', () => {
		const explorer = fresh();
		const heights = [explorer.layout.height];
		let tallest = explorer.layout.height;
		// Out and back in: the lanes gain rows on the way out and lose them on the way in.
		for (let k = 0; k < 24; k++) {
			explorer.zoomBy(k < 12 ? 1.6 : 1 / 1.6);
			const own = explorer.layout.height;
			heights.push(own);
			tallest = Math.max(tallest, own);
			expect(explorer.lanesHeight).toBe(tallest);
		}
		// The walk must have had a step where the lanes' own height fell, or this proves nothing.
		expect(heights.some((h, i) => i > 0 && h < heights[i - 1]!)).toBe(true);
		expect(explorer.lanesHeight).toBeGreaterThan(explorer.layout.height);
	});

	test('once the window rests the lanes take their own height again', () => {
		const explorer = fresh();
		for (let k = 0; k < 24; k++) {
			explorer.zoomBy(k < 12 ? 1.6 : 1 / 1.6);
			void explorer.lanesHeight;
		}
		expect(explorer.lanesHeight).toBeGreaterThan(explorer.layout.height);
		explorer.settledWindow = explorer.window;
		expect(explorer.lanesHeight).toBe(explorer.layout.height);
	});
});
