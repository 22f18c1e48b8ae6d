/**
 * Property-based tests of the URL view-state codec. Whatever a pasted link says (garbage keys,
 * unicode, broken percent-escapes, huge or negative numbers, reversed windows, unknown zones
 * and ids, repeated parameters, empty or 10 KB values), the page opens on a sane view, says
 * what it ignored, and writes back a short link that reads the same again.
 *
 * Seeded: a failure prints the seed and path, and re-running gives the same counterexample.
 * To search further, FUZZ_SEED=<n> FUZZ_RUNS=<n> npx vitest run tests/unit/view-state-fuzz.test.ts
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	clampWindow,
	DEFAULT_VIEW,
	LANE_MODES,
	MIN_WINDOW_MS,
	parseViewState,
	queryString,
	serializeViewState,
	VIEW_KEYS,
	VIEW_MODES,
	type ViewContext,
	type ViewState
} from '../../src/lib/url/view-state';

const RUNS = Math.round(Number(process.env.FUZZ_RUNS ?? 300));
fc.configureGlobal({ seed: Number(process.env.FUZZ_SEED ?? 20160917), numRuns: RUNS });

const DAY = 86_400_000;
const span: [number, number] = [Date.UTC(2014, 8, 1), Date.UTC(2017, 11, 31)];
const PARTY_IDS = ['russia', 'united-states', 'caoc'];
const CATEGORY_IDS = ['strike', 'communication'];
const PLACE_IDS = ['geneva', 'aleppo'];
const RELATION_IDS = ['us-russia-deconfliction-channel'];
/** The built-in choices and one extra zone of the incident's own. */
const ZONE_IDS = ['incident', 'utc', 'washington', 'local'];
const ctx: ViewContext = {
	partyIds: new Set(PARTY_IDS),
	categoryIds: new Set(CATEGORY_IDS),
	placeIds: new Set(PLACE_IDS),
	relationIds: new Set(RELATION_IDS),
	zoneIds: new Set(ZONE_IDS),
	span
};
/** The codec's own keys: every one gets good, bad and hostile values. */
const KNOWN_KEYS = VIEW_KEYS;
/** The search text is cut to this many characters (MAX_QUERY in view-state.ts). */
const MAX_QUERY = 200;
/** At most this many notes, however long the link. */
const MAX_NOTES = 30;

// ---------------------------------------------------------------------------------------------
// Arbitraries: values that are valid for their key, and every kind of garbage.

const LONE_SURROGATES = fc.string({
	unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
	maxLength: 3
});

const isoTime = fc
	.tuple(
		fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
		fc.integer({ min: 0, max: 5 })
	)
	.map(([t, form]) => {
		const iso = new Date(t).toISOString();
		return [
			iso,
			iso.replace(/\.\d{3}Z$/, 'Z'),
			`${iso.slice(0, 16)}Z`,
			iso.slice(0, 10),
			`${iso.slice(0, 16)}+03:00`,
			`${iso.slice(0, 16)}-04:30`
		][form]!;
	});

/** Times near the incident, so that windows are often accepted and clamped in interesting ways. */
const nearTime = fc
	.integer({ min: span[0] - 400 * DAY, max: span[1] + 400 * DAY })
	.map((t) => new Date(t).toISOString());

const brokenTime = fc.constantFrom(
	'2016-02-30T00:00Z',
	'2016-09-17T25:00Z',
	'2016-13-01T00:00Z',
	'2016-09-17T12:60Z',
	'2016-09-17T12:00:60Z',
	'2016-09-17T12:00+15:00',
	'2016-09-17T15:55',
	'99999-01-01T00:00Z',
	'-002016-09-17T00:00Z',
	'+275760-09-13T00:00:00.000Z',
	'0000-01-01T00:00Z',
	'9999-12-31T23:59:59.999Z',
	'2016-09-17T12:00:00.1234Z',
	'2016-9-17',
	'17/09/2016',
	'now',
	'2016-09-17T12:00Z '
);

const numberish = fc.oneof(
	fc.double().map(String),
	fc.bigInt().map(String),
	fc.integer().map(String),
	fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e308', '-1e308', '0x10', '-0', '1_000')
);

const ID_LIKE = [
	...PARTY_IDS,
	...CATEGORY_IDS,
	...PLACE_IDS,
	...RELATION_IDS,
	'atlantis',
	'Russia',
	' russia ',
	'russia\u0000',
	'__proto__',
	'constructor',
	'toString',
	'hasOwnProperty'
];
const idLike = fc.oneof(fc.constantFrom(...ID_LIKE), fc.string({ maxLength: 12 }));
const idList = fc
	.tuple(fc.array(idLike, { maxLength: 8 }), fc.constantFrom(',', ', ', ',,', ' , '))
	.map(([ids, sep]) => ids.join(sep));

