/**
 * An incident whose every id is the name of something every plain object inherits (issue 23):
 * its sides, categories, parties, events, sources, relations, casualty figures, claims,
 * places and briefings are called constructor, tostring, valueof, hasownproperty,
 * isprototypeof, propertyisenumerable and tolocalestring (tests/fixtures/hostile/prototype-ids/).
 * A lookup kept in a plain object finds Object's own constructor for "constructor": the graph
 * once drew every party at NaN and a stray "pinned" ring, without a word.
 *
 * The site is built for that incident into a folder of its own (build/ is what the rest of the
 * suite is served from, and is left alone) and served as a static host would. Every view must
 * show every record, draw nothing at NaN, and log nothing; the exports must be XML.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

test.skip(({ isMobile }) => isMobile, 'the lookups are the same on every screen');
test.describe.configure({ mode: 'serial' });

const PORT = 4182;
const SITE = `http://localhost:${PORT}`;
const OUT = join(tmpdir(), 'sightline-prototype-ids-build');
const FIXTURE = join('tests', 'fixtures', 'hostile', 'prototype-ids');
const IDS = [
	'constructor',
	'hasownproperty',
	'isprototypeof',
	'propertyisenumerable',
	'tostring',
	'valueof',
	'tolocalestring'
];

let server: ChildProcess | undefined;

/** Runs a command to the end; rejects with its output when it fails. */
function run(cmd: string, args: string[], env: NodeJS.ProcessEnv) {
	return new Promise<void>((resolve, reject) => {
		const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} failed:\n${out}`))
		);
	});
}

test.beforeAll(async () => {
	test.setTimeout(300_000);
	const env: NodeJS.ProcessEnv = {
		...process.env,
		SIGHTLINE_INCIDENT: FIXTURE,
		SIGHTLINE_OUT: OUT
	};
	delete env.SIGHTLINE_BASE_PATH;
	await run('npx', ['vite', 'build', '--logLevel', 'error'], env);
	server = spawn('node', ['scripts/serve.mjs', '--dir', OUT, '--port', String(PORT)], {
		env,
		stdio: 'ignore'
	});
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(`${SITE}/`)).ok) break;
		} catch {
			if (i > 100) throw new Error(`The server on ${PORT} did not start.`);
		}
		await new Promise((r) => setTimeout(r, 100));
	}
});

test.afterAll(() => {
	server?.kill();
});

test.afterEach(({ problems }) => {
	expect(problems, 'console errors, warnings or exceptions').toEqual([]);
});

/** Attributes anywhere in the page that came out as NaN, Infinity or "undefined". */
const badAttributes = (page: Page) =>
	page.evaluate(() => {
		const found: string[] = [];
		for (const el of document.querySelectorAll('*'))
			for (const name of el.getAttributeNames()) {
				const value = el.getAttribute(name) ?? '';
				if (/\bNaN\b|\bInfinity\b|\bundefined\b/.test(value))
					found.push(`<${el.localName} ${name}="${value.slice(0, 40)}">`);
			}
		return found;
	});

/** Each party node of the graph: its id and where it is drawn. */
const graphNodes = (page: Page) =>
	page
		.locator('svg.graph-plot .node')
		.evaluateAll((gs) =>
			gs.map((g) => ({ id: g.getAttribute('data-party-id'), at: g.getAttribute('transform') }))
		);

async function expectWholeGraph(page: Page) {
	await expect(page.locator('svg.graph-plot .node')).toHaveCount(IDS.length);
	const nodes = await graphNodes(page);
	expect(nodes.map((n) => n.id).sort()).toEqual([...IDS].sort());
	for (const n of nodes) expect(n.at, n.id!).toMatch(/^translate\(-?[\d.]+,-?[\d.]+\)$/);
	await expect(page.locator('svg.graph-plot .edge')).toHaveCount(IDS.length);
	for (const d of await page
		.locator('svg.graph-plot .edge-line')
		.evaluateAll((ps) => ps.map((p) => p.getAttribute('d') ?? '')))
		expect(d).toMatch(/^M-?[\d.]+,-?[\d.]+ /);
	expect(await page.locator('svg.graph-plot circle.pin').count(), 'pinned rings').toBe(0);
	expect(await badAttributes(page)).toEqual([]);
}

const go = async (page: Page, path: string) => {
	const res = await page.goto(SITE + path);
	expect(res?.status(), path).toBe(200);
};

test('the timeline shows every event, in lanes by side, by category and by party', async ({
	page
}) => {
	for (const lanes of ['side', 'category', 'party']) {
		await go(page, `/?lanes=${lanes}`);
		for (const id of IDS)
			await expect(page.locator(`a.mark[data-event-id="${id}"]`), `${lanes}: ${id}`).toHaveCount(1);
		const names = await page.locator('.lane-label').allTextContents();
		const prefix = { side: 'Side', category: 'Category', party: 'Party' }[lanes]!;
		// The party with a short name is named by it in its lane.
		expect(names.map((n) => n.replace(/^P /, 'Party ')).sort()).toEqual(
			IDS.map((id) => `${prefix} ${id}`).sort()
		);
		expect(await badAttributes(page)).toEqual([]);
	}
	// Filters by such ids keep exactly their events.
	await go(page, '/?cats=constructor,valueof');
	await expect(page.locator('a.mark[data-event-id]')).toHaveCount(2);
	await go(page, '/?parties=tostring');
	// The prerendered page shows every event until its scripts apply the filter.
	await expect(page.locator('a.mark[data-event-id]')).toHaveCount(2);
	const shown = await page
		.locator('a.mark[data-event-id]')
		.evaluateAll((as) => as.map((a) => a.getAttribute('data-event-id')).sort());
	// Its own event, and the event of the party before it, which targets it.
	expect(shown).toEqual(['propertyisenumerable', 'tostring']);
});

test('the graph draws every party and relation where the layout put them', async ({ page }) => {
	await go(page, '/?view=graph');
	await expectWholeGraph(page);
	const labels = (await page.locator('svg.graph-plot text.node-label').allTextContents()).sort();
	expect(labels).toEqual(IDS.map((id) => (id === 'tolocalestring' ? 'P ' : 'Party ') + id).sort());

	// Selecting "constructor" shows its card; dragging it pins it, and only it.
	const node = page.locator('.node[data-party-id="constructor"]');
	// On its upper half: a name placed just below may begin at the shape's middle line (a click
	// there selects the same party, but is not the shape's own).
	const shape = (await node.boundingBox())!;
	await node.click({ position: { x: shape.width / 2, y: shape.height / 4 } });
	await expect(page.getByRole('region', { name: 'Selected party' })).toContainText(
		'Party constructor'
	);
	const box = (await node.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 4);
	await page.mouse.down();
	await page.mouse.move(box.x + 60, box.y + 40, { steps: 5 });
	await page.mouse.up();
	await expect(page.getByRole('button', { name: 'Reset layout (1 moved)' })).toBeVisible();
	await expect(page.locator('svg.graph-plot circle.pin')).toHaveCount(1);
	await expect(node.locator('circle.pin')).toHaveCount(1);
	await page.getByRole('button', { name: 'Reset layout (1 moved)' }).click();
	await expect(page.locator('svg.graph-plot circle.pin')).toHaveCount(0);

	// Both views, with a party selected from the address.
	await go(page, '/?view=both&party=constructor&rel=valueof');
	await expectWholeGraph(page);
	await expect(page.getByRole('region', { name: 'Selected relation' })).toContainText(
		'Relation valueof.'
	);
});

test('the claims page shows every casualty figure and every version', async ({ page }) => {
	await go(page, '/claims');
	const main = page.locator('main');
	const text = await main.evaluate((el) => el.textContent ?? '');
	for (const id of IDS)
		expect(text, `the figure claimed by ${id}`).toContain(
			id === 'tolocalestring' ? 'P ' + id : `Party ${id}`
		);
	// Figures, most-claimed event first; then versions, in time order (tostring is known only by
	// its date, so it comes after that day's timed events).
	await expect(main.locator('article.question h3')).toHaveText([
		'Event constructor',
		'Event tostring',
		'Event constructor',
		'Event tostring'
	]);
	for (const claim of ['constructor', 'valueof', 'tostring', 'hasownproperty'])
		expect(text).toContain(`Claim ${claim}:`);
	expect(await badAttributes(page)).toEqual([]);
});

test('the sources page lists every source with what cites it', async ({ page }) => {
	await go(page, '/sources');
	for (const id of IDS) {
		const item = page.locator(`li#source-${id}`);
		await expect(item.locator('a.title')).toHaveText(`Source ${id}`);
		await expect(item).toContainText(`Event ${id}`);
	}
});

