/**
 * Any address renders a sensible page. A seeded set of 300 addresses (the same set on every
 * run) mixes real and made-up event, party and briefing ids and step numbers with the view
 * codec's parameters carrying garbage: huge, negative and non-numbers, reversed windows, dates
 * without an offset, unknown time zones, unicode, valid and broken percent-encoding, repeated
 * parameters, 2,000-character values, `javascript:` addresses and markup; paths with random
 * segments, trailing and double slashes, encoded slashes and `..`; and /open?src= with other
 * sites, `javascript:` and missing files.
 *
 * Every address must answer 200 or 404 and show a page with a visible h1 and text, with no
 * uncaught exception, no console error or warning (except the browser's own note that the
 * address itself answered 404), nothing from the address parsed as HTML or run as script, no
 * dialog and no request to another origin.
 *
 * One page visits every address of a part; six parts share the two workers. Each part prints
 * "fuzzed URLs tried: N, failed: M" for the audit.
 */
import fc from 'fast-check';
import type { Page } from '@playwright/test';
import { placesOf } from '../../src/lib/map/places';
import type { IncidentModel } from '../../src/lib/model/schema';
import { expect, INCIDENT, test } from './fixtures';

const SEED = 20160917;
const GENERATED = 271;
const PARTS = 6;

/** Script that would set this global if anything from the address ran. */
const MARKER = '__sightlineFuzz';
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
const KEYS = [
	'from',
	'to',
	'tz',
	'lanes',
	'parties',
	'cats',
	'q',
	'view',
	'party',
	'place',
	'rel',
	'theme',
	'src',
	'event'
];

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
function urls(model: IncidentModel): string[] {
	const ids = idsOf(model);
	const fixed = [
		...OPEN_SRC.map((s) => `/open?src=${enc(s)}`),
		'/open?src=%E0%A4%A',
		`/open?src=/data/${INCIDENT}.json&event=%3Cscript%3E`,
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

interface Visit {
	url: string;
	problems: string[];
}

/**
 * Bugs this test found, each with a test.fixme below that runs its addresses through the full
 * check. Until one is fixed, the addresses it affects are set aside from the parts: counted in
 * their summary line, not visited.
 */
const KNOWN_BUGS: { id: string; affects: (url: URL) => boolean; what: string }[] = [
	// Fixed, and checked in full by the parts above since: paths with a leading or an inner "//"
	// (scripts/serve.mjs redirects; on other hosts the early script in src/app.html reloads at
	// the single-slash address), and paths with broken percent-encoding, which threw "URI
	// malformed" in the client router (src/hooks.ts reads such segments literally).
];

function knownBug(origin: string, path: string): string | null {
	const url = new URL(origin + path);
	return KNOWN_BUGS.find((b) => b.affects(url))?.id ?? null;
}

/** Records, for the address being visited, anything that breaks the promise above. */
function watch(page: Page, origin: string): { current: Visit } {
	const state = { current: { url: '', problems: [] } as Visit };
	page.on('console', (m) => {
		if (m.type() !== 'error' && m.type() !== 'warning') return;
		state.current.problems.push(`console ${m.type()}: ${m.text()} (at ${m.location().url})`);
	});
	page.on('pageerror', (e) => state.current.problems.push(`exception: ${e.message}`));
	page.on('dialog', (d) => {
		state.current.problems.push(`dialog: ${d.type()} ${d.message()}`);
		d.dismiss().catch(() => {});
	});
	page.on('request', (r) => {
		const url = r.url();
		if (/^(data|blob):/.test(url)) return;
		if (new URL(url).origin !== origin) state.current.problems.push(`request to ${url}`);
	});
	return state;
}

/** Anything made from the address by parsing it as HTML, or by running it. */
const injected = (page: Page) =>
	page.evaluate((marker) => {
		const found: string[] = [];
		if ((window as unknown as Record<string, unknown>)[marker] !== undefined)
			found.push('the injected script ran');
		for (const s of document.querySelectorAll('script'))
			if ((s.textContent ?? '').includes(marker)) found.push('a <script> holds the injected text');
		for (const el of document.querySelectorAll('*'))
			for (const name of el.getAttributeNames())
				if (/^on/i.test(name)) found.push(`<${el.localName} ${name}>`);
		if (document.title.toLowerCase().includes('<script')) found.push('document.title has <script');
		return found;
	}, MARKER);

const NOT_FOUND_LINE =
	'console error: Failed to load resource: the server responded with a status of 404 (Not Found)';

/** Where (origin and path) the browser's own 404 line for this address may point. */
function expected404s(origin: string, path: string, status: number, landed: string): Set<string> {
	const at = new Set<string>();
	const url = new URL(origin + path);
	const key = (u: URL) => u.origin + u.pathname;
	// The address itself, on a 404 page, and the one that answered: "//x" redirects to "/x".
	if (status === 404) {
		at.add(key(url));
		at.add(key(new URL(landed)));
	}
	// The file an /open?src= address names, when this site has no such file: the browser logs
	// the failed request itself, and the page says the server answered 404.
	const src = url.pathname === '/open' ? url.searchParams.get('src') : null;
	if (src !== null)
		try {
			const file = new URL(src.trim(), url);
			if (file.origin === origin) at.add(key(file));
		} catch {
			// Not an address: refused before anything is requested.
		}
	return at;
}

/** Opens an address and returns its status and the address that answered, after redirects. */
async function open(
	page: Page,
	url: string,
	retry = true
): Promise<{ status: number; answered: string }> {
	try {
		// Given whole: "//x" must stay a path on this site, not become another host.
		const res = await page.goto(url, { waitUntil: 'domcontentloaded' });
		return { status: res?.status() ?? 0, answered: res?.url() ?? url };
	} catch (e) {
		// The page before wrote its address (replaceState) just as this one was asked for.
		if (retry && (e as Error).message.includes('interrupted by another navigation'))
			return open(page, url, false);
		throw e;
	}
}

async function visit(page: Page, origin: string, path: string, watcher: { current: Visit }) {
	const v: Visit = { url: path, problems: [] };
	watcher.current = v;
	let status: number;
	let answered: string;
	try {
		({ status, answered } = await open(page, origin + path));
	} catch (e) {
		v.problems.push(`navigation failed: ${(e as Error).message.split('\n')[0]}`);
		return v;
	}
	if (status !== 200 && status !== 404) v.problems.push(`status ${status}`);
	try {
		await page.locator('h1').first().waitFor({ state: 'visible', timeout: 5_000 });
		// Hydrated: scripts and the model have loaded and a frame or two has been drawn.
		await page.waitForLoadState('load', { timeout: 10_000 });
		await page.evaluate(
			() =>
				new Promise<void>((r) =>
					requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 30)))
				)
		);
	} catch {
		v.problems.push('no visible h1');
	}
	const { h1, text } = await page.evaluate(() => ({
		h1: document.querySelector('h1')?.textContent?.trim() ?? '',
		text: document.body?.innerText.trim() ?? ''
	}));
	if (!h1) v.problems.push('the h1 is empty');
	if (text.length < 20) v.problems.push(`hardly any text: "${text.slice(0, 80)}"`);
	v.problems.push(...(await injected(page)));
	const allowed404 = expected404s(origin, path, status, answered);
	v.problems = v.problems.filter((p) => {
		if (!p.startsWith(NOT_FOUND_LINE)) return true;
		const at = /\(at (.*)\)$/.exec(p)?.[1];
		if (!at) return true;
		const u = new URL(at);
		return !allowed404.has(u.origin + u.pathname);
	});
	return v;
}

