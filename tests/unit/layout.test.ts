import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { scaleLinear } from 'd3-scale';
import { eventExtent, laneOf, toItems, type TimelineItem } from '../../src/lib/layout/items';
import {
	clusterWindow,
	fitLabel,
	lanesIn,
	layoutTimeline,
	pillSpan,
	pillWidth,
	type EventMark
} from '../../src/lib/layout/layout';
import { buildIndex } from '../../src/lib/model';
import { validateIncident } from '../../src/lib/model/validate';
import { miniFiles } from './fixtures';

const MIN = 60_000;
const T0 = Date.UTC(2016, 8, 17, 12);

function item(id: string, startMin: number, extra: Partial<TimelineItem> = {}): TimelineItem {
	const start = T0 + startMin * MIN;
	return {
		id,
		title: `Event ${id}`,
		lane: 'a',
		start,
		end: null,
		extent: [start, start],
		shape: 'instant',
		approximate: false,
		disputed: false,
		...extra
	};
}

const lanes = [
	{ id: 'a', name: 'A' },
	{ id: 'b', name: 'B' }
];
const scale = (minutes: number, width: number) =>
	scaleLinear()
		.domain([T0, T0 + minutes * MIN])
		.range([0, width]);

/** The horizontal space a mark and its label take, as drawn. */
function footprint(m: EventMark, charWidth = 7) {
	const left = Math.min(m.x0, m.e0);
	const right = Math.max(m.x1, m.e1, m.label ? m.labelX + m.label.length * charWidth : 0);
	return [left, right] as const;
}

describe('eventExtent: what a mark stands for', () => {
	test('an exact time is a point', () => {
		const e = eventExtent({
			start: '2016-09-17T15:55+03:00',
			precision: 'minute',
			approximate: false
		});
		expect(e.shape).toBe('instant');
		expect(e.extent[0]).toBe(e.extent[1]);
	});
	test('an approximate time spreads ten minutes either side', () => {
		const e = eventExtent({
			start: '2016-09-17T16:25+03:00',
			precision: 'minute',
			approximate: true
		});
		expect(e.extent[1] - e.extent[0]).toBe(20 * MIN);
	});
	test('a date-only event covers its whole day in the zone the source used', () => {
		const e = eventExtent({
			start: '2016-09-19T00:00+03:00',
			precision: 'day',
			approximate: false
		});
		expect(e.shape).toBe('period');
		expect(e.extent).toEqual([Date.UTC(2016, 8, 18, 21), Date.UTC(2016, 8, 19, 21)]);
	});
	test('a month-only event covers the month', () => {
		const e = eventExtent({
			start: '2014-03-01T00:00+02:00',
			precision: 'month',
			approximate: true
		});
		expect(e.extent[1] - e.extent[0]).toBe(31 * 24 * 60 * MIN);
	});
});