const zoneish = fc.constantFrom(
	...ZONE_IDS,
	'UTC',
	'Utc',
	'incident ',
	'Asia/Damascus',
	'America/New_York',
	'Mars/Olympus',
	'+03:00'
);

const unicode = fc.oneof(
	fc.string({ unit: 'grapheme', maxLength: 40 }),
	fc.string({ unit: 'binary', maxLength: 40 }),
	LONE_SURROGATES,
	fc.constantFrom('\u202Eevil', 'ﬀ', 'ß', '\u0000', '\uFEFF', 'e\u0301', '👩‍👩‍👧', 'ＲＵＳＳＩＡ')
);

/** Percent-escapes, well-formed or not, including byte sequences that are not UTF-8. */
const percent = fc.oneof(
	fc.string({ unit: 'grapheme', maxLength: 20 }).map(encodeURIComponent),
	fc.constantFrom('%', '%%', '%ZZ', '%E2%82', '%F0%9F%98', '%C0%80', '%ED%A0%80', '%00', '%2C'),
	fc.constantFrom('%26', '%3D', '+', '%2B', '%252C', 'russia%2Ccaoc', 'russia%2Catlantis'),
	fc
		.array(fc.integer({ min: 0, max: 255 }), { maxLength: 12 })
		.map((bytes) => bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''))
);

/** Values of about 10 KB. */
const huge = fc.oneof(
	fc.constantFrom(
		'x'.repeat(10_240),
		'😀'.repeat(2_600),
		'€'.repeat(10_000),
		'russia,'.repeat(1_460),
		'atlantis,'.repeat(1_130),
		`${'a'.repeat(MAX_QUERY - 1)}😀`,
		'2016-09-17T12:00Z'.repeat(600),
		'%'.repeat(10_240),
		'%F0%9F%98%80'.repeat(850)
	),
	fc
		.tuple(fc.string({ minLength: 1, maxLength: 20 }), fc.integer({ min: 300, max: 2_000 }))
		.map(([s, n]) => s.repeat(n).slice(0, 10_240))
);

/** Text right at the search limit, where a cut could fall inside a character. */
const atLimit = fc
	.tuple(
		fc.integer({ min: MAX_QUERY - 8, max: MAX_QUERY + 2 }),
		fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 })
	)
	.map(([n, tail]) => 'a'.repeat(n) + tail);

const emptyish = fc.constantFrom('', ' ', '\t', ',', ',,,', '\n');

const garbage = fc.oneof(
	{ weight: 2, arbitrary: brokenTime },
	{ weight: 2, arbitrary: numberish },
	{ weight: 2, arbitrary: idList },
	{ weight: 1, arbitrary: zoneish },
	{ weight: 3, arbitrary: unicode },
	{ weight: 2, arbitrary: percent },
	{ weight: 1, arbitrary: huge },
	{ weight: 1, arbitrary: atLimit },
	{ weight: 2, arbitrary: emptyish },
	{ weight: 2, arbitrary: fc.string() }
);

const validFor: Record<(typeof KNOWN_KEYS)[number], fc.Arbitrary<string>> = {
	from: fc.oneof(isoTime, nearTime),
	to: fc.oneof(isoTime, nearTime),
	tz: fc.constantFrom(...ZONE_IDS),
	lanes: fc.constantFrom(...LANE_MODES),
	parties: fc.uniqueArray(fc.constantFrom(...PARTY_IDS), { minLength: 1 }).map((a) => a.join(',')),
	cats: fc.uniqueArray(fc.constantFrom(...CATEGORY_IDS), { minLength: 1 }).map((a) => a.join(',')),
	q: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), atLimit),
	view: fc.constantFrom(...VIEW_MODES),
	party: fc.constantFrom(...PARTY_IDS),
	place: fc.constantFrom(...PLACE_IDS),
	rel: fc.constantFrom(...RELATION_IDS)
};

const weirdKey = fc.oneof(
	fc.constantFrom('FROM', 'from ', 'tz[]', 'utm_source', '', 'q%20', 'parties%00', '__proto__'),
	fc.string({ maxLength: 8 })
);

