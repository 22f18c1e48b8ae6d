import { describe, expect, test } from 'vitest';
import { formatOffset, fromWall, parseInstant, toWall, zoneOffset } from '../../src/lib/model/time';
import {
	describePrecision,
	formatEventTime,
	formatEventTimeUtc,
	formatWindow,
	zoneChoices
} from '../../src/lib/model/format-time';

const incident = { timeZone: 'Asia/Damascus', timeZoneLabel: 'Damascus' };
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