describe('layoutTimeline', () => {
	test('items far apart share one row; items at the same time stack', () => {
		const items = [item('x', 10), item('y', 100), item('z', 10.5)];
		const {
			lanes: [a]
		} = layoutTimeline(items, lanes, scale(120, 1200), 1200);
		const row = Object.fromEntries(a!.marks.map((m) => [m.id, m.row]));
		expect(row.x).toBe(0);
		expect(row.y).toBe(0);
		expect(row.z).toBe(1);
	});

	test('when a lane runs out of rows the rest become a cluster with a count', () => {
		const items = Array.from({ length: 9 }, (_, i) => item(`e${i}`, 60 + i * 0.01));
		const {
			lanes: [a]
		} = layoutTimeline(items, lanes, scale(120, 1200), 1200, { maxRows: 3 });
		expect(a!.marks).toHaveLength(3);
		expect(a!.clusters).toHaveLength(1);
		expect(a!.clusters[0]!.count).toBe(6);
		expect(a!.rows).toBe(4); // three rows of marks and one of clusters
	});

	test("a lane's floor raises its height, with the room below its rows, and moves the lanes below down", () => {
		const items = [item('a1', 10), item('a2', 10.01), item('b1', 30, { lane: 'b' })];
		const plain = layoutTimeline(items, lanes, scale(120, 1200), 1200);
		const a = plain.lanes[0]!;
		const floored = layoutTimeline(items, lanes, scale(120, 1200), 1200, {
			laneFloors: new Map([['a', a.height + 50]])
		});
		const [fa, fb] = floored.lanes;
		expect(fa!.height).toBe(a.height + 50);
		expect(fa!.rows).toBe(a.rows);
		expect(fa!.marks.map((m) => [m.id, m.y])).toEqual(a.marks.map((m) => [m.id, m.y]));
		expect(fb!.y).toBe(plain.lanes[1]!.y + 50);
		expect(floored.height).toBe(plain.height + 50);
		// A floor below the lane's own height changes nothing.
		const low = layoutTimeline(items, lanes, scale(120, 1200), 1200, {
			laneFloors: new Map([['a', 1]])
		});
		expect(low).toEqual(plain);
	});

	test("a briefing step's focused events are placed before the rest, so a crowd never hides them", () => {
		const items = Array.from({ length: 9 }, (_, i) => item(`e${i}`, 60 + i * 0.01));
		const {
			lanes: [a]
		} = layoutTimeline(items, lanes, scale(120, 1200), 1200, {
			maxRows: 3,
			priority: new Set(['e7', 'e8'])
		});
		const shown = a!.marks.map((m) => m.id);
		expect(shown).toContain('e7');
		expect(shown).toContain('e8');
		// Each event is shown once: as a mark, or counted in a cluster, never both.
		expect(a!.marks.length + a!.clusters.reduce((n, c) => n + c.count, 0)).toBe(9);
	});

	test('sparse mode drops lanes with nothing in view and leaves out covering date-only events', () => {
		const day = item('day', -600, {
			shape: 'period',
			extent: [T0 - 600 * MIN, T0 + 800 * MIN],
			lane: 'b'
		});
		const items = [item('x', 10), day];
		const two = lanes;
		const dense = layoutTimeline(items, two, scale(120, 1200), 1200);
		expect(dense.lanes.map((l) => l.id)).toEqual(['a', 'b']);
		expect(dense.lanes[1]!.strip?.ids).toEqual(['day']);
		const sparse = layoutTimeline(items, two, scale(120, 1200), 1200, { sparse: true });
		expect(sparse.lanes.map((l) => l.id)).toEqual(['a']);
		expect(sparse.height).toBeLessThan(dense.height);
		// A focused date-only event is shown as a mark even in sparse mode.
		const focused = layoutTimeline(items, two, scale(120, 1200), 1200, {
			sparse: true,
			priority: new Set(['day'])
		});
		expect(focused.lanes.map((l) => l.id)).toEqual(['a', 'b']);
		expect(focused.lanes[1]!.marks.map((m) => m.id)).toEqual(['day']);
	});

	test('zooming in opens a cluster: the same items at a finer scale need no cluster', () => {
		const items = Array.from({ length: 9 }, (_, i) => item(`e${i}`, 60 + i * 2));
		const wide = layoutTimeline(items, lanes, scale(60 * 24 * 7, 1200), 1200, { maxRows: 3 });
		const close = layoutTimeline(
			items,
			lanes,
			scale(40, 1200).domain([T0 + 55 * MIN, T0 + 80 * MIN]),
			1200,
			{ maxRows: 3 }
		);
		expect(wide.lanes[0]!.clusters.length).toBeGreaterThan(0);
		expect(close.lanes[0]!.clusters).toHaveLength(0);
		expect(close.lanes[0]!.marks).toHaveLength(9);
	});

	test('items outside the window are not laid out', () => {
		const items = [item('before', -600), item('inside', 30), item('after', 600)];
		const {
			lanes: [a]
		} = layoutTimeline(items, lanes, scale(60, 600), 600);
		expect(a!.marks.map((m) => m.id)).toEqual(['inside']);
	});

	test('lanes stack top to bottom with their own heights', () => {
		const items = [item('x', 10), item('y', 10, { lane: 'b' }), item('z', 10, { lane: 'b' })];
		const out = layoutTimeline(items, lanes, scale(60, 600), 600);
		expect(out.lanes[1]!.y).toBe(out.lanes[0]!.height);
		expect(out.lanes[1]!.rows).toBe(2);
		expect(out.height).toBe(out.lanes[0]!.height + out.lanes[1]!.height);
	});

	test('nothing is ever drawn over anything else in a row (property)', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						at: fc.double({ min: 0, max: 600, noNaN: true }),
						len: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 90, noNaN: true })),
						title: fc.string({ maxLength: 60 })
					}),
					{ maxLength: 60 }
				),
				fc.integer({ min: 200, max: 1600 }),
				(specs, width) => {
					const items = specs.map((s, i) => {
						const start = T0 + s.at * MIN;
						const end = s.len ? start + s.len * MIN : null;
						return {
							...item(`i${i}`, s.at),
							title: s.title || 'x',
							end,
							extent: [start, end ?? start] as [number, number],
							shape: end ? ('range' as const) : ('instant' as const)
						};
					});
					const {
						lanes: [a]
					} = layoutTimeline(items, lanes, scale(600, width), width);
					const byRow = new Map<number, (readonly [number, number])[]>();
					for (const m of a!.marks) byRow.set(m.row, [...(byRow.get(m.row) ?? []), footprint(m)]);
					for (const spans of byRow.values()) {
						spans.sort((p, q) => p[0] - q[0]);
						for (let i = 1; i < spans.length; i++)
							expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
					}
					// Cluster pills, as drawn, never sit on one another, even at the right edge.
					const pills = a!.clusters.map((c) => pillSpan(c, width)).sort((p, q) => p[0] - q[0]);
					for (let i = 1; i < pills.length; i++)
						expect(pills[i]![0]).toBeGreaterThanOrEqual(pills[i - 1]![1]);
					// Every item is accounted for: drawn or counted in a cluster.
					const shown =
						a!.marks.length + a!.clusters.reduce((n, c) => n + c.count, 0) + (a!.strip?.count ?? 0);
					expect(shown).toBe(items.length);
				}
			),
			{ numRuns: 200 }
		);
	});

	test('at minute scale, date-only events move to the lane strip and never crowd out precise ones', () => {
		const day = (id: string): TimelineItem => ({
			...item(id, 0),
			shape: 'period',
			extent: [T0 - 12 * 60 * MIN, T0 + 12 * 60 * MIN]
		});
		const items = [day('d1'), day('d2'), day('d3'), day('d4'), day('d5'), item('call', 30)];
		const {
			lanes: [a]
		} = layoutTimeline(items, lanes, scale(90, 900), 900, { maxRows: 3 });
		expect(a!.marks.map((m) => m.id)).toEqual(['call']);
		expect(a!.strip).toMatchObject({ count: 5, ids: ['d1', 'd2', 'd3', 'd4', 'd5'] });
		expect(a!.clusters).toEqual([]);
		// The strip is a note on the lane's name line: the lane is no taller than without it.
		const alone = layoutTimeline([item('call', 30)], lanes, scale(90, 900), 900, { maxRows: 3 });
		expect(a!.height).toBe(alone.lanes[0]!.height);
		expect(a!.marks[0]!.y).toBe(alone.lanes[0]!.marks[0]!.y);
	});

	test('precise events take rows before date-only ones that only partly cover the view', () => {
		const halfDay = (id: string): TimelineItem => ({
			...item(id, 0),
			shape: 'period',
			extent: [T0, T0 + 60 * MIN]
		});
		const items = [halfDay('d1'), halfDay('d2'), halfDay('d3'), item('call', 30), item('halt', 31)];
		const {
			lanes: [a]
		} = layoutTimeline(items, lanes, scale(120, 1200), 1200, { maxRows: 3 });
		const rowOf = Object.fromEntries(a!.marks.map((m) => [m.id, m.row]));
		expect(rowOf.call).toBe(0);
		expect(rowOf.halt).toBe(1);
		expect(a!.clusters.reduce((n, c) => n + c.count, 0) + a!.marks.length).toBe(5);
	});

	test('the selected event is laid out first, so a crowded lane never hides it in a cluster', () => {
		const items = Array.from({ length: 9 }, (_, i) => item(`e${i}`, 60 + i * 0.01));
		const hidden = layoutTimeline(items, lanes, scale(120, 1200), 1200, { maxRows: 3 });
		expect(hidden.lanes[0]!.marks.map((m) => m.id)).not.toContain('e8');
		const shown = layoutTimeline(items, lanes, scale(120, 1200), 1200, { maxRows: 3, first: 'e8' });
		expect(shown.lanes[0]!.marks.find((m) => m.id === 'e8')?.row).toBe(0);
	});

	test('labels are cut with an ellipsis, never run on', () => {
		expect(fitLabel('Russian officer calls the coalition operations centre', 140, 7)).toBe(
			'Russian officer…'
		);
		expect(fitLabel('Short', 140, 7)).toBe('Short');
	});

	test('a label is cut by measured width: narrow letters fit more than wide ones', () => {
		const measure = (t: string) => [...t].reduce((w, c) => w + (c === 'W' ? 12 : 4), 0);
		expect(fitLabel('iiii iiii iiii iiii iiii iiii', 100, measure)).toBe(
			'iiii iiii iiii iiii iiii…'
		);
		expect(fitLabel('WWWW WWWW WWWW', 100, measure)).toBe('WWWW WWW…');
		for (let w = 20; w < 200; w += 7)
			expect(measure(fitLabel('WWWW iiii WWWW iiii WWWW', w, measure))).toBeLessThanOrEqual(w);
	});

	test('with room, a long title is shown whole: no cut at a fixed number of characters', () => {
		const title = 'Strike window as given by the coalition, and as later reconstructed';
		const items = [{ ...item('long', 10), title }];
		const {
			lanes: [a]
		} = layoutTimeline(items, lanes, scale(600, 1440), 1440, { labelWidth: (t) => t.length * 6 });
		expect(a!.marks[0]!.label).toBe(title);
	});

	test('a bold label (the selection, a briefing focus) is cut to its bold width at the edge', () => {
		const measure = (t: string) => t.length * 6;
		const title = 'Strike window as later reported from the US investigation';
		const items = [{ ...item('focus', 540), title }];
		const width = 900;
		for (const o of [{}, { priority: new Set(['focus']) }]) {
			const {
				lanes: [a]
			} = layoutTimeline(items, lanes, scale(600, width), width, { labelWidth: measure, ...o });
			const m = a!.marks[0]!;
			const bold = 'priority' in o ? 1.1 : 1;
			expect(m.labelX + measure(m.label!) * bold).toBeLessThanOrEqual(width);
		}
	});

	test('every label ends inside the plot, as drawn: beside a disputed flag or bold in a band (property)', () => {
		// Regular glyphs 6 px; a label inside a band is semibold and a focused one bold: up to 1.1×.
		const measure = (t: string) => t.length * 6;
		const width = 700;
		fc.assert(
			fc.property(
				fc.array(
					fc.record({
						at: fc.integer({ min: -100, max: 700 }),
						long: fc.integer({ min: 0, max: 300 }),
						disputed: fc.boolean(),
						words: fc.integer({ min: 1, max: 12 }),
						focus: fc.boolean()
					}),
					{ minLength: 1, maxLength: 12 }
				),
				(specs) => {
					const items = specs.map((s, i) => {
						const start = T0 + s.at * MIN;
						const end = s.long > 0 ? start + s.long * MIN : null;
						return {
							...item(`e${i}`, s.at),
							title: 'Word '.repeat(s.words).trim(),
							disputed: s.disputed,
							end,
							extent: [start, end ?? start] as [number, number],
							shape: end ? ('range' as const) : ('instant' as const)
						};
					});
					const priority = new Set(items.filter((_, i) => specs[i]!.focus).map((it) => it.id));
					const { lanes: laid } = layoutTimeline(items, lanes, scale(600, width), width, {
						labelWidth: measure,
						priority
					});
					for (const m of laid.flatMap((l) => l.marks)) {
						expect(m.row).toBeGreaterThanOrEqual(0);
						if (m.kind !== 'event' || !m.label) continue;
						const bodyRight = Math.max(m.x1, m.e1);
						const bold = priority.has(m.id) || m.labelX < bodyRight;
						expect(m.labelX + measure(m.label) * (bold ? 1.1 : 1)).toBeLessThanOrEqual(
							width + 1e-9
						);
						// Beside a disputed mark, clear of the flag drawn at its top right corner.
						if (m.item.disputed && m.labelX >= bodyRight)
							expect(m.labelX).toBeGreaterThanOrEqual(bodyRight + 8);
					}
				}
			)
		);
	});

	test('a band near the right edge too short for its name carries it inside, cut, not bare', () => {
		// A phone-width plot: the band ends 30 px from the edge and is 200 px long.
		const measure = (t: string) => t.length * 6;
		const width = 360;
		const start = T0 + 100 * MIN;
		const end = T0 + 300 * MIN;
		const band = {
			...item('band', 100),
			title: "Power calls Russia's emergency meeting request a stunt",
			end,
			extent: [start, end] as [number, number],
			shape: 'range' as const
		};
		const {
			lanes: [a]
		} = layoutTimeline([band], lanes, scale(330, width), width, { labelWidth: measure });
		const m = a!.marks[0]!;
		expect(m.label).toMatch(/^Power calls .*…$/);
		expect(m.labelX).toBeLessThan(m.x1);
		expect(m.labelX + measure(m.label!) * 1.1).toBeLessThanOrEqual(m.x1);
	});

	test('in a briefing, the rest of a lane takes only the rows its focus opened', () => {
		// Nine events half a minute apart: one in focus, eight around it that would take four rows.
		const items = Array.from({ length: 9 }, (_, i) => item(`e${i}`, 60 + i * 0.5));
		const laid = (o: object) =>
			layoutTimeline(items, lanes, scale(600, 1200), 1200, {
				labelWidth: (t) => t.length * 6,
				...o
			}).lanes[0]!;
		const open = laid({ priority: new Set(['e4']) });
		const brief = laid({ priority: new Set(['e4']), sparse: true });
		const rowsOf = (l: typeof open) => new Set(l.marks.map((m) => m.row)).size;
		expect(rowsOf(open)).toBe(4);
		expect(rowsOf(brief)).toBe(1);
		expect(brief.height).toBeLessThan(open.height);
		// The focus keeps its labelled mark; the rest are counted, none lost.
		const focus = brief.marks.find((m) => m.id === 'e4');
		expect(focus).toMatchObject({ kind: 'event', label: 'Event e4' });
		const counted = brief.marks.length + brief.clusters.reduce((n, c) => n + c.count, 0);
		expect(counted).toBe(9);
	});

	test('in a briefing, a lane without focus is one row of badges, and the focus keeps its rows', () => {
		const items = [
			item('f', 60),
			...Array.from({ length: 6 }, (_, i) => item(`o${i}`, 30 + i * 40, { lane: 'b' }))
		];
		const laid = layoutTimeline(items, lanes, scale(600, 1200), 1200, {
			labelWidth: (t) => t.length * 6,
			priority: new Set(['f']),
			sparse: true
		});
		const [a, b] = laid.lanes;
		expect(a!.marks.map((m) => m.id)).toEqual(['f']);
		expect(b!.marks).toEqual([]);
		expect(b!.clusters.reduce((n, c) => n + c.count, 0)).toBe(6);
		expect(b!.rows).toBe(1);
		for (const c of b!.clusters) expect(c.row).toBe(0);
		// One row of the default 26 px, padded 8 px above and below.
		expect(b!.height).toBe(26 + 2 * 8);
	});

	test('at minute zoom a lane showing only its date-only note, or nothing, is just its name line', () => {
		const day: TimelineItem = {
			...item('day', 0, { lane: 'b' }),
			shape: 'period',
			extent: [T0 - 12 * 60 * MIN, T0 + 12 * 60 * MIN]
		};
		const three = [...lanes, { id: 'c', name: 'C' }];
		const laid = layoutTimeline([item('x', 10), day], three, scale(60, 900), 900);
		const [a, b, c] = laid.lanes;
		expect(b!.strip?.ids).toEqual(['day']);
		expect(b!.rows).toBe(0);
		expect(c!.rows).toBe(0);
		// Its name line only: shorter than the lane with a row of marks, never below 20 px.
		expect(b!.height).toBeLessThan(a!.height);
		expect(b!.height).toBeGreaterThanOrEqual(20);
		expect(c!.y).toBe(b!.y + b!.height);
	});

	test('with labels turned off (labelMaxWidth 0) every mark still has its row, bare', () => {
		const items = [item('a', 10), item('b', 300), item('c', 300.2)];
		const {
			lanes: [a]
		} = layoutTimeline(items, lanes, scale(600, 800), 800, {
			labelMaxWidth: 0,
			labelWidth: (t) => t.length * 6
		});
		expect(a!.marks).toHaveLength(3);
		for (const m of a!.marks) {
			expect(m.row).toBeGreaterThanOrEqual(0);
			expect(m.label).toBeNull();
		}
	});

	test('a focused mark near the right edge is named on its left, never left bare', () => {
		const measure = (t: string) => t.length * 6;
		const title = 'The last word of the step, said at the very end';
		const items = [{ ...item('late', 598), title }];
		const width = 600;
		const {
			lanes: [a]
		} = layoutTimeline(items, lanes, scale(600, width), width, {
			labelWidth: measure,
			priority: new Set(['late'])
		});
		const m = a!.marks[0] as EventMark;
		expect(m.label).toBe(title);
		expect(m.labelX).toBeGreaterThanOrEqual(0);
		expect(m.labelX + measure(title) * 1.1).toBeLessThanOrEqual(Math.min(m.x0, m.e0));
	});

	test('a label takes the room its row has up to the next mark, and never more', () => {
		const measure = (t: string) => t.length * 6;
		// 'next' is placed first (selected) at 300 px; 'long' sits at 100 px in the same row.
		const items = [
			{ ...item('long', 100), title: 'A title far too long for the room before the next mark' },
			item('next', 300)
		];
		const {
			lanes: [a]
		} = layoutTimeline(items, lanes, scale(600, 600), 600, {
			maxRows: 1,
			first: 'next',
			labelWidth: measure
		});
		const long = a!.marks.find((m) => m.id === 'long')!;
		const next = a!.marks.find((m) => m.id === 'next')!;
		expect(long.row).toBe(next.row);
		expect(long.label).toMatch(/…$/);
		const end = long.labelX + measure(long.label!);
		expect(end).toBeLessThanOrEqual(next.x0 - 8);
		// It used most of that room: at most a word and the gap short of it.
		expect(end).toBeGreaterThan(next.x0 - 8 - 60);
	});

	test("a cluster's badge is as wide as its count, at its events' place, however long they are", () => {
		// Twelve ranges of three hours from 2 h on, in a lane of one row: most go to a cluster.
		const items = Array.from({ length: 12 }, (_, i) =>
			item(`r${i}`, 120 + i, {
				end: T0 + (300 + i) * MIN,
				extent: [T0 + (120 + i) * MIN, T0 + (300 + i) * MIN],
				shape: 'range'
			})
		);
		const width = 1200;
		const {
			lanes: [a]
		} = layoutTimeline(items, lanes, scale(600, width), width, { maxRows: 1 });
		expect(a!.clusters).toHaveLength(1);
		const c = a!.clusters[0]!;
		const [x0, x1] = pillSpan(c, width);
		expect(x1 - x0).toBe(pillWidth(c.count));
		expect(x1 - x0).toBeLessThan(40);
		// It stands where its first hidden event begins, 2 h into a 10 h window.
		expect(x0).toBeGreaterThanOrEqual(width * 0.2);
		expect(x0).toBeLessThan(width * 0.2 + 10);
	});
});

