/**
 * The fuzzed addresses: a seeded list, the same on every run, shared by the browser test
 * (tests/e2e/fuzz-urls.spec.ts, which says what each must do) and by npm run audit:site.
 * Real and made-up event, party and briefing ids and step numbers; the view codec's parameters
 * carrying garbage; paths with random segments, double slashes, encoded slashes and `..`; and
 * /open?src= with other sites, `javascript:` and missing files.
 */
import fc from 'fast-check';
import { placesOf } from '../../src/lib/map/places';
import type { IncidentModel } from '../../src/lib/model/schema';
import { VIEW_KEYS } from '../../src/lib/url/view-state';

const SEED = 20160917;
const GENERATED = 271;

/** Script that would set this global if anything from the address ran. */
export const MARKER = '__sightlineFuzz';
const PAYLOADS = [
	`<script>window.${MARKER}=1</script>`,
	`"><script>window.${MARKER}=1</script>`,
	`'><img src=x onerror="window.${MARKER}=1">`,
	`<svg onload=window.${MARKER}=1>`,
	`javascript:window.${MARKER}=1`,
	`JaVaScRiPt:window.${MARKER}=1//`,
	`</title><script>window.${MARKER}=1</script>`
];

/** Query keys: the view codec's, the briefings' and /open's, and a few nobody reads. */
const KEYS = [...VIEW_KEYS, 'theme', 'src', 'event'];

/** Escapes for raw text in a URL, kept whole: encodeURIComponent never fails on these. */
const enc = encodeURIComponent;

/** Values already written as URL text: some encoded, some raw, some broken. */
const GARBAGE_TEXT = [
	'',
	' ',
	'0',
	'-1',
	'-0',
	'1e308',
	'-1e308',
	'99999999999999999999999',
	'NaN',
	'Infinity',
	'-Infinity',
	'null',
	'undefined',
	'true',
	'[]',
	'{}',
	'2016-09-17',
	'2016-09-17T13:00:00',
	'2016-09-17T13:00',
	'2016-09-17T13:00:00Z',
	'2016-09-17T13:00:00+25:00',
	'2016-13-45T99:99:99Z',
	'+275760-09-13T00:00:00Z',
	'-271821-04-20T00:00:00Z',
	'0000-00-00',
	'1970-01-01T00:00:00Z',
	'9999-12-31T23:59:59Z',
	'mars',
	'Europe/Atlantis',
	'UTC+3',
	'Etc/GMT-14',
	'Asia/Damascus',
	'LOCAL',
	'timeline',
	'graph',
	'both',
	'dark',
	'light',
	'neon',
	'side',
	'category',
	'party',
	',,,',
	'russia,,russia,nobody',
	'☃',
	'𝕏𝕐ℤ',
	'\u202eevil\u202c',
	'a\u200bb',
	'e\u0301\u0301\u0301',
	'👩‍👩‍👧‍👦',
	'دمشق',
	'Дейр-эз-Зор',
	...PAYLOADS
].map(enc);

const BROKEN = [
	'%',
	'%%',
	'%2',
	'%zz',
	'%E0%A4%A',
	'%E0%A4',
	'%C0%AF',
	'%ED%A0%80',
	'%FF%FE',
	'%00',
	'%0A%0D',
	'%252F',
	'%u2603',
	'a+b+c',
	'x=y=z',
	'%3Cscript%3Ewindow.' + MARKER + '=1%3C/script%3E',
	'<script>window.' + MARKER + '=1</script>',
	'"onmouseover="window.' + MARKER + '=1',
	'javascript:window.' + MARKER + '=1'
];

/** Values of about 2,000 characters as written in the address. */
const LONG = [
	'x'.repeat(2000),
	enc('é'.repeat(333)),
	'%41'.repeat(667),
	enc(`<script>window.${MARKER}=1</script>`.repeat(30)),
	'9'.repeat(2000),
	enc('russia,'.repeat(222))
];
/**
 * Longer addresses are refused by static hosts before any page is involved (Node's server
 * answers 431 past 16 KB of headers, nginx 414 past 8 KB), so they test the host, not the site.
 */
const MAX_URL = 8_000;

interface Ids {
	events: string[];
	parties: string[];
	stories: { id: string; steps: number }[];
	places: string[];
	relations: string[];
	categories: string[];
}

function idsOf(model: IncidentModel): Ids {
	return {
		events: model.events.map((e) => e.id),
		parties: model.parties.map((p) => p.id),
		stories: model.storylines.map((s) => ({ id: s.id, steps: s.steps.length })),
		places: placesOf(model.events).map((p) => p.id),
		relations: model.relations.map((r) => r.id),
		categories: model.incident.categories.map((c) => c.id)
	};
}

