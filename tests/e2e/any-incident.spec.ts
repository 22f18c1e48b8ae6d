/**
 * Another incident is another folder of data, with no code change. The fictional incident in
 * tests/fixtures/second-incident is built to differ from the bundled one wherever code could
 * have assumed it (another continent, places across the antimeridian and near a pole, a zone
 * with a half-hour offset and a daylight-saving change, one side, no storylines, long names,
 * Arabic and Cyrillic script, dates known only to the month or year). It is built with the
 * same command as the bundled one, served beside it, and every kind of page is walked: no
 * console errors, no failed requests, and nothing of the bundled incident on any page.
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { IncidentModel } from '../../src/lib/model/schema';
import { expect, settledWindow, test } from './fixtures';
import { build, serve } from './site';

test.skip(({ isMobile }) => isMobile, 'one walk is enough; the screens have their own tests');
test.describe.configure({ mode: 'serial' });

const FOLDER = 'tests/fixtures/second-incident';
const PORT = 4182;
const SITE = `http://localhost:${PORT}`;
const OUT = join(tmpdir(), 'sightline-second-incident-build');

const read = <T>(dir: string, file: string): T =>
	JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
const fixture = read<{ incident: IncidentModel['incident'] }>(FOLDER, 'incident.json').incident;

/**
 * What would give the bundled incident away: its title's proper names, its zone labels, its
 * places and its longer party names.
 */
function bundledMarks(): string[] {
	const dir = 'data/incidents/deir-ez-zor-2016';
	const { incident } = read<{ incident: IncidentModel['incident'] }>(dir, 'incident.json');
	const { parties } = read<{ parties: IncidentModel['parties'] }>(dir, 'parties.json');
	const { events } = read<{ events: IncidentModel['events'] }>(dir, 'events.json');
	return [
		...new Set([
			incident.title,
			...incident.title.split(/\s+/).filter((w) => /^[A-Z][a-z]{3,}$/.test(w)),
			incident.timeZoneLabel,
			...(incident.zones ?? []).map((z) => z.label),
			...parties.map((p) => p.name).filter((n) => n.length >= 12),
			...events.flatMap((e) => (e.location ? [e.location.name] : []))
		])
	].filter((s) => !['Fictional', 'Severnaya'].includes(s));
}
const BUNDLED = bundledMarks();

let server: ChildProcess | undefined;
let buildOutput = '';

test.beforeAll(async () => {
	test.setTimeout(300_000);
	buildOutput = await build({
		...process.env,
		SIGHTLINE_INCIDENT: FOLDER,
		SIGHTLINE_OUT: OUT
	});
	server = await serve(OUT, PORT, `${SITE}/`);
});

test.afterAll(() => {
	server?.kill();
});

/** Every text a reader or a screen reader meets on the page. */
const pageText = (page: Page) =>
	page.evaluate(() =>
		[
			document.title,
			document.body.innerText,
			...[...document.querySelectorAll('[aria-label],[title],[alt],[placeholder]')].flatMap((el) =>
				['aria-label', 'title', 'alt', 'placeholder'].map((a) => el.getAttribute(a) ?? '')
			),
			...[...document.querySelectorAll('svg title')].map((t) => t.textContent ?? '')
		].join('\n')
	);

/** Failed requests on the page (the intended not-found document apart). */
function watch(page: Page): string[] {
	const failed: string[] = [];
	page.on('response', (res) => {
		if (res.status() < 400) return;
		const intended = res.request().isNavigationRequest() && /no-such-event$/.test(res.url());
		if (!intended) failed.push(`${res.status()} ${res.url()}`);
	});
	return failed;
}

async function visit(page: Page, path: string, ready: string) {
	await page.goto(SITE + path);
	await expect(page.locator(ready).first()).toBeVisible();
	await page.waitForLoadState('networkidle');
	const text = await pageText(page);
	expect(
		BUNDLED.filter((s) => text.includes(s)),
		`the bundled incident on ${path}`
	).toEqual([]);
	return text;
}

test('the build of another incident succeeds quietly', () => {
	const noisy = buildOutput
		.split('\n')
		.filter((line) => /\[\d{3}\]|\bwarn(ing)?\b|\berror\b/i.test(line))
		.filter((line) => !/_error\.|\+error/.test(line));
	expect(noisy).toEqual([]);
	expect(buildOutput).toContain(`${fixture.id} is valid`);
});