describe('many lanes: only the lanes on screen are laid out', () => {
	const many = Array.from({ length: 40 }, (_, i) => ({ id: `l${i}`, name: `Lane ${i}` }));
	const arbItems = fc.array(
		fc.record({
			// Some lanes crowded, around one busy moment, so rows run out and clusters form.
			lane: fc.oneof(fc.constant(3), fc.integer({ min: 0, max: 39 })),
			at: fc.oneof(
				fc.double({ min: -100, max: 700, noNaN: true }),
				fc.double({ min: 295, max: 305, noNaN: true })
			),
			len: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2000, noNaN: true })),
			period: fc.boolean()
		}),
		{ maxLength: 400 }
	);
	function build(specs: { lane: number; at: number; len: number; period: boolean }[]) {
		return specs.map((s, i): TimelineItem => {
			const start = T0 + s.at * MIN;
			const end = s.len ? start + s.len * MIN : null;
			return {
				...item(`i${i}`, s.at, { lane: `l${s.lane}` }),
				end,
				extent: [start, end ?? start],
				shape: end ? (s.period ? 'period' : 'range') : 'instant'
			};
		});
	}

	test('each lane keeps its place whatever is on screen, and its items fit in it (property)', () => {
		fc.assert(
			fc.property(
				arbItems,
				fc.integer({ min: 0, max: 6000 }),
				fc.integer({ min: 100, max: 1200 }),
				fc.integer({ min: 1, max: 300 }),
				(specs, top, tall, detailLimit) => {
					const items = build(specs);
					const x = scale(600, 900);
					const o = { detailLimit, first: items[0]?.id ?? null, exactLimit: -1 };
					const exact = layoutTimeline(items, many, x, 900, o);
					const all = layoutTimeline(items, many, x, 900, { ...o, viewY: [0, Infinity] });
					const part = layoutTimeline(items, many, x, 900, { ...o, viewY: [top, top + tall] });
					expect(part.bounded).toBe(true);
					// The whole height never depends on what is on screen.
					expect(part.height).toBe(all.height);
					expect(part.laneCount).toBe(many.length);
					const byId = new Map(all.lanes.map((l) => [l.id, l]));
					const exactById = new Map(exact.lanes.map((l) => [l.id, l]));
					// Exactly the lanes crossing the range are laid out, each as in the full layout.
					const crossing = all.lanes.filter((l) => l.y + l.height >= top && l.y <= top + tall);
					expect(part.lanes.map((l) => l.id)).toEqual(crossing.map((l) => l.id));
					for (const l of part.lanes) expect(l).toEqual(byId.get(l.id));
					for (const l of all.lanes) {
						// The bound is never less than what the lane uses, and its items lie inside it.
						const used = exactById.get(l.id)!;
						expect(l.height).toBeGreaterThanOrEqual(used.height);
						expect(l.marks.map((m) => [m.id, m.row, m.x0])).toEqual(
							used.marks.map((m) => [m.id, m.row, m.x0])
						);
						for (const m of [...l.marks, ...l.clusters])
							expect(m.y).toBeLessThanOrEqual(l.y + l.height - 8);
						if (l.density) expect(l.density.y + l.density.h).toBeLessThanOrEqual(l.y + l.height);
					}
					// The count of events in view covers lanes on and off screen alike.
					expect(part.inView).toBeGreaterThanOrEqual(exact.inView);
				}
			),
			{ numRuns: 150 }
		);
	});

	test('a lane holding one date-only event that covers the view keeps room for its strip', () => {
		const day: TimelineItem = {
			...item('day', 0, { lane: 'l1' }),
			shape: 'period',
			extent: [T0 - 12 * 60 * MIN, T0 + 12 * 60 * MIN]
		};
		const items = [day, item('call', 30, { lane: 'l2' })];
		const exact = layoutTimeline(items, many, scale(90, 900), 900);
		const bound = layoutTimeline(items, many, scale(90, 900), 900, {
			viewY: [0, 1000],
			exactLimit: 0
		});
		const [e1, b1] = [exact, bound].map((o) => o.lanes.find((l) => l.id === 'l1')!);
		expect(e1!.strip?.ids).toEqual(['day']);
		expect(b1!.strip?.ids).toEqual(['day']);
		expect(b1!.height).toBeGreaterThanOrEqual(e1!.height);
	});

	test('with little in view every lane is laid out at the height it uses', () => {
		const items = [item('x', 10, { lane: 'l0' }), item('y', 20, { lane: 'l0' })];
		const out = layoutTimeline(items, many, scale(60, 600), 600, { viewY: [500, 900] });
		expect(out.bounded).toBe(false);
		expect(out.lanes).toHaveLength(many.length);
		expect(out.lanes[0]!.rows).toBe(1);
	});

	test('a thousand lanes of a hundred thousand events: a screenful is laid out', () => {
		const lanes1k = Array.from({ length: 1000 }, (_, i) => ({ id: `l${i}`, name: `L${i}` }));
		const items = Array.from({ length: 100_000 }, (_, i) =>
			item(`e${i}`, (i * 7919) % 600, { lane: `l${i % 1000}` })
		);
		const out = layoutTimeline(items, lanes1k, scale(600, 1200), 1200, { viewY: [0, 900] });
		expect(out.bounded).toBe(true);
		expect(out.laneCount).toBe(1000);
		expect(out.lanes.length).toBeLessThan(12);
		expect(out.lanes.every((l) => l.order < 12)).toBe(true);
		expect(out.height).toBeGreaterThan(1000 * 100);
		expect(out.inView).toBe(100_000);
	});
});

