/**
 * The site deployed under a sub-path: built with SIGHTLINE_BASE_PATH=/sightline into a folder
 * of its own (build/ is what the rest of the suite is served from, and is left alone), served
 * as a static host would serve /sightline/ and nothing else, and walked in the browser.
 * On every page: no request leaves /sightline/, nothing answers 404 (except the intended
 * not-found page), no console errors or warnings, every link on the page stays under
 * /sightline/, and the model is read from /sightline/data/.
 * The same build is given the site's address (SIGHTLINE_SITE_URL), so its link previews are
 * checked here too: every page names itself and its picture by absolute address.
 */
import type { ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, INCIDENT, mark, test } from './fixtures';
import { build, serve } from './site';

test.skip(({ isMobile }) => isMobile, 'the paths are the same on every screen');
test.describe.configure({ mode: 'serial' });

const BASE = '/sightline';
const PORT = 4181;
const ORIGIN = `http://localhost:${PORT}`;
const SITE = ORIGIN + BASE;
const OUT = join(tmpdir(), 'sightline-base-path-build');
const MODEL = `${BASE}/data/${INCIDENT}.json`;
const EVENT = 'russian-first-call';
const PARTY = 'russian-mod';
const STORY = 'strike-and-calls';
/** Where this build says the site lives: the origin alone, so the base path must be added. */
const SITE_URL = 'https://example.org';

let server: ChildProcess | undefined;
let buildOutput = '';

test.beforeAll(async () => {
	test.setTimeout(300_000);
	const env = {
		...process.env,
		SIGHTLINE_BASE_PATH: BASE,
		SIGHTLINE_OUT: OUT,
		SIGHTLINE_SITE_URL: SITE_URL
	};
	buildOutput = await build(env, ['exec', '--', 'vite', 'build', '--logLevel', 'warn']);
	server = await serve(OUT, PORT, `${SITE}/`, env);
});

test.afterAll(() => {
	server?.kill();
});

/**
 * Every link on the page, resolved (an SVG <a>'s .href is not a string, so the attribute is
 * read), in the page as a string: tsx's helpers do not exist there.
 */
const LINKS = `[...document.querySelectorAll('a[href], link[href]')].flatMap((a) => {
	try { return [new URL(a.getAttribute('href'), document.baseURI).href]; } catch { return []; }
})`;

interface Traffic {
	/** Requests to anywhere but /sightline/ on this origin. */
	outside: string[];
	/** Responses with status 400 or more, the intended not-found document apart. */
	failed: string[];
	/** Paths of every request on this origin. */
	paths: string[];
}

/** Records where the page's requests go. */
function watch(page: Page): Traffic {
	const t: Traffic = { outside: [], failed: [], paths: [] };
	page.on('request', (req) => {
		const u = new URL(req.url());
		if (!/^(https?|wss?):$/.test(u.protocol)) return; // data: and blob: stay in the page
		if (u.origin === ORIGIN) t.paths.push(u.pathname);
		if (u.origin !== ORIGIN || (u.pathname !== BASE && !u.pathname.startsWith(`${BASE}/`)))
			t.outside.push(req.url());
	});
	page.on('response', (res) => {
		if (res.status() < 400) return;
		const req = res.request();
		const notFoundPage = req.isNavigationRequest() && /\/events\/no-such-event$/.test(res.url());
		if (!notFoundPage) t.failed.push(`${res.status()} ${res.url()}`);
	});
	return t;
}

/** Every link on the page, resolved; those on this origin must stay under the base path. */
async function linksOutsideBase(page: Page): Promise<string[]> {
	const hrefs = (await page.evaluate(LINKS)) as string[];
	return hrefs.filter((h) => {
		const u = new URL(h);
		return u.origin === ORIGIN && u.pathname !== BASE && !u.pathname.startsWith(`${BASE}/`);
	});
}

/** Opens a page cold, waits until it is quiet and checks its links. */
async function open(page: Page, path: string) {
	const res = await page.goto(SITE + path);
	await page.waitForLoadState('networkidle');
	expect(await linksOutsideBase(page), `links on ${path}`).toEqual([]);
	return res;
}

function expectClean(t: Traffic, problems: string[]) {
	expect(t.outside, 'requests outside /sightline/').toEqual([]);
	expect(t.failed, 'failed requests').toEqual([]);
	// Chromium logs the not-found document's own 404; that is its status, not a fault.
	expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
}

test('the home page and every link in the site navigation stay under the base path', async ({
	page,
	problems
}) => {
	test.setTimeout(90_000);
	const t = watch(page);
	await open(page, '/');
	await expect(page.locator('svg.plot')).toBeVisible();
	expect(t.paths).toContain(MODEL);
	const nav = page.getByRole('navigation', { name: 'Site' });
	for (const [name, path, ready] of [
		['Claims', '/claims', 'h1'],
		['Sources', '/sources', 'h1'],
		['Briefings', '/brief', 'h1'],
		['Open a file', '/open', 'h1'],
		['Timeline', '/', 'svg.plot']
	] as const) {
		// Followed in the page (the client router), then loaded cold (the prerendered file).
		await nav.getByRole('link', { name, exact: true }).click();
		await expect(page).toHaveURL(new RegExp(`^${SITE}${path === '/' ? '/(\\?.*)?' : path}$`));
		await expect(page.locator(ready).first()).toBeVisible();
		await page.waitForLoadState('networkidle');
		expect(await linksOutsideBase(page), `links on ${path}`).toEqual([]);
		await open(page, path);
		await expect(page.locator(ready).first()).toBeVisible();
	}
	// Selecting an event on the timeline leads to its page under the base path.
	await page.goto(`${SITE}/?from=2016-09-17T12:30:00Z&to=2016-09-17T14:20:00Z`);
	await mark(page, EVENT).click();
	await expect(page).toHaveURL(new RegExp(`^${SITE}/events/${EVENT}(\\?.*)?$`));
	await open(page, '/?view=both');
	await expect(page.locator('svg.graph-plot')).toBeVisible();
	expectClean(t, problems);
});

