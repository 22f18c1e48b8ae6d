import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { eventExtent, eventFade, periodOf, APPROXIMATE_MARGIN } from '../../src/lib/model/extent';
import { eventRuleProblems } from '../../src/lib/model/event-rules';
import { boundedTimesNote, formatEventBounds, zoneChoices } from '../../src/lib/model/format-time';
import { basisWords, timeBasis } from '../../src/lib/model/time-basis';
import { parseInstant } from '../../src/lib/model/time';
import type { IncidentEvent, Source } from '../../src/lib/model/schema';
import { readIncidentFolder } from '../../src/lib/server/load-incident';
import { validateIncident } from '../../src/lib/model/validate';

const t = parseInstant;
const M = 60_000;

/** A valid event to vary: a minute-precision call at 16:25 Damascus time. */
function event(over: Partial<IncidentEvent> = {}): IncidentEvent {
	return {
		id: 'call',
		title: 'Call',
		summary: 'A call.',
		start: '2016-09-17T16:25+03:00',
		precision: 'minute',
		approximate: true,
		sourceTimeZone: null,
		category: 'c',
		parties: [{ party: 'p', role: 'caller' }],
		sources: [{ source: 's' }],
		disputed: false,
		...over
	};
}

const problems = (e: IncidentEvent, figures = 0) =>
	eventRuleProblems({
		events: [e],
		casualties: Array.from({ length: figures }, (_, k) => ({
			id: `c${k}`,
			event: e.id,
			affected: 'p',
			killed: k,
			claimant: 'p',
			claimedOn: '2016-09-17',
			sources: [{ source: 's' }]
		}))
	}).map((p) => `${p.path.join('.')}: ${p.message}`);

describe('the extent and fade of a bounded time', () => {
	test('bounds replace the margin of "about" on their side, and the fade peaks at the time', () => {
		const e = event({
			startBounds: { earliest: '2016-09-17T16:25+03:00', latest: '2016-09-17T16:45+03:00' }
		});
		expect(eventExtent(e).extent).toEqual([t(e.start), t('2016-09-17T16:45+03:00')]);
		expect(eventFade(e)).toEqual([t(e.start), t(e.start), t(e.start), t('2016-09-17T16:45+03:00')]);
	});

	test('an open side keeps the margin of an approximate time', () => {
		const e = event({ startBounds: { latest: '2016-09-17T16:40+03:00' } });
		expect(eventExtent(e).extent).toEqual([
			t(e.start) - APPROXIMATE_MARGIN.minute,
			t('2016-09-17T16:40+03:00')
		]);
		expect(eventFade(e)![0]).toBe(t(e.start));
	});

	test('a range fades out from its start bound to its end bound and is full in between', () => {
		const e = event({
			start: '2016-09-17T15:55+03:00',
			end: '2016-09-17T16:56+03:00',
			approximate: false,
			startBounds: { earliest: '2016-09-17T15:50+03:00' },
			endBounds: { latest: '2016-09-17T17:00+03:00' }
		});
		expect(eventFade(e)).toEqual([
			t('2016-09-17T15:50+03:00'),
			t(e.start),
			t(e.end!),
			t('2016-09-17T17:00+03:00')
		]);
	});

	test('a date-only event with bounds inside its day fades in and out over the bounds', () => {
		const e = event({
			start: '2016-09-19T00:00+03:00',
			precision: 'day',
			approximate: false,
			startBounds: { earliest: '2016-09-19T13:30+03:00', latest: '2016-09-19T20:15+03:00' }
		});
		const [from, full, until, to] = eventFade(e)!;
		expect([from, to]).toEqual([t('2016-09-19T13:30+03:00'), t('2016-09-19T20:15+03:00')]);
		expect(full - from).toBeCloseTo((to - from) * 0.2);
		expect(to - until).toBeCloseTo((to - from) * 0.2);
		// The day itself is still the extent; the bounds are inside it.
		expect(eventExtent(e).extent).toEqual([t(e.start), t('2016-09-20T00:00+03:00')]);
	});

	test('an overnight bound reaches into the day before and widens the extent', () => {
		const e = event({
			start: '2016-09-18T00:00+03:00',
			precision: 'day',
			approximate: false,
			startBounds: { earliest: '2016-09-17T20:00+03:00', latest: '2016-09-18T03:00+03:00' }
		});
		expect(eventExtent(e).extent[0]).toBe(t('2016-09-17T20:00+03:00'));
	});

	test('no bounds, no fade; bounds at the time itself draw none either', () => {
		expect(eventFade(event())).toBeNull();
		expect(
			eventFade(event({ approximate: false, startBounds: { earliest: '2016-09-17T16:25+03:00' } }))
		).toBeNull();
	});

	test('periodOf: the minute, the hour, and the day on the wall clock it was written in', () => {
		expect(periodOf('2016-09-17T16:25+03:00', 'minute')).toEqual([
			t('2016-09-17T16:25+03:00'),
			t('2016-09-17T16:25+03:00') + M
		]);
		expect(periodOf('2016-09-19T00:00+03:00', 'day')).toEqual([
			t('2016-09-19T00:00+03:00'),
			t('2016-09-20T00:00+03:00')
		]);
		expect(periodOf('2016-09-01T00:00+03:00', 'month')[1]).toBe(t('2016-10-01T00:00+03:00'));
	});
});