describe('lanes', () => {
	const model = validateIncident(miniFiles()).model!;
	const index = buildIndex(model);

	test('an event sits in the lane of its first party, by side, category or party', () => {
		const strike = index.eventById.get('strike-begins')!;
		expect(laneOf(strike, 'side', index.partyById)).toBe('blue');
		expect(laneOf(strike, 'category', index.partyById)).toBe('strike');
		expect(laneOf(strike, 'party', index.partyById)).toBe('blue-air');
	});

	test('items carry dispute and approximation flags for drawing', () => {
		const items = toItems(model.events, 'side', index.partyById);
		expect(items.find((i) => i.id === 'strike-begins')).toMatchObject({
			disputed: true,
			shape: 'range'
		});
		expect(items.find((i) => i.id === 'first-call')).toMatchObject({
			approximate: true,
			shape: 'instant'
		});
		expect(items.find((i) => i.id === 'statement-day')).toMatchObject({ shape: 'period' });
	});
});

describe('places', () => {
	test('every place gets its own id, even when a suffixed id is also a name', async () => {
		const { placesOf } = await import('../../src/lib/map/places');
		const at = (id: string, name: string, lat: number) =>
			({
				id,
				location: { name, lat, lon: 40, precision: 'city' }
			}) as unknown as Parameters<typeof placesOf>[0][number];
		const places = placesOf([at('a', 'مكان', 30), at('b', 'מקום', 31), at('c', 'place 2', 32)]);
		expect(new Set(places.map((p) => p.id)).size).toBe(3);
	});
});

