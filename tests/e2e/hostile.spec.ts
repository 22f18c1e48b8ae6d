/**
 * Text from data is always text. The hostile-strings incident (tests/fixtures/hostile/) puts
 * markup, script addresses, template syntax, spreadsheet formulas, right-to-left overrides,
 * zero-width characters, emoji and 5,000-character unbroken strings in every free-text field.
 * Opened in the browser, all of it must show literally, nothing from it may run (no dialog, no
 * element or event-handler attribute made from it, no address but http(s)), and the page must
 * keep its shape on a desktop and on a phone.
 */
import {
	closeSync,
	copyFileSync,
	ftruncateSync,
	mkdirSync,
	openSync,
	readFileSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { IncidentModel } from '../../src/lib/model/schema';
import { expect, test } from './fixtures';

const FIXTURE = join('tests', 'fixtures', 'hostile', 'incident.json');
const FILE = 'hostile.json';
const OPEN = `/open?src=/e2e/${FILE}`;
const model = JSON.parse(readFileSync(FIXTURE, 'utf8')) as IncidentModel;
const PHONE = { width: 390, height: 844 };

test.beforeAll(() => {
	// The static server reads from the build folder on each request.
	mkdirSync(join('build', 'e2e'), { recursive: true });
	copyFileSync(FIXTURE, join('build', 'e2e', FILE));
});

test.afterEach(({ problems }) => {
	expect(problems, 'console errors, warnings or exceptions').toEqual([]);
});

/** Records every alert, confirm or prompt; a hostile string that ran would open one. */
function recordDialogs(page: Page): string[] {
	const dialogs: string[] = [];
	page.on('dialog', (d) => {
		dialogs.push(`${d.type()}: ${d.message()}`);
		d.dismiss().catch(() => {});
	});
	return dialogs;
}

async function expectOpened(page: Page) {
	await expect(page.locator('.workspace')).toBeVisible({ timeout: 30_000 });
	await expect(page.locator('h1')).toHaveCount(1);
}

/**
 * Anything in the page that the data could only have made by being parsed as HTML: event
 * handler attributes (Svelte adds listeners, never attributes), elements the app never renders,
 * inline scripts or styles carrying the data's payloads, and links that are not http(s).
 */
async function injected(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const found: string[] = [];
		for (const el of document.querySelectorAll('*'))
			for (const name of el.getAttributeNames())
				if (/^on/i.test(name) || name.toLowerCase() === 'srcdoc')
					found.push(`<${el.localName} ${name}>`);
		for (const sel of ['img', 'iframe', 'object', 'embed', 'base', 'textarea', 'b', 'svg script'])
			for (const el of document.querySelectorAll(sel)) found.push(`<${el.localName}> (${sel})`);
		for (const el of document.querySelectorAll('meta[http-equiv]'))
			if (/refresh/i.test(el.getAttribute('http-equiv') ?? '')) found.push('<meta refresh>');
		for (const el of document.querySelectorAll('script'))
			if ((el.textContent ?? '').includes('alert(')) found.push('<script> with alert(');
		for (const el of document.querySelectorAll('style'))
			if ((el.textContent ?? '').includes('*{display:none}')) found.push('<style> from the data');
		for (const a of document.querySelectorAll('a')) {
			const href = a.getAttribute('href') ?? a.getAttribute('xlink:href');
			if (href === null) continue;
			let protocol = '';
			try {
				protocol = new URL(href, location.href).protocol;
			} catch {
				// Not an address at all: reported below.
			}
			if (protocol !== 'http:' && protocol !== 'https:')
				found.push(`<a href="${href.slice(0, 60)}">`);
		}
		return found;
	});
}

/** How far the page scrolls sideways, in px (0 when it does not). */
const sidewaysOverflow = (page: Page) =>
	page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

const textOf = (page: Page, selector: string) =>
	page.locator(selector).evaluate((el) => el.textContent ?? '');