/** A real id, a near miss, or something else entirely, as URL text. */
function idArb(real: string[]): fc.Arbitrary<string> {
	return fc.oneof(
		{ weight: 4, arbitrary: fc.constantFrom(...real) },
		{
			weight: 2,
			arbitrary: fc
				.tuple(fc.constantFrom(...real), fc.constantFrom('x', '-', 'X', '1', 's', '%20', '.json'))
				.map(([id, extra]) => id + extra)
		},
		{ weight: 1, arbitrary: fc.constantFrom(...real).map((id) => id.toUpperCase()) },
		{ weight: 2, arbitrary: fc.stringMatching(/^[a-z0-9-]{1,24}$/) },
		{ weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 16 }).map(enc) },
		{ weight: 1, arbitrary: fc.constantFrom(...BROKEN, ...PAYLOADS.map(enc)) },
		{ weight: 1, arbitrary: fc.constantFrom(...LONG) }
	);
}

function valueArb(ids: Ids): fc.Arbitrary<string> {
	return fc.oneof(
		{ weight: 4, arbitrary: fc.constantFrom(...GARBAGE_TEXT) },
		{ weight: 2, arbitrary: fc.constantFrom(...BROKEN) },
		{ weight: 1, arbitrary: fc.constantFrom(...LONG) },
		{
			weight: 2,
			arbitrary: fc.constantFrom(
				...ids.events,
				...ids.parties,
				...ids.relations,
				...ids.categories,
				...ids.places
			)
		},
		{
			weight: 1,
			arbitrary: fc
				.array(fc.constantFrom(...ids.parties, ...ids.categories, 'nobody', ''), {
					maxLength: 8
				})
				.map((a) => a.join(','))
		},
		{
			weight: 2,
			arbitrary: fc
				.integer({ min: -8.64e15, max: 8.64e15 })
				.map((t) => (Math.abs(t) <= 8.64e15 ? new Date(t).toISOString() : String(t)))
				.map(enc)
		},
		{ weight: 1, arbitrary: fc.double().map((n) => enc(String(n))) },
		{ weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }).map(enc) },
		{ weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 20 }) }
	);
}

/** A query string (with its "?"), or "": codec keys with garbage, repeats and reversed windows. */
function queryArb(ids: Ids): fc.Arbitrary<string> {
	const key = fc.oneof(
		{ weight: 8, arbitrary: fc.constantFrom(...KEYS) },
		{ weight: 1, arbitrary: fc.constantFrom(...KEYS).map((k) => k.toUpperCase()) },
		{ weight: 1, arbitrary: fc.stringMatching(/^[a-z]{1,8}$/) },
		{ weight: 1, arbitrary: fc.constantFrom(...BROKEN, '', 'from[]', '__proto__', 'constructor') }
	);
	const pair = fc.tuple(key, valueArb(ids)).map(([k, v]) => `${k}=${v}`);
	// A window the wrong way round, or one instant wide, or far outside the incident.
	const window = fc
		.tuple(
			fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 0, 1) }),
			fc.integer({ min: -4e11, max: 4e11 })
		)
		.map(([a, d]) => {
			const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');
			return `from=${iso(a)}&to=${iso(a + d)}`;
		});
	const pairs = fc.array(
		fc.oneof({ weight: 5, arbitrary: pair }, { weight: 1, arbitrary: window }),
		{
			maxLength: 6
		}
	);
	return fc
		.tuple(pairs, fc.boolean(), fc.constantFrom('&', '&', '&', '&&', ';', '&amp;'))
		.map(([list, repeat, sep]) => {
			// Repeated parameters: the same again, and again with a different value.
			if (repeat && list.length)
				list = [...list, list[0]!, ...list.slice(0, 2).map((p) => p + 'x')];
			return list.length ? `?${list.join(sep)}` : '';
		});
}

