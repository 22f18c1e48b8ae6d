import { describe, expect, test } from 'vitest';
import { flushSync } from 'svelte';
import { Explorer } from '../../src/lib/explorer/explorer.svelte';
import { buildIndex } from '../../src/lib/model';
import { synthIncident } from '../../src/lib/bench/synth';

// The unit tests run Svelte's server build, where a derived is worked out again at each read:
// these check what the settled layout is. That it is not laid out again on every frame of a
// gesture is seen in the browser (the pills' buttons in open.spec.ts).
const index = buildIndex(synthIncident({ events: 3_000, seed: 11 }));
const fresh = () => {
	const explorer = new Explorer(index, { event: () => '', party: () => null });
	explorer.width = 1200;
	flushSync();
	return explorer;
};

describe('Explorer.settledLayout', () => {
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

// Laying out 24 windows of 3,000 events, each worked out again at every read: a hang guard
// for loaded machines, not a timing check.
describe('lanes while the window moves', { timeout: 60_000 }, () => {
	/** Each lane's height as the layout at the window alone gives it. */
	const own = (explorer: Explorer) => explorer.layoutAt(explorer.window).layout;
	const heights = (layout: Explorer['layout']) =>
		Array.from(layout.tops.subarray(1), (t, i) => t - layout.tops[i]!);
	/** Out and back in: the lanes gain rows on the way out and lose them on the way in. */
	const steps = (k: number) => (k < 12 ? 1 / 1.6 : 1.6);

	test('at rest each lane has its own height', () => {
		const explorer = fresh();
		expect(explorer.layout).toEqual(own(explorer));
		expect(explorer.lanesHeight).toBe(explorer.layout.height);
	});

	test('while it moves each lane keeps its tallest height, so no lane moves up', () => {
		const explorer = fresh();
		let tallest = heights(explorer.layout);
		let tops = Array.from(explorer.layout.tops);
		let held = false;
		for (let k = 0; k < 24; k++) {
			explorer.zoomBy(steps(k));
			const now = heights(explorer.layout);
			const mine = heights(own(explorer));
			now.forEach((h, i) => {
				expect(h).toBe(Math.max(tallest[i]!, mine[i]!));
				expect(explorer.layout.tops[i]).toBeGreaterThanOrEqual(tops[i]!);
			});
			if (mine.some((h, i) => h < now[i]!)) held = true;
			tallest = now;
			tops = Array.from(explorer.layout.tops);
			expect(explorer.lanesHeight).toBe(explorer.layout.height);
		}
		// The walk must have had a lane lose a row, or this proves nothing.
		expect(held).toBe(true);
	});

	test('once it rests each lane takes its own height again', () => {
		const explorer = fresh();
		for (let k = 0; k < 24; k++) {
			explorer.zoomBy(steps(k));
			void explorer.layout;
		}
		expect(explorer.layout.height).toBeGreaterThan(own(explorer).height);
		explorer.settledWindow = explorer.window;
		expect(explorer.layout).toEqual(own(explorer));
		expect(explorer.lanesHeight).toBe(own(explorer).height);
	});
});

describe('a briefing step', () => {
	test("the lanes holding the step's focus come first; outside a briefing, the incident's order", () => {
		const explorer = fresh();
		const order = explorer.laneGroups.map((l) => l.id);
		// An event in the last lane becomes the focus.
		const last = order.at(-1)!;
		const focus = explorer.items.find((i) => i.lane === last)!.id;
		explorer.focusEvents = new Set([focus]);
		expect(explorer.laneGroups.map((l) => l.id)).toEqual(order);
		explorer.sparse = true;
		expect(explorer.laneGroups.map((l) => l.id)).toEqual([last, ...order.slice(0, -1)]);
	});
});

describe('the order of next and previous', () => {
	test("an event known only by its date comes after that day's timed events", () => {
		const model = synthIncident({ events: 10, seed: 3 });
		const [dated, timed] = model.events;
		Object.assign(dated!, { start: '2020-05-04T00:00+03:00', end: null, precision: 'day' });
		Object.assign(timed!, { start: '2020-05-04T15:55+03:00', end: null, precision: 'minute' });
		const order = buildIndex(model).chronological.map((e) => e.id);
		expect(order.indexOf(timed!.id)).toBeLessThan(order.indexOf(dated!.id));
	});
});