const entry: fc.Arbitrary<[string, string]> = fc.oneof(
	...KNOWN_KEYS.map((k) =>
		fc.tuple(
			fc.constant<string>(k),
			fc.oneof({ weight: 3, arbitrary: validFor[k] }, { weight: 2, arbitrary: garbage })
		)
	),
	fc.tuple(weirdKey, garbage)
);

/** A key and value as they may appear in a pasted link: escaped properly, or typed raw. */
function write([key, value]: [string, string], raw: boolean): string {
	if (raw) return value === '' && key.length % 2 ? key : `${key}=${value}`;
	return new URLSearchParams([[key, value]]).toString();
}

/** Search strings of every shape: built from entries, generated URLs' queries, or noise. */
const search: fc.Arbitrary<string> = fc.oneof(
	{
		weight: 6,
		arbitrary: fc
			.tuple(
				fc.array(fc.tuple(entry, fc.boolean()), { maxLength: 14 }),
				fc.constantFrom('', '?', '&', '?&')
			)
			.map(([pairs, prefix]) => prefix + pairs.map(([e, raw]) => write(e, raw)).join('&'))
	},
	{ weight: 1, arbitrary: fc.webQueryParameters() },
	{ weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) }
);

const parse = (s: string, c: ViewContext = ctx) => parseViewState(new URLSearchParams(s), c);
const link = (state: ViewState) => queryString(serializeViewState(state));

/** The first so many code points of a value: a prefix that any note naming it contains. */
const head = (value: string, n = 20) => [...value].slice(0, n).join('');

/** The window bounds a span allows: 5% either side, and never narrower than the minimum. */
function allowed(s: [number, number]): [number, number] {
	const margin = (s[1] - s[0]) * 0.05;
	let lo = s[0] - margin;
	let hi = s[1] + margin;
	if (hi - lo < MIN_WINDOW_MS) {
		const mid = (s[0] + s[1]) / 2;
		[lo, hi] = [mid - MIN_WINDOW_MS / 2, mid + MIN_WINDOW_MS / 2];
	}
	return [lo, hi];
}

/** A window is sane: whole seconds, forward, at least the minimum wide, inside the span. */
function expectSaneWindow(w: [number, number], s: [number, number]) {
	const [lo, hi] = allowed(s);
	expect(Number.isInteger(w[0] / 1000) && Number.isInteger(w[1] / 1000)).toBe(true);
	expect(w[1]).toBeGreaterThan(w[0]);
	expect(w[1] - w[0]).toBeGreaterThanOrEqual(MIN_WINDOW_MS);
	// Windows are rounded to the second, so an edge may sit up to half a second past the span.
	expect(w[0]).toBeGreaterThanOrEqual(lo - 500);
	expect(w[1]).toBeLessThanOrEqual(hi + 500);
}

// ---------------------------------------------------------------------------------------------