/** Every piece of data text the event panel shows for an event, as the data has it. */
function panelTexts(id: string): string[] {
	const event = model.events.find((e) => e.id === id)!;
	const party = (pid: string) => model.parties.find((p) => p.id === pid)!.name;
	const casualties = model.casualties.filter((c) => c.event === id);
	const citations = [
		...event.sources,
		...(event.claims ?? []).flatMap((c) => c.sources),
		...casualties.flatMap((c) => c.sources)
	];
	const cited = new Set(citations.map((c) => c.source));
	const sources = model.sources.filter((s) => cited.has(s.id));
	return [
		event.title,
		event.summary,
		model.incident.categories.find((c) => c.id === event.category)!.name,
		event.timeNote,
		event.location?.name,
		...event.parties.map((p) => party(p.party)),
		...(event.claims ?? []).map((c) => c.statement),
		...casualties.flatMap((c) => [c.note, party(c.claimant)]),
		...sources.flatMap((s) => [s.title, s.publisher, s.via, s.note, s.reliability?.note]),
		...citations.flatMap((c) => [c.quote, c.locator])
	].filter((s): s is string => s !== undefined);
}

/** A phone-sized page (390 × 844, touch), its console watched like the `page` fixture's. */
async function phonePage(browser: Browser, baseURL: string | undefined, problems: string[]) {
	const context = await browser.newContext({
		baseURL,
		viewport: PHONE,
		deviceScaleFactor: 3,
		isMobile: true,
		hasTouch: true,
		timezoneId: 'Europe/Berlin',
		locale: 'en-GB'
	});
	const page = await context.newPage();
	page.on('console', (m) => {
		if (m.type() === 'error' || m.type() === 'warning')
			problems.push(`phone ${m.type()}: ${m.text()}`);
	});
	page.on('pageerror', (e) => problems.push(`phone exception: ${e.message}`));
	return { context, page };
}

test('the hostile incident opens with every string shown as text and nothing run', async ({
	page
}) => {
	const dialogs = recordDialogs(page);
	await page.goto('/open');
	await expect(page.locator('main[data-ready=true]')).toBeAttached();
	const scriptsBefore = await page.locator('script').count();

	await page.goto(OPEN);
	await expectOpened(page);
	const { incident } = model;
	const h1 = page.locator('h1');
	await expect(h1).toContainText('<script>alert(1)</script>');
	expect(await textOf(page, 'h1')).toBe(incident.title);
	expect(await h1.evaluate((el) => el.childElementCount), 'the title made no elements').toBe(0);
	expect(await textOf(page, '.masthead .title')).toBe(incident.title);
	expect(await textOf(page, 'article.overview .subtitle')).toBe(incident.subtitle);
	expect((await textOf(page, 'article.overview')).includes(incident.summary)).toBe(true);
	// `</title>` in the data did not end the document's title.
	await expect(page).toHaveTitle('Open an incident — Sightline');

	// Lanes, the legend and the zone picker name sides and zones as the data spells them.
	await expect
		.poll(async () => (await page.locator('.lane-label').allTextContents()).sort())
		.toEqual(incident.sides.map((s) => s.name).sort());
	const zones = await page.getByTestId('zone-select').locator('option').allTextContents();
	expect(zones.some((z) => z.includes(incident.timeZoneLabel))).toBe(true);

	// The incident's source: its hostile address is the link, exactly, and its title is text.
	const source = model.sources.find((s) => s.id === incident.sources[0]!.source)!;
	const link = page.locator('aside.panel section.sources li > a').first();
	await expect(link).toHaveAttribute('href', source.url);
	expect(await link.evaluate((el) => el.textContent)).toBe(source.title);

	// The competing accounts lead to the disputed event, its title as text.
	const disputed = model.events.filter((e) => (e.claims?.length ?? 0) > 1).map((e) => e.title);
	expect(await page.locator('article.overview .accounts a').allTextContents()).toEqual(disputed);

	expect(await injected(page)).toEqual([]);
	expect(await page.locator('script').count()).toBeLessThanOrEqual(scriptsBefore);
	expect(dialogs).toEqual([]);
});

