import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	clampWindow,
	DEFAULT_VIEW,
	MIN_WINDOW_MS,
	parseViewState,
	queryString,
	serializeViewState,
	type ViewState
} from '../../src/lib/url/view-state';

const span: [number, number] = [Date.UTC(2014, 8, 1), Date.UTC(2017, 11, 31)];
const ctx = {
	partyIds: new Set(['russia', 'united-states', 'caoc']),
	categoryIds: new Set(['strike', 'communication']),
	placeIds: new Set(['geneva', 'aleppo']),
	relationIds: new Set(['us-russia-deconfliction-channel']),
	zoneIds: new Set(['incident', 'utc', 'washington', 'local']),
	span
};

const parse = (q: string) => parseViewState(new URLSearchParams(q), ctx);

describe('parseViewState', () => {
	test("tz names one of the incident's own zones, and another incident's is ignored", () => {
		expect(parse('tz=washington').state.tz).toBe('washington');
		const other = { ...ctx, zoneIds: new Set(['incident', 'utc', 'kolkata', 'local']) };
		const read = parseViewState(new URLSearchParams('tz=washington'), other);
		expect(read.state.tz).toBe('incident');
		expect(read.notes).toEqual([
			'Ignored unknown time zone "washington"; showing the incident\'s own time zone.'
		]);
		expect(parseViewState(new URLSearchParams('tz=kolkata'), other).state.tz).toBe('kolkata');
	});

	test('without a list of zones only the built-in choices are read', () => {
		const bare = { ...ctx, zoneIds: undefined };
		expect(parseViewState(new URLSearchParams('tz=local'), bare).state.tz).toBe('local');
		expect(parseViewState(new URLSearchParams('tz=washington'), bare).state.tz).toBe('incident');
	});

	test('an empty query is the default view', () => {
		expect(parse('')).toEqual({ state: DEFAULT_VIEW, notes: [] });
	});

	test('reads a full view', () => {
		const { state, notes } = parse(
			'from=2016-09-17T12:30:00Z&to=2016-09-17T14:00:00Z&tz=utc&lanes=party&parties=russia,caoc&cats=communication&q=call&view=both&party=caoc&place=geneva&rel=us-russia-deconfliction-channel'
		);
		expect(notes).toEqual([]);
		expect(state).toEqual({
			window: [Date.UTC(2016, 8, 17, 12, 30), Date.UTC(2016, 8, 17, 14)],
			tz: 'utc',
			lanes: 'party',
			parties: ['russia', 'caoc'],
			categories: ['communication'],
			q: 'call',
			view: 'both',
			party: 'caoc',
			place: 'geneva',
			rel: 'us-russia-deconfliction-channel'
		});
	});

	test.each([
		['tz=mars', `Ignored unknown time zone "mars"; showing the incident's own time zone.`],
		['lanes=diagonal', 'Ignored unknown lane grouping "diagonal".'],
		['parties=russia,atlantis', 'Ignored unknown party "atlantis".'],
		['cats=weather', 'Ignored unknown category "weather".'],
		['view=sideways', 'Ignored unknown view "sideways".'],
		['party=atlantis', 'Ignored unknown party "atlantis".'],
		['place=atlantis', 'Ignored unknown place "atlantis".'],
		['rel=atlantis', 'Ignored unknown relation "atlantis".'],
		[
			'from=yesterday&to=today',
			'Ignored the time window in the link: "from" and "to" must be two different ISO 8601 times.'
		],
		[
			'from=2016-09-17T12:00Z',
			'Ignored the time window in the link: "from" and "to" must be two different ISO 8601 times.'
		]
	])('garbage %s falls back to defaults and says so', (q, note) => {
		const { state, notes } = parse(q);
		expect(notes).toEqual([note]);
		expect(state.window === null || Array.isArray(state.window)).toBe(true);
	});

	test('a reversed window is put the right way round', () => {
		const { state } = parse('from=2016-09-18T00:00:00Z&to=2016-09-17T00:00:00Z');
		expect(state.window).toEqual([Date.UTC(2016, 8, 17), Date.UTC(2016, 8, 18)]);
	});

	test('a window far outside the incident is brought back into its span', () => {
		const { state } = parse('from=1900-01-01T00:00Z&to=1900-01-02T00:00Z');
		expect(state.window![0]).toBeGreaterThanOrEqual(span[0] - (span[1] - span[0]) * 0.05 - 1000);
	});

	test('a plain date is read as midnight UTC', () => {
		expect(parse('from=2016-09-17&to=2016-09-18').state.window).toEqual([
			Date.UTC(2016, 8, 17),
			Date.UTC(2016, 8, 18)
		]);
	});
});

