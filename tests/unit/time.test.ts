import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	formatOffset,
	fromWall,
	instantProblem,
	parseInstant,
	parseInstantByPattern,
	partialDateProblem,
	toWall,
	utcTime,
	zoneOffset
} from '../../src/lib/model/time';
import {
	describePrecision,
	formatEventTime,
	formatEventTimeUtc,
	formatWindow,
	zoneChoices,
	zoneIds,
	zoneMenuLabel
} from '../../src/lib/model/format-time';

const incident = {
	timeZone: 'Asia/Damascus',
	timeZoneLabel: 'Damascus',
	zones: [{ id: 'washington', zone: 'America/New_York', label: 'Washington' }]
};
const [damascus, utc, washington, local] = zoneChoices(incident, 'Europe/Berlin');

describe('parseInstant', () => {
	test.each([
		['2016-09-17T15:55+03:00', Date.UTC(2016, 8, 17, 12, 55)],
		['2016-09-17T12:55Z', Date.UTC(2016, 8, 17, 12, 55)],
		['2016-09-17T19:30-04:00', Date.UTC(2016, 8, 17, 23, 30)],
		['2016-09-17T15:55:30.5+03:00', Date.UTC(2016, 8, 17, 12, 55, 30, 500)]
	])('reads %s', (iso, ms) => expect(parseInstant(iso)).toBe(ms));

	test.each([
		'2016-09-17T15:55',
		'2016-09-17',
		'2016-02-30T00:00Z',
		'2016-09-17T24:00Z',
		'yesterday',
		'2016-09-17T15:55+15:00'
	])('refuses %s', (iso) => expect(parseInstant(iso)).toBeNaN());

	test('the fast reading of common shapes always agrees with the regular expression (property)', () => {
		const two = (min: number, max: number) =>
			fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));
		const junk = fc.constantFrom('', '0', '1x', 'a1', '+1', '-0', '٣٣');
		// Mostly valid parts, so a single fault at a time is tried: out of range, or not digits.
		const part = (min: number, max: number) =>
			fc.oneof(
				{ arbitrary: two(min, max), weight: 8 },
				{ arbitrary: two(0, 99), weight: 1 },
				{ arbitrary: junk, weight: 1 }
			);
		const iso = fc
			.record({
				y: fc.oneof(
					{
						arbitrary: fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, '0')),
						weight: 8
					},
					{ arbitrary: fc.constantFrom('20x6', '2x16', '-016', '201', '+2016'), weight: 2 }
				),
				mo: part(1, 12),
				d: part(1, 31),
				t: fc.constantFrom('T', 'T', 'T', 't', ' '),
				h: part(0, 23),
				mi: part(0, 59),
				sec: fc.oneof(
					fc.constant(''),
					part(0, 59).map((p) => `:${p}`),
					fc.constant(':30.5')
				),
				z: fc.oneof(
					fc.constantFrom(
						'Z',
						'z',
						'',
						'+03:00',
						'-04:30',
						'+14:00',
						'+15:00',
						'+03:60',
						'+0300',
						'+03:00Z'
					),
					fc
						.tuple(fc.constantFrom('+', '-'), part(0, 14), part(0, 59))
						.map(([a, b, c]) => `${a}${b}:${c}`)
				)
			})
			.map(({ y, mo, d, t, h, mi, sec, z }) => `${y}-${mo}-${d}${t}${h}:${mi}${sec}${z}`);
		fc.assert(
			fc.property(fc.oneof(iso, fc.string({ maxLength: 26 })), (s) => {
				const fast = parseInstant(s);
				const slow = parseInstantByPattern(s);
				if (Number.isNaN(slow)) expect(fast).toBeNaN();
				else expect(fast).toBe(slow);
			}),
			{ numRuns: 5000 }
		);
	});
});

describe('years 0–99 (which Date.UTC reads as 1900–1999)', () => {
	test.each([
		['0016-09-17T14:00:00Z', '0016-09-17T14:00:00.000Z'],
		['0050-01-01T00:00Z', '0050-01-01T00:00:00.000Z'],
		['0099-12-31T23:59+03:00', '0099-12-31T20:59:00.000Z'],
		['0000-02-29T12:00Z', '0000-02-29T12:00:00.000Z'],
		['0001-01-01T01:00+02:00', '0000-12-31T23:00:00.000Z']
	])('%s is read as written', (iso, utcIso) => {
		expect(new Date(parseInstant(iso)).toISOString()).toBe(utcIso);
	});

	test('leap years before 100 follow the calendar, not 1900 (which was not a leap year)', () => {
		expect(instantProblem('0000-02-29T00:00Z')).toBeNull();
		expect(instantProblem('0004-02-29T00:00Z')).toBeNull();
		expect(instantProblem('0100-02-29T00:00Z')).toBe('February 0100 has only 28 days');
		expect(partialDateProblem('0000-02-29')).toBeNull();
		expect(partialDateProblem('0050-01-01')).toBeNull();
		expect(partialDateProblem('0015-02-29')).toBe('February 0015 has only 28 days');
	});

	test('utcTime is Date.UTC for other years, and the year as given for 0–99', () => {
		expect(utcTime(2016, 8, 17, 12, 55)).toBe(Date.UTC(2016, 8, 17, 12, 55));
		expect(utcTime(-44, 2, 15)).toBe(Date.UTC(-44, 2, 15));
		expect(new Date(utcTime(16, 8, 17)).getUTCFullYear()).toBe(16);
		expect(new Date(utcTime(16, 8, 17)).toISOString()).toBe('0016-09-17T00:00:00.000Z');
		expect(new Date(utcTime(0, 0, 0)).toISOString()).toBe('-000001-12-31T00:00:00.000Z');
	});

	test('zone offsets and wall times in years 0–99 use those years (Damascus: local mean time)', () => {
		for (const iso of ['0016-09-17T14:00Z', '0000-06-01T00:00Z', '0001-01-01T00:30Z']) {
			const t = parseInstant(iso);
			expect(zoneOffset(t, 'Asia/Damascus'), iso).toBe(145); // +2:25:12, to the minute
			expect(fromWall(toWall(t, 'Asia/Damascus'), 'Asia/Damascus'), iso).toBe(t);
		}
		expect(new Date(toWall(parseInstant('0016-09-17T14:00Z'), 'Asia/Damascus')).toISOString()).toBe(
			'0016-09-17T16:25:00.000Z'
		);
	});
});