test('every event opens from the list of events in view, its words shown as text', async ({
	page
}) => {
	test.setTimeout(90_000);
	const dialogs = recordDialogs(page);
	await page.goto(OPEN);
	await expectOpened(page);
	const summary = page.locator('summary', { hasText: 'Events in view as a list' });
	const rows = page.locator('ol a[data-row]');

	for (const event of model.events) {
		if (!(await summary.locator('..').evaluate((d) => (d as HTMLDetailsElement).open)))
			await summary.click();
		await expect(rows.first()).toBeVisible();
		const titles = await rows.locator('.title').allTextContents();
		const row = titles.indexOf(event.title);
		expect(row, `a row titled exactly as event "${event.id}"`).toBeGreaterThanOrEqual(0);
		await rows.nth(row).click();
		await expect(page).toHaveURL(new RegExp(`[?&]event=${event.id}(&|$)`));

		const h1 = page.locator('h1#event-title');
		await expect.poll(() => h1.evaluate((el) => el.textContent)).toBe(event.title);
		expect(await h1.evaluate((el) => el.childElementCount)).toBe(0);
		const panel = await textOf(page, 'aside.panel');
		for (const text of panelTexts(event.id))
			expect(panel.includes(text), `${event.id}: ${JSON.stringify(text.slice(0, 80))}`).toBe(true);

		const hrefs = await page
			.locator('aside.panel section.sources li > a')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
		expect(hrefs.length, `${event.id} lists its sources`).toBeGreaterThan(0);
		for (const href of hrefs) expect(href).toMatch(/^https:\/\//);

		expect(await injected(page), event.id).toEqual([]);
		expect(dialogs, event.id).toEqual([]);
	}
});

test('the graph names every party as text, and its cards show names and relations as text', async ({
	page
}) => {
	const dialogs = recordDialogs(page);
	await page.goto(OPEN);
	await expectOpened(page);
	await page.getByRole('button', { name: 'Graph', exact: true }).click();
	await expect(page.locator('svg.graph-plot')).toBeVisible();

	const labels = page.locator('svg.graph-plot text.node-label');
	await expect
		.poll(async () => (await labels.allTextContents()).sort())
		.toEqual(model.parties.map((p) => p.shortName ?? p.name).sort());
	expect(await labels.evaluateAll((ts) => ts.filter((t) => t.childElementCount > 0).length)).toBe(
		0
	);

	const alpha = model.parties.find((p) => p.id === 'p-alpha')!;
	await page.locator('.node[data-party-id="p-alpha"]').click();
	const card = page.getByRole('region', { name: 'Selected party' });
	await expect(card).toBeVisible();
	const cardText = await card.evaluate((el) => el.textContent ?? '');
	expect(cardText).toContain(alpha.name);
	expect(cardText).toContain(alpha.description);

	// A relation of that party: its description as text, its sources on https.
	await card.locator('.party-edges li button').first().click();
	const relationCard = page.getByRole('region', { name: 'Selected relation' });
	await expect(relationCard).toBeVisible();
	const relationText = await relationCard.evaluate((el) => el.textContent ?? '');
	const relation = model.relations.find((r) => relationText.includes(r.description));
	expect(relation, 'the card shows one relation description literally').toBeDefined();
	for (const href of await relationCard
		.locator('.edge-sources a')
		.evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
		expect(href).toMatch(/^https:\/\//);

	expect(await injected(page)).toEqual([]);
	expect(dialogs).toEqual([]);
});

test('right-to-left overrides in the data do not turn the page around', async ({ page }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await page.goto(OPEN);
	await expectOpened(page);
	const brand = page.locator('.masthead .brand');
	await expect(brand).toBeVisible();
	await expect(brand).toHaveText('Sightline');
	expect((await brand.boundingBox())!.x, 'the brand stays on the left').toBeLessThan(200);
	for (const element of [
		page.locator('h1'),
		page.getByRole('button', { name: 'Open another file' })
	]) {
		await expect(element).toBeVisible();
		const box = (await element.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(1440 + 1);
	}
	expect(await page.evaluate(() => getComputedStyle(document.body).direction)).toBe('ltr');
	expect(await page.locator('h1').evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');

	// An event whose title starts with U+202E and never closes it: the buttons above keep
	// their order, and the title stays inside the panel.
	await page.goto(`${OPEN}&event=rtl-title`);
	await expect(page.locator('h1#event-title')).toBeVisible({ timeout: 30_000 });
	const overview = (await page
		.getByRole('link', { name: 'Close and show the overview' })
		.boundingBox())!;
	const next = (await page.getByRole('link', { name: 'Next ›' }).boundingBox())!;
	expect(overview.x).toBeLessThan(next.x);
	const title = (await page.locator('h1#event-title').boundingBox())!;
	expect(title.x).toBeGreaterThanOrEqual(0);
	expect(title.x + title.width).toBeLessThanOrEqual(1440 + 1);
});

test('at 1440 px nothing scrolls sideways, with the 5,000-character unbroken summaries', async ({
	page
}) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await page.goto(OPEN);
	await expectOpened(page);
	await page.waitForLoadState('networkidle');
	await page.screenshot({ path: 'screenshots/hostile-desktop.png', fullPage: true });
	expect(await sidewaysOverflow(page), 'the overview').toBeLessThanOrEqual(1);

	await page.goto(`${OPEN}&event=long-summary`);
	await expect(page.locator('h1#event-title')).toBeVisible({ timeout: 30_000 });
	await page.waitForLoadState('networkidle');
	await page.screenshot({ path: 'screenshots/hostile-event-desktop.png', fullPage: true });
	expect(await sidewaysOverflow(page), 'the long-summary event').toBeLessThanOrEqual(1);
});

test('on a phone (390 × 844) nothing scrolls sideways either', async ({
	browser,
	baseURL,
	problems
}) => {
	const { context, page } = await phonePage(browser, baseURL, problems);
	const dialogs = recordDialogs(page);
	try {
		await page.goto(OPEN);
		await expectOpened(page);
		await page.waitForLoadState('networkidle');
		await page.screenshot({ path: 'screenshots/hostile-phone.png', fullPage: true });
		expect(await sidewaysOverflow(page), 'the overview').toBeLessThanOrEqual(1);
		await expect(page.locator('.masthead .brand')).toBeVisible();
		const h1 = (await page.locator('h1').boundingBox())!;
		expect(h1.x).toBeGreaterThanOrEqual(0);
		expect(h1.x + h1.width).toBeLessThanOrEqual(PHONE.width + 1);

		await page.goto(`${OPEN}&event=long-summary`);
		await expect(page.locator('h1#event-title')).toBeVisible({ timeout: 30_000 });
		await page.waitForLoadState('networkidle');
		await page.screenshot({ path: 'screenshots/hostile-event-phone.png', fullPage: true });
		expect(await sidewaysOverflow(page), 'the long-summary event').toBeLessThanOrEqual(1);
		expect(await injected(page)).toEqual([]);
		expect(dialogs).toEqual([]);
	} finally {
		await context.close();
	}
});

test('the side panel wraps unbroken text instead of scrolling sideways', async ({ page }) => {
	// Legibility, beyond safety: a 5,000-character string with no spaces must wrap inside the
	// panel, not leave it scrolling sideways with the rest of the text out of reach.
	await page.setViewportSize({ width: 1440, height: 900 });
	const panelOverflow = () =>
		page.locator('aside.panel').evaluate((el) => el.scrollWidth - el.clientWidth);
	await page.goto(OPEN);
	await expectOpened(page);
	expect(await panelOverflow(), 'the overview').toBeLessThanOrEqual(1);
	await page.goto(`${OPEN}&event=long-summary`);
	await expect(page.locator('h1#event-title')).toBeVisible({ timeout: 30_000 });
	expect(await panelOverflow(), 'the long-summary event').toBeLessThanOrEqual(1);
});

// ---------------------------------------------------------------------------------------------
// The second opinion (issue 23): what an independent probe of the built site found. The ids
// named after Object.prototype's properties are in prototype-ids.spec.ts.

/** The valid mini incident as one file, as the site publishes a model. */
function miniModel(): IncidentModel {
	const dir = join('tests', 'fixtures', 'valid', 'mini');
	const out: Record<string, unknown> = { storylines: [] };
	for (const file of ['incident', 'sources', 'parties', 'events', 'relations', 'casualties']) {
		const doc = JSON.parse(readFileSync(join(dir, `${file}.json`), 'utf8'));
		out[file] = doc[file];
	}
	return out as unknown as IncidentModel;
}

/** Writes a file the static server will serve at /e2e/<name>. */
function serve(name: string, model: unknown) {
	mkdirSync(join('build', 'e2e'), { recursive: true });
	writeFileSync(join('build', 'e2e', name), JSON.stringify(model));
}

/** Saves what an export button gives, as text. */
async function saved(page: Page, name: 'Export SVG' | 'Export PNG'): Promise<Buffer> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name }).first().click()
	]);
	return readFileSync((await download.path())!);
}

