import { expect, expectNoAxeViolations, test } from './fixtures';

test('the home page has no axe violations', async ({ page }) => {
	await page.goto('/');
	await expect(page.locator('svg.plot')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('an event page with versions and casualty claims has no axe violations', async ({
	page,
	model
}) => {
	const withCasualties = model.casualties[0]?.event ?? model.events[0]!.id;
	await page.goto(`/events/${withCasualties}`);
	await expect(page.locator('#event-title')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the 404 page has no axe violations', async ({ page }) => {
	await page.goto('/events/not-a-real-event');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectNoAxeViolations(page);
});

test('the graph and timeline side by side have no axe violations', async ({ page }) => {
	await page.goto('/?view=both&party=russia');
	await expect(page.locator('svg.graph-plot')).toBeVisible();
	await expectNoAxeViolations(page);
});

test('a party page has no axe violations', async ({ page }) => {
	await page.goto('/parties/russian-mod');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expectNoAxeViolations(page);
});

const BRIEF_PAGES: [string, string][] = [
	['a briefing step in the light projector theme', '/brief/strike-and-calls/7'],
	['a briefing step in the dark projector theme', '/brief/seventy-two-hours/6?theme=dark'],
	['a briefing step with a graph, dark', '/brief/seventy-two-hours/2?theme=dark'],
	['the presenter view', '/brief/strike-and-calls/3/presenter'],
	['the briefing cover', '/brief/strike-and-calls'],
	['the handout', '/brief/strike-and-calls/handout'],
	['the page to open an incident', '/open'],
	['a refused address', '/open?src=https://example.org/x.json'],
	['an opened incident', '/open?src=/data/deir-ez-zor-2016.json&view=both']
];
for (const [name, path] of BRIEF_PAGES)
	test(`${name} has no axe violations`, async ({ page }) => {
		await page.goto(path);
		await page.locator('[data-ready], h1').first().waitFor();
		if (path.startsWith('/open?'))
			await page.locator('.workspace, [role=alert]').first().waitFor({ timeout: 30_000 });
		await page.waitForLoadState('networkidle');
		await expectNoAxeViolations(page);
	});

test('in forced colours, pressed toggles and the selected event keep a visible mark', async ({
	page
}) => {
	await page.emulateMedia({ forcedColors: 'active' });
	await page.goto('/events/russian-first-call');
	await page.locator('[data-testid=event-time]').waitFor();
	const outline = (selector: string) =>
		page
			.locator(selector)
			.first()
			.evaluate((el) => {
				const s = getComputedStyle(el);
				return `${s.outlineStyle} ${parseFloat(s.outlineWidth) > 0}`;
			});
	// The pressed view button, a pressed category and the selected mark.
	expect(await outline('.button[aria-pressed="true"]')).toBe('solid true');
	const halo = await page.locator('a.mark[aria-current="true"] .halo').evaluate((el) => {
		const s = getComputedStyle(el);
		return { stroke: s.stroke, width: parseFloat(s.strokeWidth) };
	});
	expect(halo.stroke).not.toBe('none');
	expect(halo.width).toBeGreaterThanOrEqual(3);
	// The legend's key to side colours keeps its colours, as the marks do.
	expect(
		await page
			.locator('.swatch')
			.first()
			.evaluate((el) => getComputedStyle(el).backgroundColor)
	).toBe('rgb(0, 114, 178)');
	await page.locator('.chip').first().click();
	expect(await outline('.chip[aria-pressed="true"]')).toBe('solid true');
	await page.screenshot({ path: 'screenshots/forced-colours-desktop.png' });
	await expectNoAxeViolations(page);
});

/**
 * On a phone too, with the WCAG 2.2 rules (issue 23): target-size (2.5.8) found the steps of a
 * briefing 5 px wide there, and the masthead's links 20 px tall on pages without a title.
 */
const PHONE_PAGES: [string, string][] = [
	['the home page', '/'],
	['an event page', '/events/russian-first-call'],
	['a party page with citation marks side by side', '/parties/russian-mod'],
	['the claims page', '/claims'],
	['the sources page', '/sources'],
	['the list of briefings', '/brief'],
	['a briefing cover', '/brief/strike-and-calls'],
	['a briefing step of eleven', '/brief/strike-and-calls/7'],
	['a briefing step of fourteen, dark', '/brief/seventy-two-hours/2?theme=dark'],
	['the presenter view', '/brief/strike-and-calls/3/presenter'],
	['the handout', '/brief/strike-and-calls/handout'],
	['the page to open an incident', '/open'],
	['an opened incident', '/open?src=/data/deir-ez-zor-2016.json&view=both'],
	['the graph with a party selected', '/?view=both&party=russia'],
	['the 404 page', '/events/not-a-real-event']
];
test.describe('on a phone (390 × 844)', () => {
	test.use({
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true,
		deviceScaleFactor: 3
	});
	for (const [name, path] of PHONE_PAGES)
		test(`${name} has no axe violations`, async ({ page }) => {
			await page.goto(path);
			await page.locator('[data-ready], h1').first().waitFor();
			if (path.startsWith('/open?'))
				await page.locator('.workspace').first().waitFor({ timeout: 30_000 });
			await page.waitForLoadState('networkidle');
			await expectNoAxeViolations(page);
		});
});

test('each step of a briefing is a target of at least 24 × 24 px, on a phone and a projector', async ({
	page
}) => {
	for (const size of [
		{ width: 390, height: 844 },
		{ width: 1280, height: 720 }
	]) {
		await page.setViewportSize(size);
		for (const path of ['/brief/strike-and-calls/7', '/brief/seventy-two-hours/2']) {
			await page.goto(path);
			await page.locator('[data-ready]').first().waitFor();
			const boxes = await page
				.locator('nav.progress a.tick')
				.evaluateAll((ticks) => ticks.map((t) => t.getBoundingClientRect().toJSON()));
			expect(boxes.length).toBeGreaterThan(10);
			for (const b of boxes) {
				expect(b.width, `${size.width} px ${path}`).toBeGreaterThanOrEqual(24);
				expect(b.height, `${size.width} px ${path}`).toBeGreaterThanOrEqual(24);
			}
			// And nothing scrolls sideways for them.
			expect(
				await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth
				)
			).toBeLessThanOrEqual(1);
		}
	}
});
