import { expect, INCIDENT, test } from './fixtures';

test('every event has a prerendered page with a title, a description and no console errors', async ({
	page,
	model,
	problems
}) => {
	test.setTimeout(180_000);
	for (const event of model.events) {
		const res = await page.goto(`/events/${event.id}`);
		expect(res?.status(), event.id).toBe(200);
		await expect(page).toHaveTitle(new RegExp(event.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
		await expect(page.locator('#event-title')).toHaveText(event.title);
		await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', event.title);
		await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.{40,}/);
	}
	expect(problems).toEqual([]);
});

test('an event page works with JavaScript off: title, time, summary and sources', async ({
	browser,
	model
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const event = model.events.find((e) => e.claims?.length) ?? model.events[0]!;
	await page.goto(`/events/${event.id}`);
	await expect(page.locator('#event-title')).toHaveText(event.title);
	await expect(page.getByTestId('event-time')).toContainText(/\d{4}/);
	await expect(page.locator('.summary')).toContainText(event.summary.slice(0, 40));
	const sources = page.locator('.sources li');
	expect(await sources.count()).toBeGreaterThanOrEqual(1);
	// The timeline is prerendered too, centred on the event.
	await expect(page.locator(`a.mark[data-event-id="${event.id}"]`)).toHaveCount(1);
	await context.close();
});

test('an unknown event id gives a real 404 that helps the user on', async ({
	page,
	model,
	problems
}) => {
	const real = model.incident.keyMoments[0]!;
	const typo = real.slice(0, -2) + 'xx';
	const res = await page.goto(`/events/${typo}`);
	expect(res?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`There is no event “${typo}”`);
	await expect(
		page.getByRole('link', { name: model.events.find((e) => e.id === real)!.title }).first()
	).toBeVisible();
	await page.getByRole('link', { name: /Open the timeline/ }).click();
	await expect(page.locator('svg.plot')).toBeVisible();
	expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
});

test('an unknown path gives the 404 page', async ({ page }) => {
	const res = await page.goto('/no/such/page');
	expect(res?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('This page does not exist');
});

test('garbage parameters fall back to defaults, say what was ignored, and log nothing', async ({
	page,
	problems,
	model
}) => {
	await page.goto(
		'/?from=banana&to=2016-13-45&tz=mars&lanes=%3Cscript%3E&parties=nobody,russia&cats=%22&q=' +
			'x'.repeat(500)
	);
	await expect(page.getByRole('status').filter({ hasText: 'could not be used' })).toBeVisible();
	await expect(
		page.getByRole('status').filter({ hasText: 'Ignored unknown time zone "mars"' })
	).toBeVisible();
	await expect(page.getByTestId('zone-select')).toHaveValue('incident');
	await expect(page.getByTestId('lanes-select')).toHaveValue('side');
	await expect(page.getByRole('heading', { level: 1, name: model.incident.title })).toBeVisible();
	await expect(page.getByTestId('search')).toHaveValue('x'.repeat(200));
	expect(problems).toEqual([]);
});

test('huge and reversed windows are clamped into the span', async ({ page, problems, model }) => {
	await page.goto('/?from=9999-01-01T00:00:00Z&to=0001-01-01T00:00:00Z');
	await expect(page.locator('svg.plot')).toBeVisible();
	await expect(page.locator('.plot .tick-label.major').first()).toHaveText(/^20\d\d$/);
	await page.goto('/?from=2016-09-17T13:00:00Z&to=2016-09-17T13:00:01Z');
	await expect(page.locator('.window-caption')).toContainText('15:57–16:02 Damascus');
	expect(problems).toEqual([]);
	expect(model.events.length).toBeGreaterThan(0);
});

test('the model, the events CSV and the JSON Schema are published', async ({ request, model }) => {
	expect(Object.keys(model)).toEqual([
		'incident',
		'parties',
		'events',
		'relations',
		'casualties',
		'sources'
	]);
	const csv = await request.get(`/data/${INCIDENT}-events.csv`);
	expect(csv.ok()).toBe(true);
	const lines = (await csv.text()).trimEnd().split('\r\n');
	expect(lines[0]).toMatch(/^id,title,start,end,precision/);
	expect(lines.length).toBeGreaterThanOrEqual(model.events.length + 1);
	const schema = await (await request.get('/schema/incident.schema.json')).json();
	expect(schema.title).toBe('Sightline incident model');
	expect(Object.keys(schema.properties)).toEqual([
		'incident',
		'parties',
		'events',
		'relations',
		'casualties',
		'sources'
	]);
});