/** A path on the site, real or made up, possibly bent: trailing or double slashes, "..". */
function pathArb(ids: Ids): fc.Arbitrary<string> {
	const storyIds = ids.stories.map((s) => s.id);
	const step = fc.oneof(
		{ weight: 5, arbitrary: fc.integer({ min: 1, max: 14 }).map(String) },
		{
			weight: 3,
			arbitrary: fc.constantFrom(
				'0',
				'-1',
				'15',
				'99',
				'9999',
				'10000',
				'99999999999999999999',
				'1e3',
				'1.5',
				'01',
				'NaN',
				'Infinity',
				'%31',
				'\u0663',
				'1%00',
				' 1',
				'%E0%A4%A'
			)
		}
	);
	const segment = fc.oneof(
		fc.constantFrom(
			'events',
			'parties',
			'brief',
			'claims',
			'sources',
			'open',
			'data',
			'_app',
			'og',
			'schema',
			'index.html',
			'404.html',
			'404',
			'..',
			'.',
			'%2e%2e',
			'%2F',
			'a%2Fb',
			'%5C',
			'~'
		),
		idArb([...ids.events, ...ids.parties, ...storyIds])
	);
	const path = fc.oneof(
		{ weight: 2, arbitrary: fc.constant('/') },
		{
			weight: 2,
			arbitrary: fc.constantFrom(
				'/claims',
				'/sources',
				'/brief',
				'/open',
				'/events',
				'/parties',
				'/og'
			)
		},
		{ weight: 6, arbitrary: idArb(ids.events).map((id) => `/events/${id}`) },
		{ weight: 4, arbitrary: idArb(ids.parties).map((id) => `/parties/${id}`) },
		{ weight: 2, arbitrary: idArb(storyIds).map((id) => `/brief/${id}`) },
		{
			weight: 5,
			arbitrary: fc
				.tuple(idArb(storyIds), step, fc.constantFrom('', '', '', '/presenter'))
				.map(([s, n, p]) => `/brief/${s}/${n}${p}`)
		},
		{ weight: 1, arbitrary: idArb(storyIds).map((id) => `/brief/${id}/handout`) },
		{
			weight: 4,
			arbitrary: fc
				.array(segment, { minLength: 1, maxLength: 5 })
				.map((segments) => `/${segments.join('/')}`)
		}
	);
	// Mostly as written; now and then bent.
	const bend = fc.oneof(
		{ weight: 12, arbitrary: fc.constant('none' as const) },
		{ weight: 2, arbitrary: fc.constant('trailing' as const) },
		{ weight: 1, arbitrary: fc.constant('double' as const) },
		{ weight: 1, arbitrary: fc.constant('inner-double' as const) },
		{ weight: 2, arbitrary: fc.constant('dotdot' as const) }
	);
	return fc.tuple(path, bend).map(([p, b]) => {
		switch (b) {
			case 'trailing':
				return p.endsWith('/') ? p : `${p}/`;
			case 'double':
				return `/${p}`;
			case 'inner-double':
				return p.replace(/\/(?=[^/]*$)/, '//');
			case 'dotdot':
				return `${p}/../${p.split('/')[1] ?? ''}`;
			default:
				return p;
		}
	});
}

/** /open?src= with other sites, other schemes, missing and broken files. */
const OPEN_SRC = [
	'https://example.org/incident.json',
	'//example.org/incident.json',
	'http://localhost:1/incident.json',
	'http://localhost:4173@example.org/x.json',
	'javascript:alert(1)',
	`javascript:window.${MARKER}=1`,
	'data:application/json,{}',
	'file:///etc/passwd',
	'blob:http://localhost:4173/0000',
	'/no-such-file.json',
	'/data/no-such-incident.json',
	'../../../../etc/passwd',
	'/data/../data/nothing.json',
	'/',
	'/favicon.svg',
	'/schema/incident.schema.json',
	'',
	' ',
	'%E0%A4%A',
	'x'.repeat(2000),
	`<script>window.${MARKER}=1</script>`
];

/** Hand-picked addresses, then the generated ones: always the same list, in the same order. */
export function fuzzUrls(model: IncidentModel): string[] {
	const ids = idsOf(model);
	const fixed = [
		...OPEN_SRC.map((s) => `/open?src=${enc(s)}`),
		'/open?src=%E0%A4%A',
		`/open?src=/data/${model.incident.id}.json&event=%3Cscript%3E`,
		'/open?src=https://example.org/a.json&src=/no-such.json',
		`/events/${model.incident.keyMoments[0]}?from=2016-09-17T16:00:00Z&to=2016-09-17T13:00:00Z`,
		'/?from=2016-09-17T13:00:00&to=2016-09-17T14:00:00&tz=Europe/Atlantis',
		`/brief/${ids.stories[0]!.id}/1?theme=${enc(PAYLOADS[0]!)}`,
		`/events/${enc(PAYLOADS[0]!)}`,
		`/parties/${enc(PAYLOADS[2]!)}`
	];
	const all = fc
		.tuple(pathArb(ids), queryArb(ids))
		.map(([p, q]) => p + q)
		.filter((u) => u.length <= MAX_URL);
	const generated = fc.sample(all, { seed: SEED, numRuns: GENERATED });
	return [...fixed, ...generated];
}
