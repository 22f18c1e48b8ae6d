import { describe, expect, test } from 'vitest';
import { chooseStep, zonedTicks } from '../../src/lib/timeline/ticks';

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