describe('dates and times that do not exist', () => {
	test.each([
		['2016-02-30T00:00Z', 'February 2016 has only 29 days'],
		['2015-02-29T00:00Z', 'February 2015 has only 28 days'],
		['2016-04-31T00:00Z', 'April 2016 has only 30 days'],
		['2016-13-01T00:00Z', 'there is no month 13'],
		['2016-00-10T00:00Z', 'there is no month 00'],
		['2016-01-00T00:00Z', 'there is no day 00'],
		[
			'2016-09-17T24:00Z',
			'there is no hour 24; write the midnight that ends a day as 00:00 of the next day'
		],
		['2016-09-17T25:00Z', 'there is no hour 25; hours run from 00 to 23'],
		['2016-09-17T23:60Z', 'there is no minute 60; minutes run from 00 to 59'],
		['2016-09-17T23:59:60Z', 'there is no second 60; seconds run from 00 to 59'],
		['2016-09-17T15:55+15:00', 'the offset +15:00 is more than 14 hours from UTC'],
		['2016-09-17T15:55+03:60', 'the offset +03:60 has 60 minutes; minutes run from 00 to 59']
	])('%s: %s', (iso, problem) => {
		expect(instantProblem(iso)).toBe(problem);
		expect(parseInstant(iso)).toBeNaN();
	});

	test.each([
		['2016-02-30', 'February 2016 has only 29 days'],
		['2015-02-29', 'February 2015 has only 28 days'],
		['2016-13-01', 'there is no month 13'],
		['2016-13', 'there is no month 13'],
		['2016-00', 'there is no month 00'],
		['2016-06-00', 'there is no day 00'],
		['2016-06-31', 'June 2016 has only 30 days']
	])('the date %s: %s', (date, problem) => expect(partialDateProblem(date)).toBe(problem));

	test('real dates and times have no problem, and other shapes are left to the schema', () => {
		for (const ok of ['2016-02-29', '2016-12-31', '2016-12', '2016', '0000'])
			expect(partialDateProblem(ok), ok).toBeNull();
		for (const ok of [
			'2016-02-29T00:00+03:00',
			'2016-12-31T23:59:59.999Z',
			'2016-09-17T00:00-14:00'
		])
			expect(instantProblem(ok), ok).toBeNull();
		for (const other of ['17/09/2016', '2016-9-1', '2016-02-30T00:00', ''])
			expect([partialDateProblem(other), instantProblem(other)], other).toEqual([null, null]);
	});
});

describe('zone offsets', () => {
	test('Damascus was UTC+3 in September 2016 and UTC+2 in December 2016', () => {
		expect(zoneOffset(Date.UTC(2016, 8, 17, 12), 'Asia/Damascus')).toBe(180);
		expect(zoneOffset(Date.UTC(2016, 11, 1, 12), 'Asia/Damascus')).toBe(120);
	});

	test('Washington was UTC−4 during the strike', () => {
		expect(zoneOffset(Date.UTC(2016, 8, 17, 12), 'America/New_York')).toBe(-240);
	});

	test('wall time round-trips through the zone', () => {
		const t = Date.UTC(2016, 8, 17, 12, 55);
		expect(fromWall(toWall(t, 'Asia/Damascus'), 'Asia/Damascus')).toBe(t);
		expect(new Date(toWall(t, 'Asia/Damascus')).getUTCHours()).toBe(15);
	});

	test.each([
		[180, 'UTC+3'],
		[-240, 'UTC−4'],
		[330, 'UTC+5:30'],
		[0, 'UTC']
	])('formats offset %i as %s', (m, s) => expect(formatOffset(m)).toBe(s));
});