describe('clampWindow', () => {
	test('never narrower than five minutes', () => {
		const t = Date.UTC(2016, 8, 17, 12);
		const [a, b] = clampWindow([t, t + 1000], span);
		expect(b - a).toBe(MIN_WINDOW_MS);
	});
});

describe('round trip', () => {
	const arbState: fc.Arbitrary<ViewState> = fc.record({
		window: fc.option(
			fc
				.tuple(
					fc.integer({ min: span[0], max: span[1] }),
					fc.integer({ min: 5 * 60, max: 3 * 365 * 86400 })
				)
				.map(([a, w]) => clampWindow([a, a + w * 1000], span)),
			{ nil: null }
		),
		tz: fc.constantFrom(
			'incident' as const,
			'utc' as const,
			'washington' as const,
			'local' as const
		),
		lanes: fc.constantFrom('side' as const, 'category' as const, 'party' as const),
		parties: fc.uniqueArray(fc.constantFrom('russia', 'united-states', 'caoc')),
		categories: fc.uniqueArray(fc.constantFrom('strike', 'communication')),
		q: fc.string({ maxLength: 50 }),
		view: fc.constantFrom('timeline' as const, 'graph' as const, 'both' as const),
		party: fc.option(fc.constantFrom('russia', 'united-states', 'caoc'), { nil: null }),
		place: fc.option(fc.constantFrom('geneva', 'aleppo'), { nil: null }),
		rel: fc.option(fc.constant('us-russia-deconfliction-channel'), { nil: null })
	});

	test('every view survives serialise → parse unchanged (property)', () => {
		fc.assert(
			fc.property(arbState, (state) => {
				const back = parseViewState(
					new URLSearchParams(queryString(serializeViewState(state))),
					ctx
				);
				expect(back.notes).toEqual([]);
				expect(back.state).toEqual(state);
			}),
			{ numRuns: 300 }
		);
	});

	test('arbitrary garbage never throws and always yields a usable view (property)', () => {
		fc.assert(
			fc.property(
				fc.dictionary(
					fc.constantFrom('from', 'to', 'tz', 'lanes', 'parties', 'cats', 'q', 'zzz'),
					fc.string({ maxLength: 80 })
				),
				(dict) => {
					const { state } = parseViewState(new URLSearchParams(dict), ctx);
					expect(['incident', 'utc', 'washington', 'local']).toContain(state.tz);
					expect(['side', 'category', 'party']).toContain(state.lanes);
					if (state.window) {
						expect(state.window[1] - state.window[0]).toBeGreaterThanOrEqual(MIN_WINDOW_MS);
						expect(Number.isFinite(state.window[0])).toBe(true);
					}
					expect(state.parties.every((p) => ctx.partyIds.has(p))).toBe(true);
				}
			),
			{ numRuns: 500 }
		);
	});

	test('links stay readable: colons and commas are not escaped', () => {
		const q = queryString(
			serializeViewState({
				...DEFAULT_VIEW,
				window: [Date.UTC(2016, 8, 17, 12), Date.UTC(2016, 8, 17, 13)],
				parties: ['russia', 'caoc']
			})
		);
		expect(q).toBe('from=2016-09-17T12:00:00Z&to=2016-09-17T13:00:00Z&parties=russia,caoc');
	});
});