/** What a browser's XML parser says of the text: null when it is well-formed. */
const xmlError = (page: Page, text: string) =>
	page.evaluate(
		(t) =>
			new DOMParser().parseFromString(t, 'image/svg+xml').querySelector('parsererror')
				?.textContent ?? null,
		text
	);

test('a title with characters XML cannot carry still exports as XML, and as PNG', async ({
	page
}) => {
	// U+FFFE and U+FFFF pass the text rules (they are not controls) but have no place in XML.
	const m = miniModel();
	m.incident.title = 'Noncharacters \uFFFE in the title \uFFFF';
	m.events[0]!.title = 'Strike \uFFFF begins';
	m.parties[0]!.name = 'Blue \uFFFE State';
	serve('xml-hostile.json', m);
	await page.goto('/open?src=/e2e/xml-hostile.json&view=both');
	await expectOpened(page);
	await expect(page.locator('svg.graph-plot .node')).not.toHaveCount(0);

	const svg = (await saved(page, 'Export SVG')).toString('utf8');
	expect(await xmlError(page, svg), 'the exported SVG parses as XML').toBeNull();
	expect(svg).not.toMatch(/[\uFFFE\uFFFF]/);
	expect(svg).toContain('Strike \uFFFD begins');

	const png = await saved(page, 'Export PNG');
	expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
	await expect(page.getByRole('status').filter({ hasText: 'Saved' }).first()).toBeAttached();
});