describe('the rules on events (event-rules.ts)', () => {
	test('bounds that contain the time, and bounds inside a date-only day, pass', () => {
		expect(
			problems(
				event({
					startBounds: { earliest: '2016-09-17T16:25+03:00', latest: '2016-09-17T16:45+03:00' }
				})
			)
		).toEqual([]);
		expect(
			problems(
				event({
					start: '2016-09-19T00:00+03:00',
					precision: 'day',
					approximate: false,
					startBounds: { latest: '2016-09-19T12:50+02:00' }
				})
			)
		).toEqual([]);
	});

	test('bounds are compared as instants, whatever offsets they are written in', () => {
		// 13:25Z is the start itself, written in UTC.
		expect(problems(event({ startBounds: { earliest: '2016-09-17T13:25Z' } }))).toEqual([]);
		expect(problems(event({ startBounds: { earliest: '2016-09-17T13:26Z' } }))).toEqual([
			'startBounds.earliest: earliest 2016-09-17T13:26Z is after the start 2016-09-17T16:25+03:00: the bounds must contain the time they bound'
		]);
	});

	test("a range's end bounds are checked against its end", () => {
		const range = {
			start: '2016-09-17T15:55+03:00',
			end: '2016-09-17T16:56+03:00',
			approximate: false
		};
		expect(problems(event({ ...range, endBounds: { latest: '2016-09-17T16:50+03:00' } }))).toEqual([
			'endBounds.latest: latest 2016-09-17T16:50+03:00 is before the end 2016-09-17T16:56+03:00: the bounds must contain the time they bound'
		]);
	});

	test('"derived", "scheduled" and "inferred" in a time note, in any case, need approximate or bounds', () => {
		for (const word of ['Derived', 'scheduled', 'INFERRED']) {
			const note = `${word} from the other reports.`;
			expect(problems(event({ approximate: false, timeNote: note }))).toHaveLength(1);
			expect(problems(event({ approximate: true, timeNote: note }))).toEqual([]);
			expect(
				problems(
					event({
						approximate: false,
						timeNote: note,
						startBounds: { latest: '2016-09-17T16:30+03:00' }
					})
				)
			).toEqual([]);
		}
		// Only at minute precision, and only the words themselves.
		expect(
			problems(event({ approximate: false, precision: 'hour', timeNote: 'Derived.' }))
		).toEqual([]);
		expect(
			problems(event({ approximate: false, timeNote: 'Underived and rescheduling.' }))
		).toEqual([]);
	});

	test('disputed is true exactly when two or more claims or two or more casualty figures are recorded', () => {
		const claim = (id: string) => ({
			id,
			claimant: 'p',
			madeOn: '2016-09-17',
			statement: 'Said so.',
			sources: [{ source: 's' }]
		});
		expect(problems(event({ disputed: true, claims: [claim('a'), claim('b')] }))).toEqual([]);
		expect(problems(event({ disputed: true }), 2)).toEqual([]);
		expect(problems(event({ disputed: false, claims: [claim('a')] }), 1)).toEqual([]);
		expect(problems(event({ disputed: true, claims: [claim('a')] }), 1)).toEqual([
			'disputed: is marked disputed but records 1 claim and 1 casualty figure; a disputed event records each competing version (two or more claims, or two or more casualty figures), so add them or set "disputed" to false'
		]);
		expect(problems(event({ disputed: false }), 2)).toEqual([
			'disputed: records competing versions (no claims and 2 casualty figures), so it must be marked "disputed": true'
		]);
	});

	test('the bundled incident keeps every rule', () => {
		const folder = join(import.meta.dirname, '..', '..', 'data', 'incidents', 'deir-ez-zor-2016');
		const model = validateIncident(readIncidentFolder(folder)).model!;
		expect(eventRuleProblems(model)).toEqual([]);
		// The derived times of the strike day carry bounds.
		for (const id of ['russian-first-call', 'russian-second-call', 'strike-halted'])
			expect(model.events.find((e) => e.id === id)!.startBounds, id).toBeDefined();
	});
});