test('the map marks every place, and a place chosen by its id keeps its event', async ({
	page
}) => {
	await go(page, '/');
	await expect(page.locator('g.place[data-place-id]')).toHaveCount(IDS.length);
	const places = await page
		.locator('g.place[data-place-id]')
		.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-place-id')).sort());
	expect(places).toEqual([...IDS].sort());
	await go(page, '/?place=constructor');
	await expect(page.locator('a.mark[data-event-id]')).toHaveCount(1);
	await expect(page.locator('a.mark[data-event-id="constructor"]')).toHaveCount(1);
	expect(await badAttributes(page)).toEqual([]);
});

test('every event page and every party page shows its record', async ({ page }) => {
	test.setTimeout(120_000);
	for (const id of IDS) {
		await go(page, `/events/${id}`);
		await expect(page.locator('h1#event-title')).toHaveText(`Event ${id}`);
		const panel = page.locator('aside.panel');
		await expect(panel).toContainText(`Party ${id}`);
		await expect(panel).toContainText(`Source ${id}`);
		await expect(panel).toContainText(`Category ${id}`);
		await expect(page.locator(`a.mark[data-event-id="${id}"]`)).toHaveCount(1);
		expect(await badAttributes(page), `/events/${id}`).toEqual([]);

		await go(page, `/parties/${id}`);
		await expect(page.locator('h1')).toHaveText(`Party ${id}`);
		const main = page.locator('main');
		await expect(main).toContainText(`Event ${id}`);
		await expect(main).toContainText(`Side ${id}`);
		await expect(main).toContainText(`Source ${id}`);
		expect(await badAttributes(page), `/parties/${id}`).toEqual([]);
	}
	await go(page, '/events/constructor');
	await expect(page.locator('aside.panel')).toContainText('Claim constructor:');
});