describe('places at scale', () => {
	test('twenty thousand places of one name get distinct ids', async () => {
		const { placesOf } = await import('../../src/lib/map/places');
		const events = Array.from(
			{ length: 20_000 },
			(_, i) =>
				({
					id: `e${i}`,
					location: { name: 'Aleppo', lat: 30 + i / 1000, lon: 40, precision: 'city' }
				}) as unknown as Parameters<typeof placesOf>[0][number]
		);
		const ids = placesOf(events).map((p) => p.id);
		expect(new Set(ids).size).toBe(20_000);
		expect(ids.slice(0, 3)).toEqual(['aleppo', 'aleppo-2', 'aleppo-3']);
	});
});

describe('lanesIn', () => {
	test('keeps the lanes that cross the band on screen, touching counts, and their order', () => {
		const lanes = [
			{ id: 'a', y: 0, height: 100 },
			{ id: 'b', y: 100, height: 300 },
			{ id: 'c', y: 400, height: 50 },
			{ id: 'd', y: 450, height: 500 }
		];
		expect(lanesIn(lanes, [120, 400]).map((l) => l.id)).toEqual(['b', 'c']);
		expect(lanesIn(lanes, [100, 100]).map((l) => l.id)).toEqual(['a', 'b']);
		expect(lanesIn(lanes, [960, 2000])).toEqual([]);
	});
});

