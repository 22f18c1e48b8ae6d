import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { scaleLinear } from 'd3-scale';
import {
	CONTEXT_CHAR,
	axisRules,
	chooseStep,
	placeContext,
	zonedTicks
} from '../../src/lib/layout/ticks';

const MIN = 60_000;
const H = 60 * MIN;
const D = 24 * H;

describe('chooseStep: the axis unit follows the zoom level', () => {
	test.each([
		[3 * 365 * D, 1000, 'month'],
		[3 * 365 * D, 400, 'year'],
		[120 * D, 1000, 'month'],
		[14 * D, 1000, 'day'],
		[2 * D, 1000, 'hour'],
		[2 * H, 1000, 'minute'],
		[10 * MIN, 1000, 'minute']
	])('a %i ms window over %i px ticks by %s', (span, width, unit) => {
		expect(chooseStep(span, width).unit).toBe(unit);
	});

	test('labels never crowd: tick spacing is at least the minimum', () => {
		for (let span = 5 * MIN; span < 4 * 365 * D; span *= 1.7) {
			const step = chooseStep(span, 800);
			if (step.unit !== 'year') expect((step.ms / span) * 800).toBeGreaterThanOrEqual(72);
		}
	});
});

describe('zonedTicks', () => {
	const from = Date.UTC(2016, 8, 16, 18); // 21:00 Damascus, 16 Sep
	const to = Date.UTC(2016, 8, 17, 18); // 21:00 Damascus, 17 Sep

	test('day boundaries fall on Damascus midnight, not UTC midnight', () => {
		const { ticks, context } = zonedTicks(from, to, 'Asia/Damascus', 900);
		const midnight = ticks.find((t) => t.major)!;
		expect(midnight.t).toBe(Date.UTC(2016, 8, 16, 21)); // 00:00 Damascus = 21:00 UTC
		expect(midnight.label).toBe('17 Sep');
		expect(context.map((c) => c.label)).toEqual(['Fri 16 Sep 2016', 'Sat 17 Sep 2016']);
	});

	test('the same window in UTC labels UTC hours', () => {
		const { ticks } = zonedTicks(from, to, 'UTC', 900);
		expect(ticks.find((t) => t.major)!.t).toBe(Date.UTC(2016, 8, 17));
		expect(ticks[0]!.label).toMatch(/^\d\d:00$/);
	});

	test('minute ticks at the scale of the calls', () => {
		const a = Date.UTC(2016, 8, 17, 13, 0);
		const { unit, ticks } = zonedTicks(a, a + 10 * MIN, 'Asia/Damascus', 1000);
		expect(unit).toBe('minute');
		expect(ticks.map((t) => t.label).slice(0, 3)).toEqual(['16:00', '16:01', '16:02']);
	});

	test('years and months at the scale of the whole span', () => {
		const { unit, ticks } = zonedTicks(
			Date.UTC(2014, 8, 1),
			Date.UTC(2017, 11, 31),
			'Asia/Damascus',
			1200
		);
		expect(unit).toBe('month');
		expect(ticks.filter((t) => t.major).map((t) => t.label)).toEqual(['2015', '2016', '2017']);
	});
});

describe('placeContext: the dates above the ticks never overlap', () => {
	const width = 970;
	const place = (from: number, to: number) => {
		const x = scaleLinear().domain([from, to]).range([0, width]);
		const { context } = zonedTicks(from, to, 'Asia/Damascus', width);
		return { placed: placeContext(context, x, width), context, x };
	};
	const wide = (l: { label: string }) => l.label.length * CONTEXT_CHAR;

	test('the day under way at the left edge is pushed out by the next, not written over it', () => {
		// A window starting late on Wed 14 Sep: Thursday's rule is about 30 px in, where
		// Wednesday's label would stand. (The old rule showed a label wherever it had 60 px,
		// and "Wed 14 Sep 2016" needs about 110.)
		const x0 = Date.UTC(2016, 8, 14, 17, 18); // 20:18 Damascus
		const span = 5 * D;
		const { placed, x } = place(x0, x0 + span);
		const thursday = placed.find((p) => p.label === 'Thu 15 Sep 2016')!;
		expect(thursday.x).toBeCloseTo(x(Date.UTC(2016, 8, 14, 21)) + 6, 5);
		const wednesday = placed.find((p) => p.label === 'Wed 14 Sep 2016');
		if (wednesday)
			expect(wednesday.x + wide(wednesday)).toBeLessThanOrEqual(thursday.x - 12 + 1e-9);
		expect(wednesday?.x ?? -Infinity).toBeLessThan(6);
	});

	test('with room, the first date stands at the left edge and each other just after its rule', () => {
		const x0 = Date.UTC(2016, 8, 14, 9); // noon Damascus
		const { placed, x } = place(x0, x0 + 3 * D);
		expect(placed[0]).toMatchObject({ label: 'Wed 14 Sep 2016', x: 6 });
		expect(placed[1]).toMatchObject({ label: 'Thu 15 Sep 2016' });
		expect(placed[1]!.x).toBeCloseTo(x(Date.UTC(2016, 8, 14, 21)) + 6, 5);
	});

	test('at any window, no two labels overlap, none starts before its own date, none is cut', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: Date.UTC(2015, 0, 1), max: Date.UTC(2017, 0, 1) }),
				fc.integer({ min: 10 * MIN, max: 400 * D }),
				(from, span) => {
					const { placed, x } = place(from, from + span);
					for (let i = 1; i < placed.length; i++)
						expect(placed[i]!.x).toBeGreaterThanOrEqual(placed[i - 1]!.x + wide(placed[i - 1]!));
					for (const p of placed) {
						if (x(p.t) >= 0) expect(p.x).toBeCloseTo(x(p.t) + 6, 5);
						else expect(p.x).toBeLessThanOrEqual(6);
						// Wholly inside the plot: a date cut by the left edge reads as clutter.
						expect(p.x).toBeGreaterThanOrEqual(0);
						expect(p.x + wide(p)).toBeLessThanOrEqual(width);
					}
				}
			)
		);
	});
});

describe('axisRules: the rules drawn on the axis', () => {
	test('major and minor ticks go to separate paths; a date off the left edge draws no rule', () => {
		const x = (t: number) => t / 1000;
		const rules = axisRules(
			{
				unit: 'hour',
				stepMs: H,
				ticks: [
					{ t: 10_000, label: '00:00', major: true },
					{ t: 20_000, label: '01:00', major: false }
				],
				context: [
					{ t: -5_000, label: 'Tue', major: true },
					{ t: 10_000, label: 'Wed', major: true }
				]
			},
			x,
			52
		);
		expect(rules.major).toBe('M10 42V52');
		expect(rules.minor).toBe('M20 42V52');
		expect(rules.context).toBe('M10 2V52');
	});
});
