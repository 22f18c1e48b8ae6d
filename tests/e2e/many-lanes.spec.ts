/**
 * A timeline of a thousand lanes (lanes by party, on an incident of a thousand parties): only
 * the lanes on screen are in the page and on the canvas, the page still scrolls the whole
 * height with the axis kept in sight, and a mark far down the page is found under the pointer
 * and selects its event.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthIncident } from '../../src/lib/bench/synth';
import { expect, test } from './fixtures';

const FILE = 'synthetic-e2e-10000-p1000.json';

test.beforeAll(() => {
	mkdirSync(join('build', 'e2e'), { recursive: true });
	writeFileSync(
		join('build', 'e2e', FILE),
		JSON.stringify(synthIncident({ events: 10_000, parties: 1000 }))
	);
});

test.afterEach(({ problems }) => {
	expect(problems, 'console errors, warnings or exceptions').toEqual([]);
});

/** Names of the lanes whose labels are in the page. */
const laneNames = (page: import('@playwright/test').Page) =>
	page.locator('.lane-label').allTextContents();

test('a thousand lanes: the page holds a screenful of them, and scrolling brings the rest', async ({
	page
}) => {
	await page.goto(`/open?src=/e2e/${FILE}&lanes=party`);
	await expect(page.locator('.workspace')).toBeVisible({ timeout: 30_000 });
	await expect(page.locator('.lane-label').first()).toBeVisible();

	// The timeline is as tall as every lane together, but only those on screen are drawn.
	const plotHeight = Number(await page.locator('svg.plot').getAttribute('height'));
	// At the top of the page the plot's own axis is in sight: no second one.
	await expect(page.locator('.axis-head')).toHaveCount(0);
	expect(plotHeight).toBeGreaterThan(20_000);
	const top = await laneNames(page);
	expect(top.length).toBeGreaterThan(3);
	expect(top.length).toBeLessThan(40);
	expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(3000);

	// Scroll most of the way down: other lanes replace the first ones, and the canvas follows.
	await page.evaluate((h) => scrollTo(0, h * 0.8), plotHeight);
	await expect.poll(async () => (await laneNames(page))[0]).not.toBe(top[0]);
	const below = await laneNames(page);
	expect(below.length).toBeLessThan(40);
	expect(below.filter((n) => top.includes(n))).toEqual([]);
	// The axis stays at the top of the screen, with its dates, while the lanes scroll under it.
	const head = page.locator('.axis-head');
	await expect(head).toBeVisible();
	expect((await head.boundingBox())!.y).toBeCloseTo(0, 0);
	await expect(head.locator('.tick-label').first()).not.toBeEmpty();
	const canvas = (await page.locator('.timeline canvas.marks').boundingBox())!;
	expect(canvas.y).toBeLessThan(10);
	expect(canvas.y + canvas.height).toBeGreaterThan(page.viewportSize()!.height - 10);

	// An exported figure is what the screen shows: the lanes in sight, under the axis.
	const { readFileSync } = await import('node:fs');
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export SVG' }).first().click()
	]);
	const figure = readFileSync((await download.path())!).toString('utf8');
	const figureHeight = Number(figure.match(/^<svg[^>]* height="(\d+)"/)![1]);
	expect(figureHeight).toBeLessThan(page.viewportSize()!.height + 400);
	const inSight = await page.evaluate(() =>
		[...document.querySelectorAll('.lane-label')]
			.filter((l) => {
				const r = l.getBoundingClientRect();
				return r.top > 60 && r.bottom < innerHeight;
			})
			.map((l) => l.textContent!)
	);
	expect(inSight.length).toBeGreaterThan(0);
	// Lane names are set in capitals on screen, and so in the figure.
	const upper = figure.toUpperCase();
	const has = (text: string) => upper.includes(`>${text.toUpperCase()}</TEXT>`);
	expect(inSight.filter(has), 'lanes in sight, in the figure').toEqual(inSight);
	expect(has(top[0]!), 'a lane from the top of the page, in the figure').toBe(false);
	const ticks = await head.locator('.tick-label').allTextContents();
	expect(has(ticks[0]!), 'the axis, in the figure').toBe(true);

	// A mark drawn down there answers the pointer and opens its event.
	const lanes = page.locator('rect.lane');
	let found = false;
	for (let l = 0; l < (await lanes.count()) && !found; l++) {
		const lane = (await lanes.nth(l).boundingBox())!;
		if (lane.y < 0 || lane.y + 60 > page.viewportSize()!.height) continue;
		for (let x = lane.x + 20; x < lane.x + lane.width - 20 && !found; x += 6) {
			await page.mouse.move(x, lane.y + 8 + 13 + 12);
			found =
				(await page.locator('.hover-box').isVisible()) &&
				!/more events? here/.test((await page.locator('.tip strong').textContent())!);
			if (found) {
				const title = (await page.locator('.tip strong').textContent())!;
				await page.mouse.click(x, lane.y + 8 + 13 + 12);
				await expect(page).toHaveURL(/[?&]event=/);
				await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
			}
		}
	}
	expect(found, 'a mark under the pointer in a lane far down the page').toBe(true);

	// Stepping to the next events by keyboard brings each one's lane into sight, wherever it is.
	for (let step = 0; step < 3; step++) {
		const before = new URL(page.url()).searchParams.get('event');
		await page.keyboard.press('n');
		await expect.poll(() => new URL(page.url()).searchParams.get('event')).not.toBe(before);
		await expect(page.locator('a.mark.selected')).toBeInViewport();
	}
});