describe('clusterWindow', () => {
	const H = 3_600_000;
	const MIN = 5 * 60_000;
	test('a cluster well inside the window: its events with 30% of their span either side', () => {
		expect(clusterWindow({ t0: 10 * H, t1: 12 * H }, [0, 48 * H], MIN)).toEqual([
			10 * H - 0.6 * H,
			12 * H + 0.6 * H
		]);
		// A single instant gets the smallest pad.
		expect(clusterWindow({ t0: 10 * H, t1: 10 * H }, [0, 48 * H], MIN)).toEqual([
			10 * H - MIN,
			10 * H + MIN
		]);
	});

	test('a cluster reaching past the window is zoomed into where it is in view, by half at least', () => {
		// A long period from before the window to after it: the middle half of the window.
		expect(clusterWindow({ t0: -100 * H, t1: 100 * H }, [0, 8 * H], MIN)).toEqual([2 * H, 6 * H]);
		// Past the right edge only: its part in view, with room either side.
		expect(clusterWindow({ t0: 6 * H, t1: 100 * H }, [0, 8 * H], MIN)).toEqual([
			6 * H - 0.6 * H,
			8 * H + 0.6 * H
		]);
	});
});

describe('the fade of a bounded time, laid out', () => {
	test('a bounded item gets its fade in px on the scale; others get none', () => {
		const start = T0 + 10 * MIN;
		const bounded = item('b', 10, {
			extent: [start, start + 20 * MIN],
			fade: [start, start, start, start + 20 * MIN]
		});
		const plain = item('p', 60);
		const x = scale(120, 1200);
		const out = layoutTimeline([bounded, plain], lanes, x, 1200);
		const marks = out.lanes.flatMap((l) => l.marks);
		const b = marks.find((m) => m.id === 'b')!;
		expect(b.fade).toEqual([100, 100, 100, 300]);
		// The row keeps room for the whole fade: its extent is what is placed.
		expect([b.e0, b.e1]).toEqual([100, 300]);
		expect(marks.find((m) => m.id === 'p')!.fade).toBeNull();
	});

	test('toItems carries the fade of a bounded event from the model', () => {
		const model = validateIncident(miniFiles()).model!;
		const call = {
			...model.events[1]!,
			startBounds: { earliest: '2016-09-17T16:25+03:00', latest: '2016-09-17T16:45+03:00' }
		};
		const [it] = toItems([call], 'side', buildIndex(model).partyById);
		expect(it!.fade).toEqual([
			Date.parse('2016-09-17T13:25Z'),
			Date.parse('2016-09-17T13:25Z'),
			Date.parse('2016-09-17T13:25Z'),
			Date.parse('2016-09-17T13:45Z')
		]);
		expect(it!.extent).toEqual([Date.parse('2016-09-17T13:25Z'), Date.parse('2016-09-17T13:45Z')]);
	});
});