describe('parseViewState on arbitrary links (properties)', () => {
	test('never throws, and always gives a well-formed view of known values only', () => {
		fc.assert(
			fc.property(search, (s) => {
				const { state, notes } = parse(s);
				expect(ZONE_IDS).toContain(state.tz);
				expect(LANE_MODES).toContain(state.lanes);
				expect(VIEW_MODES).toContain(state.view);
				expect(state.parties.every((p) => ctx.partyIds.has(p))).toBe(true);
				expect(new Set(state.parties).size).toBe(state.parties.length);
				expect(state.categories.every((c) => ctx.categoryIds.has(c))).toBe(true);
				expect(new Set(state.categories).size).toBe(state.categories.length);
				expect(state.party === null || ctx.partyIds.has(state.party)).toBe(true);
				expect(state.place === null || ctx.placeIds!.has(state.place)).toBe(true);
				expect(state.rel === null || ctx.relationIds!.has(state.rel)).toBe(true);
				expect(state.q.length).toBeLessThanOrEqual(MAX_QUERY);
				expect(state.q).not.toMatch(/[\uD800-\uDBFF]$/);
				expect(notes.every((n) => typeof n === 'string' && n.length > 0)).toBe(true);
			})
		);
	});

	test('a window, when set, runs forward inside the span and is at least five minutes wide', () => {
		fc.assert(
			fc.property(
				fc.oneof(validFor.from, brokenTime, numberish),
				fc.oneof(validFor.to, brokenTime, numberish),
				(from, to) => {
					const { state, notes } = parse(new URLSearchParams({ from, to }).toString());
					if (state.window) expectSaneWindow(state.window, span);
					else expect(notes).toHaveLength(1);
				}
			),
			{ numRuns: Math.round(RUNS * 1.7) }
		);
	});

	test('every ignored value is reported, named, and never passes through', () => {
		fc.assert(
			fc.property(search, (s) => {
				const params = new URLSearchParams(s);
				const { state, notes } = parse(s);
				const said = (prefix: string, value?: string) =>
					notes.some((n) => n.startsWith(prefix) && (value === undefined || n.includes(value)));

				const choices = [
					['tz', ZONE_IDS, 'Ignored unknown time zone'],
					['lanes', LANE_MODES, 'Ignored unknown lane grouping'],
					['view', VIEW_MODES, 'Ignored unknown view']
				] as const;
				for (const [key, options, prefix] of choices) {
					const v = params.get(key);
					if (v === null) continue;
					if ((options as readonly string[]).includes(v)) expect(state[key]).toBe(v);
					else {
						expect(state[key]).toBe(DEFAULT_VIEW[key]);
						expect(said(prefix, `"${head(v)}`)).toBe(true);
					}
				}

				const singles = [
					['party', ctx.partyIds, 'Ignored unknown party'],
					['place', ctx.placeIds!, 'Ignored unknown place'],
					['rel', ctx.relationIds!, 'Ignored unknown relation']
				] as const;
				for (const [key, known, prefix] of singles) {
					const v = params.get(key);
					if (v === null) continue;
					if (known.has(v)) expect(state[key]).toBe(v);
					else {
						expect(state[key]).toBeNull();
						expect(said(prefix, `"${head(v)}`)).toBe(true);
					}
				}

				const lists = [
					['parties', 'parties', ctx.partyIds, 'party'],
					['cats', 'categories', ctx.categoryIds, 'category']
				] as const;
				for (const [key, field, known, what] of lists) {
					const items = (params.get(key) ?? '')
						.split(',')
						.map((x) => x.trim())
						.filter(Boolean);
					expect(state[field]).toEqual([...new Set(items.filter((x) => known.has(x)))]);
					const unknown = items.filter((x) => !known.has(x));
					// The first unknown id is named; however many follow, they are counted.
					if (unknown.length) expect(said(`Ignored unknown ${what}`, head(unknown[0]!))).toBe(true);
				}

				const q = params.get('q') ?? '';
				expect(q.startsWith(state.q)).toBe(true);
				if (q.length > MAX_QUERY) expect(said('Shortened the search')).toBe(true);
				else expect(state.q).toBe(q);

				if ((params.has('from') || params.has('to')) && !state.window)
					expect(said('Ignored the time window')).toBe(true);

				for (const key of KNOWN_KEYS)
					if (new Set(params.getAll(key)).size > 1)
						expect(said(`Ignored a second "${key}"`)).toBe(true);

				expect(notes.length).toBeLessThanOrEqual(MAX_NOTES);
				expect(notes.every((n) => n.length <= 200)).toBe(true);
			})
		);
	});

	test('serialise after parse is a fixed point: reading the written link changes nothing', () => {
		fc.assert(
			fc.property(search, (s) => {
				const first = parse(s);
				const written = link(first.state);
				const again = parse(written);
				expect(again.notes).toEqual([]);
				expect(again.state).toEqual(first.state);
				expect(link(again.state)).toBe(written);
			})
		);
	});

	test('the written link is short, whatever was read', () => {
		// Every known id once, both window ends, and the longest search text, escaped at worst
		// (a three-byte character is nine characters escaped).
		const idChars = [...PARTY_IDS, ...CATEGORY_IDS, ...PLACE_IDS, ...RELATION_IDS].join(',').length;
		const bound = 300 + idChars + PARTY_IDS[1]!.length + MAX_QUERY * 9;
		fc.assert(
			fc.property(search, (s) => {
				expect(link(parse(s).state).length).toBeLessThanOrEqual(bound);
			})
		);
		expect(
			link(parse(`q=${'€'.repeat(10_000)}&parties=${'caoc,'.repeat(2000)}`).state).length
		).toBe('q='.length + MAX_QUERY * 9 + '&parties=caoc'.length);
	});
});

