/**
 * Citable versions: a link says which data it was made from, and a reader of an old link is
 * told what changed since. The corrections log and its feed list every change with its note.
 * The history is read from this repository's own commits (CI builds from a full clone).
 */
import type { Page } from '@playwright/test';
import type { IncidentHistory } from '../../src/lib/history/schema';
import { fieldName } from '../../src/lib/history/format';
import { expect, INCIDENT, test } from './fixtures';

test.skip(
	({ isMobile }) => isMobile,
	'the same pages at every size; the screens have their own tests'
);

test.afterEach(({ problems }) => {
	expect(problems, 'console errors, warnings or exceptions').toEqual([]);
});

async function historyOf(page: Page): Promise<IncidentHistory> {
	const res = await page.request.get(`/data/${INCIDENT}-history.json`);
	expect(res.ok()).toBe(true);
	return res.json();
}

/** An event some revision changed, the version before that change, and the fields it changed. */
function changedEvent(history: IncidentHistory) {
	for (let i = 0; i < history.revisions.length - 1; i++)
		for (const c of history.revisions[i]!.changes)
			if (c.kind === 'event' && c.change === 'changed' && c.fields?.length)
				return { id: c.id, before: history.revisions[i + 1]!, fields: c.fields };
	throw new Error('no event was ever changed');
}

test('an old link to an event says what changed since, and shows the event as it was', async ({
	page,
	model
}) => {
	const history = await historyOf(page);
	const { id, before, fields } = changedEvent(history);
	await page.goto(`/events/${id}?v=${before.version}`);
	const banner = page.getByTestId('changed-since');
	await expect(banner).toContainText('Changed since this link was made');
	await expect(banner).toContainText(before.version);
	for (const f of fields) await expect(banner).toContainText(fieldName(f.field));
	await banner.getByText(/See this event as it was/).click();
	const first = fields.find((f) => typeof f.before === 'string');
	if (first)
		await expect(banner.locator('dl.was')).toContainText(String(first.before).slice(0, 60));

	// The page's history lists the change with its note, and the event's first appearance.
	const section = page.getByRole('region', { name: 'History' });
	await expect(section).toContainText('Added on');
	await expect(section).toContainText('Changed on');

	// A link to the current version says nothing; the event is as it is.
	await page.goto(`/events/${id}?v=${model.version!.id}`);
	await expect(page.locator('#event-title')).toBeVisible();
	await expect(page.getByTestId('changed-since')).toHaveCount(0);
});

test('an unknown version is ignored with a note, a malformed one too', async ({ page, model }) => {
	const event = model.events[0]!.id;
	await page.goto(`/events/${event}?v=0000000`);
	await expect(page.getByTestId('unknown-version')).toContainText(
		'Ignored the version “0000000” in the link: this incident has no such version.'
	);
	await page.goto(`/?v=not-a-version`);
	await expect(page.getByRole('status').filter({ hasText: 'Ignored the version' })).toContainText(
		'Ignored the version "not-a-version" in the link: versions are short hashes'
	);
});

test('copy link and cite this pin the version', async ({ page, context, model }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	const event = model.events.find((e) => e.claims?.length)!;
	await page.goto(`/events/${event.id}`);
	await page.getByTestId('copy-link').click();
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	expect(new URL(copied).searchParams.get('v')).toBe(model.version!.id);

	await page.getByText('Cite this', { exact: true }).click();
	const citation = page.getByTestId('citation');
	await expect(citation).toContainText(`“${event.title}.” Event in ${model.incident.title}.`);
	await expect(citation).toContainText(`/events/${event.id}?v=${model.version!.id}`);
	await page.getByRole('radio', { name: 'BibTeX' }).check();
	await expect(citation).toContainText(`@misc{sightline-${model.incident.id}-${event.id},`);
	await page.getByRole('radio', { name: 'CSL-JSON' }).check();
	const csl = JSON.parse((await citation.textContent())!);
	expect(csl[0]).toMatchObject({ type: 'webpage', title: event.title, version: model.version!.id });
	await page.getByRole('button', { name: 'Copy citation' }).click();
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
		JSON.stringify(csl, null, 2)
	);
});

test('an event page describes itself in schema.org terms, with its sources and versions', async ({
	page,
	model
}) => {
	const event = model.events.find((e) => e.claims && e.claims.length > 1)!;
	await page.goto(`/events/${event.id}`);
	const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
	expect(blocks).toHaveLength(1);
	const ld = JSON.parse(blocks[0]!);
	expect(ld['@context']).toBe('https://schema.org');
	expect(ld.about).toMatchObject({ '@type': 'Event', name: event.title, startDate: event.start });
	expect(ld.citation.length).toBeGreaterThan(0);
	expect(ld.hasPart.map((c: { text: string }) => c.text)).toEqual(
		event.claims!.map((c) => c.statement)
	);
});

test('the corrections log lists each change with its note, and its feed parses', async ({
	page
}) => {
	const history = await historyOf(page);
	await page.goto('/changes');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Changes and corrections');
	const newest = history.revisions[0]!;
	await expect(page.locator(`#v-${newest.version} h3`)).toHaveText(newest.subject);
	await expect(page.locator('article.revision')).toHaveCount(history.revisions.length);
	// Every page's foot names the version, and leads here.
	await expect(page.locator('footer.site-footer')).toContainText(`version ${history.version.id}`);

	const xml = await (await page.request.get('/changes.xml')).text();
	const parsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'application/xml');
		return {
			error: doc.querySelector('parsererror')?.textContent ?? null,
			entries: doc.getElementsByTagName('entry').length,
			first: doc.querySelector('entry > title')?.textContent
		};
	}, xml);
	expect(parsed.error).toBeNull();
	expect(parsed.entries).toBe(Math.min(50, history.revisions.length));
	expect(parsed.first).toBe(newest.subject);
});

test('only pages that show a history load its code and data, and none loads the engine', async ({
	page,
	model
}) => {
	/** The text of every script a page loads, and whether it fetched the history. */
	async function visit(path: string) {
		const scripts: Promise<string>[] = [];
		let fetched = false;
		const seen = (res: import('@playwright/test').Response) => {
			if (res.url().includes(`${INCIDENT}-history.json`)) fetched = true;
			else if (res.url().endsWith('.js')) scripts.push(res.text());
		};
		page.on('response', seen);
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		page.off('response', seen);
		return { scripts: await Promise.all(scripts), fetched };
	}
	// The history module names the file it loads; the engine (file-records.ts) has its own words.
	const loadsHistory = (s: string) => s.includes('-history.json');
	const engine = (s: string) => s.includes('a JSON object the scan for');
	const story = model.storylines?.[0]?.id;
	for (const path of ['/', '/claims', '/sources', ...(story ? [`/brief/${story}/1`] : [])]) {
		const { scripts, fetched } = await visit(path);
		expect(fetched, `${path} fetches the history`).toBe(false);
		expect(scripts.filter(loadsHistory), `${path} loads the history's code`).toEqual([]);
		expect(scripts.length, `${path} loads scripts`).toBeGreaterThan(0);
	}
	for (const path of [`/events/${model.events[0]!.id}`, '/changes']) {
		const { scripts, fetched } = await visit(path);
		expect(fetched, `${path} fetches the history`).toBe(true);
		expect(scripts.some(loadsHistory), `${path} loads the history's code`).toBe(true);
		expect(scripts.filter(engine), `${path} loads the engine`).toEqual([]);
	}
});