test('a NUL in a title is refused with the field and the position', async ({ page }) => {
	const m = miniModel();
	m.events[1]!.title = 'T\u0000itle';
	serve('nul.json', m);
	await page.goto('/open?src=/e2e/nul.json');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('nul.json could not be opened: one problem');
	await expect(alert).toContainText(
		'$.events[1].title: contains the control character U+0000 (null) at position 2; only tab and line feed are allowed'
	);
	await expect(page.locator('.workspace')).toHaveCount(0);
});

test('a source address with a right-to-left override is refused with a clear message', async ({
	page
}) => {
	const m = miniModel();
	m.sources[0]!.url = 'http://\u202Eexample.com';
	serve('rlo.json', m);
	await page.goto('/open?src=/e2e/rlo.json');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText(
		'$.sources[0].url: must not contain invisible characters: U+202E (right-to-left override) at position 8 does not show'
	);
	await expect(page.locator('.workspace')).toHaveCount(0);
});

test('a file over the limit, opened by address, is refused by its real size before reading', async ({
	page
}) => {
	const path = join('build', 'e2e', 'too-big.json');
	mkdirSync(join('build', 'e2e'), { recursive: true });
	// Sparse: the server reports its size, which is all /open needs to refuse it.
	const fd = openSync(path, 'w');
	try {
		ftruncateSync(fd, 168_200_000);
	} finally {
		closeSync(fd);
	}
	try {
		await page.goto('/open?src=/e2e/too-big.json');
		await expect(page.getByRole('alert')).toContainText('file is 160.4 MB; the limit is 150.0 MB', {
			timeout: 30_000
		});
		const head = await page.request.head('/e2e/too-big.json');
		expect(head.headers()['content-length']).toBe('168200000');
	} finally {
		rmSync(path, { force: true });
	}
});

test('an address that decodes out of its folder gets the not-found page, which works', async ({
	page,
	problems
}) => {
	for (const path of ['/events/..%2F..%2Findex', '/events/..%2Fbrief', '/events%2Fno-such']) {
		const res = await page.goto(path);
		expect(res?.status(), path).toBe(404);
		// The not-found page boots (404.html draws it in the browser): its own scripts load,
		// wherever the address points.
		await expect(page.locator('main.error .kicker')).toHaveText('Not found');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await page.waitForLoadState('networkidle');
	}
	// The browser's own line for each document that answered 404 is expected; nothing else is.
	const NOT_FOUND =
		'error: Failed to load resource: the server responded with a status of 404 (Not Found)';
	expect(problems.filter((p) => p !== NOT_FOUND)).toEqual([]);
	problems.length = 0;
});
