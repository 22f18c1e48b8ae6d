/**
 * A party graph of 2,000 parties and 5,000 relations, opened by address: it is drawn on a canvas
 * with only the interactive parts in SVG, so the page stays small; it zooms; a party drawn on the
 * canvas is selected by clicking it, and any party is reached by keyboard, both across the
 * picture and through the list of parties. Behaviour only: the bench measures the frames.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { synthIncident } from '../../src/lib/bench/synth';
import { expect, test } from './fixtures';

const FILE = 'synthetic-e2e-graph-2000.json';
const PAGE = `/open?src=/e2e/${FILE}&view=graph`;

test.beforeAll(() => {
	mkdirSync(join('build', 'e2e'), { recursive: true });
	writeFileSync(
		join('build', 'e2e', FILE),
		JSON.stringify(synthIncident({ events: 1000, parties: 2000, relations: 5000 }))
	);
});

test.afterEach(({ problems }) => {
	expect(problems, 'console errors, warnings or exceptions').toEqual([]);
});

/** Opens the big graph and waits for the worker's layout to be drawn. */
async function openGraph(page: Page) {
	await page.goto(PAGE);
	await expect(page.locator('.workspace')).toBeVisible({ timeout: 30_000 });
	await expect(page.locator('.graph canvas.under')).toHaveCount(1, { timeout: 30_000 });
	await expect(page.locator('.layout-progress')).toHaveCount(0, { timeout: 30_000 });
	// The one party the Tab key enters the picture at is drawn in SVG.
	await expect(page.locator('.graph-plot .node[tabindex="0"]')).toHaveCount(1, { timeout: 30_000 });
}

/** Where the party is on screen, from its SVG group's translate. */
async function nodeAt(page: Page, id: string) {
	const box = (await page.locator('svg.graph-plot').boundingBox())!;
	const t = (await page
		.locator(`.graph-plot .node[data-party-id="${id}"]`)
		.getAttribute('transform'))!;
	const [x, y] = /translate\(([-\d.e]+),([-\d.e]+)\)/.exec(t)!.slice(1).map(Number);
	return { x: box.x + x!, y: box.y + y! };
}

/** Sweeps the pointer over the plot until a party drawn on the canvas is under it. */
async function findCanvasParty(page: Page) {
	const box = (await page.locator('svg.graph-plot').boundingBox())!;
	const stop = await page.locator('.graph-plot .node[tabindex="0"]').getAttribute('data-party-id');
	for (let y = box.y + box.height * 0.3; y < box.y + box.height * 0.7; y += 9)
		for (let x = box.x + box.width * 0.3; x < box.x + box.width * 0.7; x += 9) {
			await page.mouse.move(x, y);
			if (!(await page.locator('svg.graph-plot.pointing').count())) continue;
			const ids = await page
				.locator('.graph-plot .node')
				.evaluateAll((els) => els.map((e) => e.getAttribute('data-party-id')));
			const hovered = ids.find((id) => id !== stop);
			if (hovered) return { id: hovered, x, y };
		}
	return null;
}

test('a 2,000-party graph draws on a canvas, keeps the page small, and zooms', async ({ page }) => {
	await openGraph(page);
	// Thousands of parties and relations, a handful of SVG elements.
	expect(await page.locator('.graph-plot .node').count()).toBeLessThan(20);
	expect(await page.locator('.graph-plot .edge').count()).toBeLessThan(20);
	expect(await page.locator('.graph *').count()).toBeLessThan(400);
	await expect(page.locator('.graph .count')).toContainText('of 5000 relations');

	// Zoom in around the tab-stop party: the parties spread out from it.
	const id = (await page.locator('.graph-plot .node[tabindex="0"]').getAttribute('data-party-id'))!;
	const box = (await page.locator('svg.graph-plot').boundingBox())!;
	const before = await nodeAt(page, id);
	const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
	await page.mouse.move(centre.x, centre.y);
	for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -200);
	await expect
		.poll(async () => {
			const after = await nodeAt(page, id);
			return Math.hypot(after.x - centre.x, after.y - centre.y);
		})
		.toBeGreaterThan(Math.hypot(before.x - centre.x, before.y - centre.y) * 1.5);
});

