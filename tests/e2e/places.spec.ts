import { expect, test } from './fixtures';

test.afterEach(({ problems }) => {
	expect(problems, 'console errors, warnings or exceptions').toEqual([]);
});

const THARDA = 'jabal-al-tharda-hills-south-west-of-deir-ez-zor-airport';

test('choosing a place on the map filters the timeline to its events', async ({ page, model }) => {
	await page.goto('/?from=2016-09-09T00:00:00Z&to=2016-09-23T00:00:00Z');
	const place = page.locator(`figure.locator .place[data-place-id="${THARDA}"]`);
	await expect(place).toBeVisible();
	// Country outlines arrive from the bundled boundary package, loaded on demand.
	await expect(page.locator('figure.locator .land').first()).toBeAttached();
	await place.click();
	await expect(page).toHaveURL(new RegExp(`place=${THARDA}`));
	// A place is a name at a point: other names given the same coordinates are places of their own.
	const here = model.events.filter(
		(e) => e.location?.name === 'Jabal al-Tharda, hills south-west of Deir ez-Zor airport'
	);
	await expect(page.locator('.count strong')).toHaveText(String(here.length));
	for (const id of await page
		.locator('a.mark')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id'))))
		expect(here.map((e) => e.id)).toContain(id);
	await page.getByRole('button', { name: 'Show all places' }).click();
	await expect(page).not.toHaveURL(/place=/);
});

test('the list of places chooses a place as the map does, and says which is chosen', async ({
	page
}) => {
	await page.goto('/?from=2016-09-09T00:00:00Z&to=2016-09-23T00:00:00Z');
	const choice = page.locator(`button.place-choice[data-place-id="${THARDA}"]`);
	await choice.click();
	await expect(page).toHaveURL(new RegExp(`place=${THARDA}`));
	await expect(choice).toHaveAttribute('aria-pressed', 'true');
	await expect(page.locator(`figure.locator .place.lit[data-place-id="${THARDA}"]`)).toBeVisible();
	await choice.click();
	await expect(page).not.toHaveURL(/place=/);
});

test('an event with a location shows its place highlighted on the map', async ({ page }) => {
	await page.goto('/events/strike-window-us-investigation');
	await expect(page.locator(`figure.locator .place.lit[data-place-id="${THARDA}"]`)).toBeVisible();
	await expect(page.locator(`figure.locator .place.lit`)).toHaveAttribute(
		'aria-label',
		/approximate location/
	);
});

test('the map arrives in the place held for it: nothing below it moves', async ({ page }) => {
	// Hold back the map's own code (d3-geo's projections; the chunk that styles place names),
	// loaded after the page starts.
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\.js$/, async (route) => {
		let response: Awaited<ReturnType<typeof route.fetch>>;
		let body: string;
		try {
			response = await route.fetch();
			body = await response.text();
		} catch {
			// A request the browser gave up on while it was being read (its answer is disposed).
			return route.continue().catch(() => {});
		}
		if (body.includes('place-name')) await held;
		await route.fulfill({ response, body });
	});
	await page.goto('/');
	const waiting = page.locator('figure.locator.waiting');
	await expect(waiting).toBeVisible();
	// The page is drawn and settled; only the map is still to come.
	await expect(page.locator('svg.plot')).toBeVisible();
	await page.waitForTimeout(500);
	await expect(waiting).toBeVisible();
	const heading = page.getByRole('heading', { name: 'Reading the timeline' });
	const before = (await waiting.boundingBox())!;
	const below = (await heading.boundingBox())!;
	release();
	await expect(page.locator('figure.locator .place').first()).toBeVisible();
	await expect(waiting).toHaveCount(0);
	const after = (await page.locator('figure.locator').boundingBox())!;
	expect(Math.abs(after.height - before.height)).toBeLessThan(0.5);
	expect(Math.abs((await heading.boundingBox())!.y - below.y)).toBeLessThan(0.5);
});