describe('formatEventTime', () => {
	const strike = {
		start: '2016-09-17T15:55+03:00',
		end: '2016-09-17T16:56+03:00',
		precision: 'minute' as const,
		approximate: false
	};
	const call = { start: '2016-09-17T16:25+03:00', precision: 'minute' as const, approximate: true };
	const dateOnly = {
		start: '2016-09-19T00:00+03:00',
		precision: 'day' as const,
		approximate: false
	};
	const unsc = {
		start: '2016-09-17T19:30-04:00',
		precision: 'minute' as const,
		approximate: false
	};

	test.each([
		[strike, damascus, '15:55–16:56 Damascus, Sat 17 Sep 2016'],
		[strike, utc, '12:55–13:56 UTC, Sat 17 Sep 2016'],
		[strike, washington, '08:55–09:56 Washington, Sat 17 Sep 2016'],
		[strike, local, '14:55–15:56 Berlin (your zone), Sat 17 Sep 2016'],
		[call, damascus, 'about 16:25 Damascus, Sat 17 Sep 2016'],
		// The UN session crosses midnight in Damascus: the date moves with the zone.
		[unsc, damascus, '02:30 Damascus, Sun 18 Sep 2016'],
		[unsc, washington, '19:30 Washington, Sat 17 Sep 2016'],
		// A date stays the date the source gave, whatever zone is chosen.
		[dateOnly, washington, '19 Sep 2016'],
		[dateOnly, utc, '19 Sep 2016']
	])('%o in %o', (event, zone, expected) => expect(formatEventTime(event, zone!)).toBe(expected));

	test('date ranges and coarse precisions', () => {
		expect(
			formatEventTime(
				{
					start: '2016-12-05T00:00+02:00',
					end: '2016-12-09T00:00+02:00',
					precision: 'day',
					approximate: false
				},
				utc!
			)
		).toBe('5–9 Dec 2016');
		expect(
			formatEventTime(
				{ start: '2014-03-01T00:00+02:00', precision: 'month', approximate: true },
				utc!
			)
		).toBe('about Mar 2014');
		expect(
			formatEventTime(
				{
					start: '2016-09-30T00:00+03:00',
					end: '2016-10-03T00:00+03:00',
					precision: 'day',
					approximate: false
				},
				utc!
			)
		).toBe('30 Sep – 3 Oct 2016');
	});

	test('UTC equivalent exists only for clock times', () => {
		expect(formatEventTimeUtc(call)).toBe('about 13:25 UTC, Sat 17 Sep 2016');
		expect(formatEventTimeUtc(dateOnly)).toBeNull();
	});

	test('precision is described with the source zone and its offset then', () => {
		expect(describePrecision({ ...strike, sourceTimeZone: 'Asia/Damascus' })).toBe(
			"to the minute; source's zone: Asia/Damascus (UTC+3)"
		);
		expect(describePrecision({ ...call, sourceTimeZone: null })).toBe(
			'approximate, to the minute; the source gave no time zone'
		);
	});

	test('window captions name the zone for clock-level windows', () => {
		const a = Date.UTC(2016, 8, 17, 12);
		expect(formatWindow(a, a + 3 * 3_600_000, damascus!)).toBe(
			'Sat 17 Sep 2016, 15:00–18:00 Damascus'
		);
		expect(formatWindow(a, a + 10 * 86_400_000, damascus!)).toBe('17 Sep 2016 – 27 Sep 2016');
	});
});

describe('the time-zone menu', () => {
	const sept2016 = Date.UTC(2016, 8, 17, 12);

	test("offers the incident's zone, UTC, its extra zones in order, then the reader's", () => {
		const kolkata = {
			timeZone: 'Asia/Kolkata',
			timeZoneLabel: 'Kolkata',
			zones: [
				{ id: 'dhaka', zone: 'Asia/Dhaka', label: 'Dhaka' },
				{ id: 'kathmandu', zone: 'Asia/Kathmandu', label: 'Kathmandu' }
			]
		};
		const choices = zoneChoices(kolkata, 'Europe/Berlin');
		expect(choices.map((z) => z.id)).toEqual(['incident', 'utc', 'dhaka', 'kathmandu', 'local']);
		expect(choices.map((z) => zoneMenuLabel(z, sept2016))).toEqual([
			'Kolkata (UTC+5:30)',
			'UTC',
			'Dhaka (UTC+6)',
			'Kathmandu (UTC+5:45)',
			'Berlin, your zone (UTC+2)'
		]);
		expect([...zoneIds(kolkata)]).toEqual(['incident', 'utc', 'dhaka', 'kathmandu', 'local']);
	});

	test('an incident without extra zones offers no other city', () => {
		const bare = { timeZone: 'America/St_Johns', timeZoneLabel: "St John's" };
		expect(zoneChoices(bare, 'UTC').map((z) => z.label)).toEqual([
			"St John's",
			'UTC',
			'UTC (your zone)'
		]);
	});

	test('a reader in UTC reads "UTC, your zone", never "UTC (your zone) (UTC)"', () => {
		expect(zoneMenuLabel(zoneChoices(incident, 'UTC')[3]!, sept2016)).toBe('UTC, your zone');
		expect(zoneMenuLabel(washington!, sept2016)).toBe('Washington (UTC−4)');
	});
});