describe('bounds and the basis of a time, in words', () => {
	const [damascus, utc] = zoneChoices({ timeZone: 'Asia/Damascus', timeZoneLabel: 'Damascus' });

	test('between, no earlier than, no later than; in the chosen zone', () => {
		const both = event({
			startBounds: { earliest: '2016-09-17T16:25+03:00', latest: '2016-09-17T16:45+03:00' }
		});
		expect(formatEventBounds(both, damascus!)).toBe(
			'between 16:25 and 16:45 Damascus, Sat 17 Sep 2016'
		);
		expect(formatEventBounds(both, utc!)).toBe('between 13:25 and 13:45 UTC, Sat 17 Sep 2016');
		expect(
			formatEventBounds(event({ startBounds: { latest: '2016-09-19T12:50+02:00' } }), damascus!)
		).toBe('no later than 13:50 Damascus, Mon 19 Sep 2016');
		expect(
			formatEventBounds(
				event({
					startBounds: { earliest: '2016-09-17T23:00+03:00', latest: '2016-09-18T03:00+03:00' }
				}),
				damascus!
			)
		).toBe('between 23:00 Damascus, Sat 17 Sep 2016 and 03:00, Sun 18 Sep 2016');
		expect(formatEventBounds(event(), damascus!)).toBeNull();
	});

	test('a range says which end each bound is for; a figure caption lists the bounded events', () => {
		const range = event({
			title: 'Window',
			start: '2016-09-17T15:55+03:00',
			end: '2016-09-17T16:56+03:00',
			endBounds: { latest: '2016-09-17T17:00+03:00' }
		});
		expect(formatEventBounds(range, damascus!)).toBe(
			'end no later than 17:00 Damascus, Sat 17 Sep 2016'
		);
		expect(boundedTimesNote([event(), range], damascus!)).toBe(
			'Times known only within bounds: Window: end no later than 17:00 Damascus, Sat 17 Sep 2016.'
		);
		expect(boundedTimesNote([event()], damascus!)).toBe('');
	});

	test('the weakest source a time rests on is what the page says', () => {
		const src = (id: string, kind: Source['kind'], via?: string): Source => ({
			id,
			title: id,
			publisher: id,
			published: null,
			url: 'https://example.org/',
			kind,
			...(via ? { via } : {})
		});
		const byId = new Map(
			[
				src('dod', 'official-statement'),
				src('un', 'investigation-report', 'ReliefWeb'),
				src('wiki', 'reference')
			].map((s) => [s.id, s])
		);
		expect(timeBasis(event(), byId)).toBeNull();
		expect(timeBasis(event({ timeSources: ['dod'] }), byId)).toMatchObject({
			kind: 'primary',
			mixed: false
		});
		expect(timeBasis(event({ timeSources: ['un'] }), byId)!.kind).toBe('copy');
		const mixed = timeBasis(event({ timeSources: ['dod', 'wiki'] }), byId)!;
		expect(mixed).toMatchObject({ kind: 'secondary', mixed: true });
		expect(basisWords(mixed)).toBe(
			'The time rests in part on a secondary source, not on a primary document'
		);
		expect(basisWords({ kind: 'secondary', mixed: false })).toBe(
			'The time rests on a secondary source, not on the primary document it reports'
		);
	});
});