test('every kind of page shows the other incident and nothing of the bundled one', async ({
	page,
	problems
}) => {
	test.setTimeout(120_000);
	const failed = watch(page);
	const res = await page.request.get(`${SITE}/data/${fixture.id}.json`);
	const model = (await res.json()) as IncidentModel;
	const event = model.events.find((e) => e.claims && e.claims.length > 1)!;
	const party = model.parties.find((p) => p.name.length > 60)!;

	const home = await visit(page, '/', 'svg.plot');
	expect(home).toContain(fixture.title);
	// The zone menu offers the incident's own zones, and not another incident's.
	const zones = await page.getByTestId('zone-select').locator('option').allTextContents();
	expect(zones.map((z) => z.replace(/ \(.*$/, ''))).toEqual([
		fixture.timeZoneLabel,
		'UTC',
		...fixture.zones!.map((z) => z.label),
		'Berlin, your zone'
	]);

	// Zoom in: the window narrows.
	const before = await settledWindow(page);
	const plot = page.locator('.timeline .plot');
	const box = (await plot.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + 60);
	for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -300);
	const after = await settledWindow(page, before);
	expect(after[1] - after[0]).toBeLessThan(before[1] - before[0]);

	// The map names the incident's own area, and choosing a place filters the timeline.
	await expect(page.locator('figure.locator svg').first()).toHaveAttribute(
		'aria-label',
		/^Map of the area around /
	);
	await page.locator('button.place-choice').first().click();
	await expect(page).toHaveURL(/place=/);

	await visit(page, '/?view=graph', 'svg.graph-plot');
	// Names of over sixty characters find room or are left out: never printed over one another.
	const labels = await page
		.locator('svg.graph-plot .node-label')
		.evaluateAll((ts) => ts.map((t) => t.getBoundingClientRect().toJSON() as DOMRect));
	for (const [i, a] of labels.entries())
		for (const b of labels.slice(i + 1))
			expect(
				a.right <= b.left + 0.5 ||
					b.right <= a.left + 0.5 ||
					a.bottom <= b.top + 0.5 ||
					b.bottom <= a.top + 0.5,
				'two names overlap'
			).toBe(true);
	await visit(page, '/?view=both', 'svg.graph-plot');
	const eventPage = await visit(page, `/events/${event.id}`, '#event-title');
	expect(eventPage).toContain(event.title);
	const partyPage = await visit(page, `/parties/${party.id}`, 'h1');
	expect(partyPage).toContain(party.name);
	const claims = await visit(page, '/claims', 'h1');
	expect(claims).toContain('Killed among:');
	await visit(page, '/sources', 'h1');
	const brief = await visit(page, '/brief', 'h1');
	expect(brief).toContain('no briefings');
	await visit(page, '/open', 'h1');
	await expect(page.getByRole('link', { name: 'an example' })).toHaveAttribute(
		'href',
		new RegExp(`/data/${fixture.id}\\.json$`)
	);
	await visit(page, '/events/no-such-event', 'h1');

	expect(failed).toEqual([]);
	expect(problems.filter((p) => !/status of 404/.test(p))).toEqual([]);
});

test('a file opened on /open keeps every masthead link inside it, or says it leaves', async ({
	page,
	problems
}) => {
	const failed = watch(page);
	await page.goto(`${SITE}/open?src=${encodeURIComponent(`/data/${fixture.id}.json`)}`);
	await page.locator('.workspace').waitFor({ timeout: 30_000 });
	const nav = page.getByRole('navigation', { name: 'Site' });
	for (const link of await nav.getByRole('link').all()) {
		const href = (await link.getAttribute('href'))!;
		const text = (await link.textContent())!;
		if (!href.startsWith('/open')) expect(text, `${href} leaves the file`).toMatch(/leave/i);
	}
	await nav.getByRole('link', { name: 'Claims' }).click();
	await expect(page.locator('#claims')).toBeInViewport();
	await nav.getByRole('link', { name: 'Open another file' }).click();
	await expect(page.getByRole('heading', { name: 'Open an incident' })).toBeVisible();
	expect(failed).toEqual([]);
	expect(problems).toEqual([]);
});
