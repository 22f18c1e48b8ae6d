import type { Page } from '@playwright/test';
import { expect, settledWindow, test } from './fixtures';

test.afterEach(({ problems }) => {
	expect(problems, 'console errors, warnings or exceptions').toEqual([]);
});

type Point = { x: number; y: number };

/** Real touch input through the DevTools protocol: one or two fingers moving together. */
async function touchGesture(page: Page, from: Point[], to: Point[], steps = 8) {
	const cdp = await page.context().newCDPSession(page);
	const at = (k: number) =>
		from.map((p, i) => ({
			x: p.x + ((to[i]!.x - p.x) * k) / steps,
			y: p.y + ((to[i]!.y - p.y) * k) / steps,
			id: i
		}));
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
	for (let k = 1; k <= steps; k++)
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(k) });
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	await cdp.detach();
}

test('on a phone the timeline pans by touch, pinches to zoom, and a tap opens the event below', async ({
	page
}) => {
	await page.goto('/');
	const start = await settledWindow(page);
	// The summary comes first on a phone: the timeline is further down.
	await page
		.locator('svg.plot')
		.evaluate((el) => scrollBy(0, el.getBoundingClientRect().top - 120));
	const box = (await page.locator('svg.plot').boundingBox())!;
	const y = box.y + 30;

	await touchGesture(page, [{ x: box.x + 80, y }], [{ x: box.x + 280, y }]);
	const panned = await settledWindow(page, start);
	expect(panned[0]).toBeLessThan(start[0]);

	const cx = box.x + box.width / 2;
	await touchGesture(
		page,
		[
			{ x: cx - 20, y },
			{ x: cx + 20, y }
		],
		[
			{ x: cx - 120, y },
			{ x: cx + 120, y }
		]
	);
	const pinched = await settledWindow(page, panned);
	expect(pinched[1] - pinched[0]).toBeLessThan((panned[1] - panned[0]) / 2);

	await page.goto('/');
	await settledWindow(page);
	const target = page.locator('a.mark').first();
	const id = (await target.getAttribute('data-event-id'))!;
	await target.scrollIntoViewIfNeeded();
	await target.tap();
	await expect(page).toHaveURL(new RegExp(`/events/${id}`));
	await expectSheetOver(page, id);
});

/** The event's card is a sheet at the screen's bottom, its title on screen, its mark above it. */
async function expectSheetOver(page: Page, id: string) {
	const screen = page.viewportSize()!;
	const title = page.locator('#event-title');
	await expect(title).toBeInViewport();
	const sheet = (await page.locator('aside.panel').boundingBox())!;
	expect(sheet.y + sheet.height).toBeCloseTo(screen.height, 0);
	expect(sheet.height).toBeLessThanOrEqual(screen.height * 0.56);
	await expect
		.poll(
			async () => {
				const mark = await page.locator(`a.mark[data-event-id="${id}"]`).boundingBox();
				return mark !== null && mark.y >= 0 && mark.y + mark.height <= sheet.y;
			},
			{ message: 'the mark on screen above the sheet' }
		)
		.toBe(true);
}

test('a shared event link on a phone opens with the card on screen and the mark above it', async ({
	page,
	model
}) => {
	const id = model.incident.keyMoments[0]!;
	await page.goto(`/events/${id}`);
	await expectSheetOver(page, id);
	// Home, with no event chosen, offers the summary before the timeline.
	await page.goto('/');
	await expect(page.locator('svg.plot')).toBeVisible();
	const panel = (await page.locator('aside.panel').boundingBox())!;
	const plot = (await page.locator('svg.plot').boundingBox())!;
	expect(panel.y).toBeLessThan(plot.y);
});

test('nothing overflows the phone screen sideways', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('svg.plot')).toBeVisible();
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
});

test('on a phone the graph sits below the controls and a tap selects a party', async ({ page }) => {
	await page.goto('/?view=graph');
	const node = page.locator('.node[data-party-id="russia"]');
	await expect(node).toBeVisible();
	await node.tap();
	await expect(page).toHaveURL(/party=russia/);
	await expect(page.getByRole('region', { name: 'Selected party' })).toContainText('Russia');
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - document.documentElement.clientWidth
	);
	expect(overflow).toBeLessThanOrEqual(0);
});

test('on a phone a briefing step draws its graph at a readable size, its parties named', async ({
	page,
	model
}) => {
	const steps = model.storylines.flatMap((story) => {
		const i = story.steps.findIndex((s) => s.views.includes('graph') && s.parties.length);
		return i < 0 ? [] : [{ url: `/brief/${story.id}/${i + 1}`, parties: story.steps[i]!.parties }];
	});
	test.skip(steps.length === 0, 'no step of this incident shows the graph');
	for (const { url, parties } of steps) {
		await page.goto(url);
		const plot = page.locator('.fig-graph .plot-wrap');
		await plot.scrollIntoViewIfNeeded();
		const box = (await plot.boundingBox())!;
		// A scrolled page, not a slide: the graph takes most of a screen.
		expect(box.height, url).toBeGreaterThan(page.viewportSize()!.height * 0.5);
		for (const id of parties)
			await expect(
				plot.locator(`.name[data-party-id="${id}"] text`),
				`${url}: ${id} named`
			).toHaveText(/\S/);
	}
});
