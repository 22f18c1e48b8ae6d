import { expect, mark, settledWindow, test, windowFromUrl } from './fixtures';

/** The Russian officer's first call to the coalition's operations centre. */
const CALL = 'russian-first-call';
const MINUTE = 60_000;

test.afterEach(({ problems }) => {
	expect(problems, 'console errors, warnings or exceptions').toEqual([]);
});

test('zoom from years to the minutes of the strike, select the Russian call, reload: same view', async ({
	page,
	model
}) => {
	test.setTimeout(90_000);
	const call = model.events.find((e) => e.id === CALL)!;
	expect(call, `event ${CALL} exists`).toBeTruthy();
	await page.goto('/?from=2014-09-01T00:00:00Z&to=2017-12-31T00:00:00Z');
	await expect(page.locator('.plot .tick-label.major').first()).toHaveText(/^20\d\d$/);

	// Zoom with the wheel over the call's instant until the axis shows minutes.
	const box = (await page.locator('svg.plot').boundingBox())!;
	const callTime = Date.parse(call.start);
	for (let i = 0; i < 40; i++) {
		const [a, b] = windowFromUrl(page) ?? [Date.parse('2014-09-01'), Date.parse('2017-12-31')];
		if (b - a < 90 * MINUTE) break;
		const x = box.x + ((callTime - a) / (b - a)) * box.width;
		await page.mouse.move(Math.min(Math.max(x, box.x + 5), box.x + box.width - 5), box.y + 25);
		await page.mouse.wheel(0, -600);
		await settledWindow(page, [a, b]);
	}
	const [a, b] = await settledWindow(page);
	expect(b - a).toBeLessThan(90 * MINUTE);
	await expect(page.locator('.plot .tick-label').first()).toHaveText(/^\d\d:\d\d$/);

	await mark(page, CALL).click();
	await expect(page).toHaveURL(new RegExp(`/events/${CALL}\\?from=`));
	await expect(page.locator('#event-title')).toHaveText(call.title);
	const urlBefore = page.url();
	const windowBefore = await settledWindow(page);

	await page.reload();
	await expect(page.locator('#event-title')).toHaveText(call.title);
	expect(await settledWindow(page)).toEqual(windowBefore);
	expect(page.url()).toBe(urlBefore);
	await expect(mark(page, CALL)).toHaveAttribute('aria-current', 'true');
});

test('a copied link opens the same view in a new browser', async ({
	page,
	browser,
	context,
	model
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto(
		`/events/${CALL}?from=2016-09-17T12:30:00Z&to=2016-09-17T14:30:00Z&tz=utc&lanes=category`
	);
	await expect(page.locator('.window-caption')).toHaveText('Sat 17 Sep 2016, 12:30–14:30 UTC');
	await page.getByTestId('copy-link').click();
	await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
	const copied = await page.evaluate(() => navigator.clipboard.readText());
	// The address on screen, pinned to the version of the data it shows.
	const expected = new URL(page.url());
	expected.searchParams.set('v', model.version!.id);
	expect(new URL(copied).searchParams.toString()).toBe(expected.searchParams.toString());
	expect(new URL(copied).pathname).toBe(expected.pathname);

	const other = await browser.newContext({ timezoneId: 'Asia/Tokyo' });
	const fresh = await other.newPage();
	await fresh.goto(copied);
	await expect(fresh.locator('.window-caption')).toHaveText('Sat 17 Sep 2016, 12:30–14:30 UTC');
	await expect(fresh.locator('#event-title')).toBeVisible();
	await expect(fresh.getByTestId('lanes-select')).toHaveValue('category');
	// The link names the data as it is: nothing to report as changed.
	await expect(fresh.getByTestId('changed-since')).toHaveCount(0);
	await other.close();
});

test('back and forward step through selections', async ({ page, model }) => {
	const [first, second] = model.incident.keyMoments;
	await page.goto('/');
	await settledWindow(page);
	await page.locator('body').press('1');
	await expect(page).toHaveURL(new RegExp(`/events/${first}`));
	await page.locator('body').press('2');
	await expect(page).toHaveURL(new RegExp(`/events/${second}`));
	await page.goBack();
	await expect(page).toHaveURL(new RegExp(`/events/${first}`));
	await expect(page.locator('#event-title')).toHaveText(
		model.events.find((e) => e.id === first)!.title
	);
	await page.goForward();
	await expect(page).toHaveURL(new RegExp(`/events/${second}`));
});

test('an event page opened cold shows the timeline around that event', async ({ page, model }) => {
	const call = model.events.find((e) => e.id === CALL)!;
	await page.goto(`/events/${CALL}`);
	await expect(mark(page, CALL)).toBeVisible();
	await expect(mark(page, CALL)).toHaveAttribute('aria-current', 'true');
	const [a, b] = await settledWindow(page);
	expect(a).toBeLessThan(Date.parse(call.start));
	expect(b).toBeGreaterThan(Date.parse(call.start));
	expect(b - a).toBeLessThan(6 * 60 * MINUTE);
});

test('the detail panel shows time in the chosen zone and UTC, parties, versions and sources', async ({
	page,
	model
}) => {
	const disputed = model.events.find(
		(e) => (e.claims?.length ?? 0) >= 2 && e.precision === 'minute'
	)!;
	await page.goto(`/events/${disputed.id}`);
	await expect(page.getByTestId('event-time')).toContainText('Damascus');
	await expect(page.locator('.when .utc')).toContainText('UTC');
	await expect(page.locator('.badge.disputed')).toBeVisible();
	await expect(page.locator('.cards .card')).toHaveCount(disputed.claims!.length);
	const firstSource = page.locator('.sources li a').first();
	await expect(firstSource).toHaveAttribute('target', '_blank');
	await expect(firstSource).toHaveAttribute('rel', /noopener/);
	await page.getByTestId('zone-select').selectOption('washington');
	await expect(page.getByTestId('event-time')).toContainText('Washington');
});