test('a party drawn on the canvas is selected by clicking it, and its relations by theirs', async ({
	page
}) => {
	await openGraph(page);
	const found = await findCanvasParty(page);
	expect(found, 'a party under the pointer somewhere in the middle of the picture').not.toBeNull();
	await page.mouse.click(found!.x, found!.y);
	await expect(page).toHaveURL(new RegExp(`[?&]party=${found!.id}(&|$)`));
	await expect(page.locator(`.graph-plot .node[data-party-id="${found!.id}"]`)).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	const card = page.getByRole('region', { name: 'Selected party' });
	await expect(card).toBeVisible();
	// Its relations in the window are in SVG, highlighted and clickable.
	const edges = page.locator('.graph-plot .edge.highlighted');
	expect(await edges.count()).toBeGreaterThan(0);
	const relation = (await edges.first().getAttribute('data-relation-id'))!;
	// Click along the relation where no other party lies under the pointer (the picture is dense).
	const path = edges.first().locator('.edge-hit');
	let clicked = false;
	for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
		const p = await path.evaluate((el: SVGPathElement, t) => {
			const q = el.getPointAtLength(el.getTotalLength() * t);
			const r = el.ownerSVGElement!.getBoundingClientRect();
			return { x: r.left + q.x, y: r.top + q.y };
		}, t);
		await page.mouse.move(p.x, p.y);
		const under = await page.evaluate(
			({ x, y }) =>
				document.elementFromPoint(x, y)?.closest('.edge')?.getAttribute('data-relation-id'),
			p
		);
		if (under !== relation) continue;
		await page.mouse.click(p.x, p.y);
		clicked = true;
		break;
	}
	expect(clicked, 'a point on the relation with no party over it').toBe(true);
	await expect(page).toHaveURL(new RegExp(`rel=${relation}`));
	await expect(page.getByRole('region', { name: 'Selected relation' })).toBeVisible();
});

test('the keyboard reaches parties across the picture and through the list', async ({ page }) => {
	await openGraph(page);
	const stop = page.locator('.graph-plot .node[tabindex="0"]');
	const first = (await stop.getAttribute('data-party-id'))!;
	await stop.focus();
	// An arrow key moves to the nearest party that way, drawn in SVG so it can hold focus.
	let moved: string | null = null;
	for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
		await page.keyboard.press(key);
		moved = await page.evaluate(
			() => document.activeElement?.getAttribute('data-party-id') ?? null
		);
		if (moved && moved !== first) break;
	}
	expect(moved).not.toBeNull();
	expect(moved).not.toBe(first);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`[?&]party=${moved}(&|$)`));

	// The list of parties: virtualised, every row a button that selects its party.
	await page.getByText('Parties in this window as a list').click();
	const list = page.getByRole('list', { name: /parties with a relation in the window/ });
	await expect(list).toBeVisible();
	const rows = await list.locator('li').count();
	expect(rows).toBeGreaterThan(3);
	expect(rows).toBeLessThan(40);
	await list.locator('button').first().focus();
	await page.keyboard.press('End');
	const last = page.locator(':focus');
	await expect(last).toHaveAttribute(
		'data-row',
		String(
			Number(/^[\d,]+/.exec((await list.getAttribute('aria-label'))!)![0].replace(/,/g, '')) - 1
		)
	);
	const id = (await last.getAttribute('data-party-id'))!;
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`[?&]party=${id}(&|$)`));
	await expect(page.locator(`.graph-plot .node[data-party-id="${id}"]`)).toHaveAttribute(
		'aria-pressed',
		'true'
	);
});