test('a briefing step with every event and party in focus shows them all', async ({ page }) => {
	await go(page, '/brief/constructor/2');
	await page.locator('[data-ready]').first().waitFor();
	for (const id of IDS) await expect(page.locator(`a.mark[data-event-id="${id}"]`)).toHaveCount(1);
	await expect(page.locator('svg.graph-plot .node')).toHaveCount(IDS.length);
	for (const n of await graphNodes(page))
		expect(n.at, n.id!).toMatch(/^translate\(-?[\d.]+,-?[\d.]+\)$/);
	expect(await badAttributes(page)).toEqual([]);
	await go(page, '/brief/tostring/1');
	await page.locator('[data-ready]').first().waitFor();
	const main = page.locator('main');
	await expect(main).toContainText('Step tostring');
	// Its claims view: the figures of "tostring" by each claimant, and both versions.
	for (const who of ['P tolocalestring', 'Party tostring', 'Party valueof', 'Claim hasownproperty'])
		await expect(main).toContainText(who);
	await expect(page.locator('g.place[data-place-id="tostring"]')).toHaveCount(1);
});

/** Saves a figure by its export button, and checks it parses as XML in the browser. */
async function exportedSvg(page: Page): Promise<string> {
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export SVG' }).first().click()
	]);
	const svg = readFileSync((await download.path())!, 'utf8');
	const error = await page.evaluate(
		(text) =>
			new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror')
				?.textContent ?? null,
		svg
	);
	expect(error, 'the exported SVG is XML').toBeNull();
	return svg;
}

test('the timeline and graph export with every party and event, and as PNG', async ({ page }) => {
	await go(page, '/?view=both');
	await expect(page.locator('svg.graph-plot .node')).toHaveCount(IDS.length);
	const svg = await exportedSvg(page);
	expect(svg).not.toMatch(/NaN/);
	for (const id of IDS) {
		expect(svg, `event ${id}`).toContain(`Event ${id}`);
		expect(svg, `party ${id}`).toContain(id === 'tolocalestring' ? `P ${id}` : `Party ${id}`);
	}
	const [png] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export PNG' }).first().click()
	]);
	expect(png.suggestedFilename()).toMatch(/\.png$/);
});

test('the published model opens through /open with the same graph', async ({ page }) => {
	await go(page, '/open?src=/data/constructor.json&view=graph');
	await expect(page.locator('.workspace')).toBeVisible({ timeout: 30_000 });
	await expectWholeGraph(page);
});