test('an event deep link, its link preview, a party page and the not-found page', async ({
	page,
	problems
}) => {
	const t = watch(page);
	await open(page, `/events/${EVENT}?from=2016-09-17T12:30:00Z&to=2016-09-17T14:20:00Z`);
	await expect(page.locator('#event-title')).toBeVisible();
	await expect(mark(page, EVENT)).toHaveAttribute('aria-current', 'true');
	expect(t.paths).toContain(MODEL);
	const image = await page.locator('meta[property="og:image"]').getAttribute('content');
	if (image) expect(new URL(image, page.url()).pathname).toBe(`${BASE}/og/event/${EVENT}.png`);

	await open(page, `/parties/${PARTY}`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.locator('main a[href*="/events/"]').first().click();
	await expect(page).toHaveURL(new RegExp(`^${SITE}/events/[^/?]+`));
	await expect(page.locator('#event-title')).toBeVisible();

	// 404.html is served at any depth and its links and assets are absolute, with the base.
	const res = await open(page, '/events/no-such-event');
	expect(res?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await page.getByRole('link', { name: /Open the timeline/ }).click();
	await expect(page).toHaveURL(new RegExp(`^${SITE}/(\\?.*)?$`));
	await expect(page.locator('svg.plot')).toBeVisible();
	expectClean(t, problems);
});

test('a briefing step, its map and export, the presenter view and the handout', async ({
	page,
	problems
}) => {
	test.setTimeout(60_000);
	const t = watch(page);
	await open(page, `/brief/${STORY}/4`);
	await page.locator('[data-ready]').first().waitFor();
	expect(t.paths).toContain(MODEL);
	await page.locator('.fig-map path.land').first().waitFor();
	await page.keyboard.press('ArrowRight');
	await expect(page).toHaveURL(new RegExp(`^${SITE}/brief/${STORY}/5(\\?.*)?$`));
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export PNG' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/\.png$/);
	await open(page, `/brief/${STORY}/4/presenter`);
	await page.locator('[data-ready]').first().waitFor();
	await open(page, `/brief/${STORY}/handout`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	// The printed address is the site's own (this build was told it), under the base path, and
	// pins the data version, so a reader lands on the record as printed.
	await expect(
		page.getByText(new RegExp(`^Online: ${SITE_URL}${BASE}/brief/${STORY}/1\\?v=[0-9a-f+]+$`))
	).toBeVisible();
	expectClean(t, problems);
});

test('/open reads a file on the same site under the base path', async ({ page, problems }) => {
	const t = watch(page);
	await open(page, `/open?src=${encodeURIComponent(MODEL)}`);
	await page.locator('.workspace').waitFor({ timeout: 30_000 });
	expect(t.paths).toContain(MODEL);
	expectClean(t, problems);
});

/** Every prerendered page of a built folder, as [path on the host, HTML]. */
function builtPages(dir: string): [string, string][] {
	const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
		(f) => f.endsWith('.html') && f !== '404.html'
	);
	return files.map((f) => {
		const path = `${BASE}/${f
			.replace(/\\/g, '/')
			.replace(/(^|\/)index\.html$/, '')
			.replace(/\.html$/, '')}`;
		// The home page is the base path's folder: "/sightline/".
		return [path, readFileSync(join(dir, f), 'utf8')];
	});
}

const attr = (html: string, re: RegExp) => re.exec(html)?.[1] ?? null;

test('with the site address given, every page names itself and its preview picture absolutely', () => {
	// A build that was given the address does not warn that it was not.
	expect(buildOutput).not.toContain('SIGHTLINE_SITE_URL is not set');
	const pages = builtPages(OUT);
	expect(pages.length).toBeGreaterThan(20);
	const missing: string[] = [];
	for (const [path, html] of pages) {
		const canonical = attr(html, /<link rel="canonical" href="([^"]*)"/);
		const ogUrl = attr(html, /<meta property="og:url" content="([^"]*)"/);
		// The one page kept from search and previews: the card sheet the build photographs.
		if (path === `${BASE}/og`) continue;
		if (!canonical || !ogUrl) {
			missing.push(path);
			continue;
		}
		// A chat client shown the page's address gets back this same page, without the query.
		expect(canonical, path).toBe(`${SITE_URL}${path}`);
		expect(ogUrl, path).toBe(canonical);
		const image = attr(html, /<meta property="og:image" content="([^"]*)"/);
		if (image)
			expect(image, path).toMatch(new RegExp(`^${SITE_URL}${BASE}/og/[a-z]+/[^/]+\\.png$`));
	}
	expect(missing, 'pages without a canonical address').toEqual([]);
	// Event, party and step pages do carry a picture.
	const eventPage = pages.find(([p]) => p === `${BASE}/events/${EVENT}`)![1];
	expect(attr(eventPage, /<meta property="og:image" content="([^"]*)"/)).toBe(
		`${SITE_URL}${BASE}/og/event/${EVENT}.png`
	);
	expect(attr(eventPage, /<meta name="twitter:image" content="([^"]*)"/)).toBe(
		`${SITE_URL}${BASE}/og/event/${EVENT}.png`
	);
});
