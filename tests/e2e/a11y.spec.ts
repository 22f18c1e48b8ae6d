import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

const scan = (page: import('@playwright/test').Page) =>
	new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();

test('the home page has no axe violations', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('svg.plot')).toBeVisible();
	const { violations } = await scan(page);
	expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('an event page with versions and casualty claims has no axe violations', async ({
	page,
	model
}) => {
	const withCasualties = model.casualties[0]?.event ?? model.events[0]!.id;
	await page.goto(`/events/${withCasualties}`);
	await expect(page.locator('#event-title')).toBeVisible();
	const { violations } = await scan(page);
	expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('the 404 page has no axe violations', async ({ page }) => {
	await page.goto('/events/not-a-real-event');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const { violations } = await scan(page);
	expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('the graph and timeline side by side have no axe violations', async ({ page }) => {
	await page.goto('/?view=both&party=russia');
	await expect(page.locator('svg.graph-plot')).toBeVisible();
	const { violations } = await scan(page);
	expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('a party page has no axe violations', async ({ page }) => {
	await page.goto('/parties/russian-mod');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	const { violations } = await scan(page);
	expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});