describe('valid views (properties)', () => {
	/** A search text of at most MAX_QUERY UTF-16 units, never ending in half a character. */
	const query = fc
		.string({ unit: 'grapheme', maxLength: MAX_QUERY })
		.map((q) => q.slice(0, MAX_QUERY).replace(/[\uD800-\uDBFF]$/, ''));

	const arbState = (s: [number, number]): fc.Arbitrary<ViewState> =>
		fc.record({
			window: fc.option(
				fc
					.tuple(
						fc.integer({ min: Math.ceil(s[0]), max: Math.floor(s[1]) }),
						fc.integer({ min: 1, max: 5 * 365 * DAY })
					)
					.map(([a, w]) => clampWindow([a, a + w], s)),
				{ nil: null }
			),
			tz: fc.constantFrom(...ZONE_IDS),
			lanes: fc.constantFrom(...LANE_MODES),
			parties: fc.uniqueArray(fc.constantFrom(...PARTY_IDS)),
			categories: fc.uniqueArray(fc.constantFrom(...CATEGORY_IDS)),
			q: query,
			view: fc.constantFrom(...VIEW_MODES),
			party: fc.option(fc.constantFrom(...PARTY_IDS), { nil: null }),
			place: fc.option(fc.constantFrom(...PLACE_IDS), { nil: null }),
			rel: fc.option(fc.constantFrom(...RELATION_IDS), { nil: null })
		});

	test('a valid view round-trips exactly, with no notes', () => {
		fc.assert(
			fc.property(arbState(span), (state) => {
				const back = parse(link(state));
				expect(back.notes).toEqual([]);
				expect(back.state).toEqual(state);
			})
		);
	});

	/** Incident spans of any length, from a single instant to centuries, at any millisecond. */
	const anySpan: fc.Arbitrary<[number, number]> = fc
		.tuple(
			fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2090, 0, 1) }),
			fc.oneof(
				fc.constant(0),
				fc.integer({ min: 1, max: 2 * MIN_WINDOW_MS }),
				fc.integer({ min: 1, max: 100 * 365 * DAY })
			)
		)
		.map(([a, w]) => [a, a + w]);

	test('in an incident of any span, windows are sane and a valid view round-trips', () => {
		fc.assert(
			fc.property(
				anySpan.chain((s) => fc.tuple(fc.constant(s), arbState(s))),
				([s, state]) => {
					const c = { ...ctx, span: s };
					if (state.window) expectSaneWindow(state.window, s);
					const back = parse(link(state), c);
					expect(back.notes).toEqual([]);
					expect(back.state).toEqual(state);
				}
			)
		);
	});

	test('clampWindow always gives a sane window, and clamping twice changes nothing', () => {
		const instant = fc.integer({ min: -8.64e15, max: 8.64e15 });
		fc.assert(
			fc.property(anySpan, instant, instant, (s, a, b) => {
				const w = clampWindow([a, b], s);
				expectSaneWindow(w, s);
				expect(clampWindow(w, s)).toEqual(w);
			}),
			{ numRuns: Math.round(RUNS * 1.7) }
		);
	});
});

describe('regressions found by these properties', () => {
	test('q = 199 letters and "𐀀" (%F0%90%80%80): the cut no longer splits the character, so the link reads back the same', () => {
		const s = `q=${'a'.repeat(199)}%F0%90%80%80`;
		const { state, notes } = parse(s);
		expect(state.q).toBe('a'.repeat(199));
		expect(notes).toEqual(['Shortened the search text in the link to 200 characters.']);
		expect(parse(link(state))).toEqual({ state, notes: [] });
	});

	test('an incident that is a single instant (span [t, t]) gets a five-minute window, not an empty one', () => {
		const t = Date.UTC(2016, 8, 17, 12);
		expect(clampWindow([t, t + 1000], [t, t])).toEqual([t - 150_000, t + 150_000]);
		expect(clampWindow([0, 0], [0, 0])).toEqual([-150_000, 150_000]);
		const { state } = parse('from=2016-09-17T12:00Z&to=2016-09-18T12:00Z', {
			...ctx,
			span: [t, t]
		});
		expect(state.window).toEqual([t - 150_000, t + 150_000]);
	});

	test('a window rounded to the epoch is [0, …], never [-0, …]', () => {
		expect(Object.is(clampWindow([-400, 299_600], [-DAY, DAY])[0], 0)).toBe(true);
	});

	test('lanes=&lanes=side: the second value is not dropped silently', () => {
		expect(parse('lanes=&lanes=side').notes).toEqual([
			'Ignored a second "lanes" in the link; using the first.',
			'Ignored unknown lane grouping "".'
		]);
	});

	test('parties = "atlantis," × 1,130 (10 KB): three notes name ids, one counts the rest', () => {
		expect(parse(`parties=${'atlantis,'.repeat(1_130)}`).notes).toEqual([
			'Ignored unknown party "atlantis".',
			'Ignored unknown party "atlantis".',
			'Ignored unknown party "atlantis".',
			'Ignored 1127 more unknown party ids.'
		]);
	});
});