/** Visits each address on one page and returns those that broke a promise. */
async function fuzz(page: Page, origin: string, list: string[]) {
	const watcher = watch(page, origin);
	const failed: Visit[] = [];
	for (const url of list) {
		const v = await visit(page, origin, url, watcher);
		if (v.problems.length) failed.push(v);
	}
	// Late messages from the last page are still counted against it.
	await page.waitForTimeout(300);
	return failed;
}

const report = (failed: Visit[]) =>
	failed.map((v) => `${v.url}\n    ${[...new Set(v.problems)].join('\n    ')}`);

test.describe.configure({ mode: 'parallel' });

for (let part = 0; part < PARTS; part++) {
	test(`fuzzed addresses render a sensible page (part ${part + 1} of ${PARTS})`, async ({
		page,
		model,
		baseURL
	}) => {
		test.setTimeout(240_000);
		const origin = new URL(baseURL!).origin;
		const all = urls(model);
		const share = all.filter((_, i) => i % PARTS === part);
		const mine = share.filter((u) => knownBug(origin, u) === null);
		const failed = await fuzz(page, origin, mine);
		const summary =
			`fuzzed URLs tried: ${mine.length}, failed: ${failed.length} ` +
			`(part ${part + 1} of ${PARTS}; ${all.length} generated in all, ` +
			`${share.length - mine.length} of this part set aside for known bugs)`;
		test.info().annotations.push({ type: 'fuzz', description: summary });
		console.log(summary);
		expect(report(failed), 'addresses that did not render a sensible page').toEqual([]);
	});
}

for (const bug of KNOWN_BUGS) {
	// FIXME: a bug in the app or its server, described in KNOWN_BUGS. Once it is fixed, delete its
	// entry there: its addresses go back into the parts above, which check them in full.
	test.fixme(`known bug: ${bug.id}`, async ({ page, model, baseURL }) => {
		test.setTimeout(240_000);
		const origin = new URL(baseURL!).origin;
		const mine = urls(model).filter((u) => knownBug(origin, u) === bug.id);
		expect(report(await fuzz(page, origin, mine)), bug.what).toEqual([]);
	});
}

// SvelteKit's default client error handler logs every unknown path with console.error
// ("Not found: /no/such/page"); src/hooks.client.ts leaves 404s out. The parts above check this
// on every made-up path too; this names it.
test('an unknown path gives the 404 page and logs nothing to the console', async ({
	page,
	baseURL
}) => {
	const origin = new URL(baseURL!).origin;
	const failed = await fuzz(page, origin, ['/~', '/events', '/brief/x/y/z/w', '/no/such/page']);
	expect(report(failed)).toEqual([]);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page does not exist');
});
