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
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { fuzzUrls, MARKER } from './fuzz-urls';

const PARTS = 6;

interface Visit {
	url: string;
	problems: string[];
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
	// An /open?src= page shows its heading at once and fetches the file after: wait until it has
	// opened it or said why not, so the browser's own line for a missing file is counted against
	// this address and not against the next one.
	if (/^\/open\?(.*&)?src=/.test(path))
		await page
			.locator('.workspace, [role=alert]')
			.first()
			.waitFor({ timeout: 20_000 })
			.catch(() => {});
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
		const all = fuzzUrls(model);
		const mine = all.filter((_, i) => i % PARTS === part);
		const failed = await fuzz(page, origin, mine);
		const summary =
			`fuzzed URLs tried: ${mine.length}, failed: ${failed.length} ` +
			`(part ${part + 1} of ${PARTS}; ${all.length} generated in all)`;
		test.info().annotations.push({ type: 'fuzz', description: summary });
		console.log(summary);
		expect(report(failed), 'addresses that did not render a sensible page').toEqual([]);
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
