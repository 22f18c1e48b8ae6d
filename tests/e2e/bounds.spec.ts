/**
 * Times known only within bounds: the timeline draws a fade between the earliest and latest,
 * and the event page, with or without JavaScript, says what the bounds are and what the time
 * rests on.
 */
import type { Locator, Page } from '@playwright/test';
import { SETTLE_MS } from '../../src/lib/explorer/settle';
import { expect, test } from './fixtures';

test.afterEach(({ problems }) => {
	expect(problems, 'console errors, warnings or exceptions').toEqual([]);
});

/**
 * The boxes of parts of a mark, read in one task once the typeface is in and the timeline at
 * rest: read one by one, a relayout between the reads (the labels measured once the font
 * arrives, the width first observed) could move one and not the other.
 */
async function boxesAtRest(page: Page, mark: Locator, parts: string[]) {
	await page.evaluate(async (settle) => {
		await document.fonts.ready;
		await new Promise((r) => setTimeout(r, settle + 20));
		for (let k = 0; k < 2; k++) await new Promise((r) => requestAnimationFrame(r));
	}, SETTLE_MS);
	return mark.evaluate(
		(m, parts) =>
			parts.map((part) => {
				const r = m.querySelector(part)!.getBoundingClientRect();
				return { x: r.x, width: r.width };
			}),
		parts
	);
}

test('a bounded call shows its fade on the timeline and its bounds in words', async ({ page }) => {
	await page.goto('/events/russian-first-call?from=2016-09-17T12:30:00Z&to=2016-09-17T14:30:00Z');
	await expect(page.getByTestId('event-bounds')).toHaveText(
		'Known only within bounds: between 16:25 and 16:45 Damascus, Sat 17 Sep 2016'
	);
	await expect(page.getByTestId('time-basis')).toContainText(
		'The time rests in part on a secondary source'
	);
	await expect(page.getByTestId('time-basis')).toContainText('Wikipedia');

	// The fade runs from the call's own time to the latest bound, 20 minutes on: on a two-hour
	// window about a sixth of the timeline's width, far wider than the dot it starts at.
	const mark = page.locator('a.mark[data-event-id="russian-first-call"]');
	const fade = mark.getByTestId('fade');
	await expect(fade).toHaveCount(1);
	const [dot, band] = await boxesAtRest(page, mark, ['circle.instant', '[data-testid="fade"]']);
	expect(band!.width).toBeGreaterThan(dot!.width * 4);
	expect(Math.abs(band!.x - (dot!.x + dot!.width / 2))).toBeLessThan(2);
	// Clear at the bounds, strongest at the time: a gradient, not a flat band.
	const stops = await page
		.locator(`linearGradient[id="${(await fade.getAttribute('fill'))!.slice(5, -1)}"] stop`)
		.evaluateAll((els) => els.map((el) => el.getAttribute('stop-opacity')));
	expect(stops).toEqual(['0', '0.5', '0.5', '0']);
	await expect(mark).toHaveAttribute('aria-label', /Time known only within bounds\./);

	// The words follow the chosen zone.
	await page.getByTestId('zone-select').selectOption('utc');
	await expect(page.getByTestId('event-bounds')).toHaveText(
		'Known only within bounds: between 13:25 and 13:45 UTC, Sat 17 Sep 2016'
	);
});

test('a date-only event bounded within its day: the fade sits inside the day band', async ({
	page
}) => {
	await page.goto(
		'/events/convoy-attack-urum-al-kubra?from=2016-09-19T06:00:00Z&to=2016-09-19T20:00:00Z'
	);
	await expect(page.getByTestId('event-bounds')).toHaveText(
		'Known only within bounds: between 13:30 and 20:15 Damascus, Mon 19 Sep 2016'
	);
	const mark = page.locator('a.mark[data-event-id="convoy-attack-urum-al-kubra"]');
	await expect(mark.getByTestId('fade')).toHaveCount(1);
	const [day, band] = await boxesAtRest(page, mark, ['rect.period', '[data-testid="fade"]']);
	expect(band!.x).toBeGreaterThan(day!.x);
	expect(band!.width).toBeLessThan(day!.width);
});

test('the bounds and the basis of a time are in the page without JavaScript', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/events/strike-halted');
	await expect(page.getByTestId('event-bounds')).toHaveText(
		'Known only within bounds: between 16:51 and 16:56 Damascus, Sat 17 Sep 2016'
	);
	await page.goto('/events/strike-window-us-investigation');
	await expect(page.getByTestId('time-basis')).toContainText(
		'The time rests on a secondary source, not on the primary document it reports: Wikipedia'
	);
	await expect(page.getByTestId('event-bounds')).toHaveCount(0);
	await context.close();
});

test('the handout states the bounds of the times it lists', async ({ page }) => {
	await page.goto('/brief/strike-and-calls/handout');
	await expect(page.locator('.bounds').first()).toContainText('known only within bounds: between');
	await expect(page.locator('li', { hasText: 'first call' }).first()).toContainText(
		'between 16:25 and 16:45 Damascus'
	);
});
