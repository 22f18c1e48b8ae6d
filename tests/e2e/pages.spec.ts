import { expect, INCIDENT, test } from './fixtures';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// How the prerendered HTML writes text: in attributes & and " are escaped, in text & and <.
const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const text = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

test('every event and party has a prerendered page with its title, description and preview tags', async ({
	request,
	model
}) => {
	test.setTimeout(120_000);
	for (const event of model.events) {
		const res = await request.get(`/events/${event.id}`);
		expect(res.status(), event.id).toBe(200);
		const body = await res.text();
		expect(body, event.id).toContain(`<meta property="og:title" content="${attr(event.title)}"`);
		expect(body, event.id).toMatch(/<meta name="description" content="[^"]{40,}"/);
		expect(body, event.id).toMatch(
			new RegExp(`id="event-title"[^>]*>${escape(text(event.title))}<`)
		);
		expect(body, event.id).toContain(`/og/event/${event.id}.png`);
	}
	for (const party of model.parties) {
		const res = await request.get(`/parties/${party.id}`);
		expect(res.status(), party.id).toBe(200);
		const body = await res.text();
		expect(body, party.id).toContain(`<meta property="og:title" content="${attr(party.name)}"`);
		const events = model.events.filter((e) => e.parties.some((p) => p.party === party.id));
		expect(body, party.id).toContain(`Events (${events.length})`);
	}
});

test('stepping through every event with N: each opens, is drawn selected, and logs nothing', async ({
	page,
	model,
	problems
}) => {
	test.setTimeout(180_000);
	// Time order, an event known only by its date after that day's timed events.
	const key = (e: (typeof model.events)[number]) =>
		Date.parse(e.start) + (e.precision === 'day' && !e.end ? 86_400_000 - 1 : 0);
	const order = [...model.events].sort((a, b) => key(a) - key(b) || (a.id < b.id ? -1 : 1));
	await page.goto(`/events/${order[0]!.id}`);
	await expect(page.locator('#event-title')).toHaveText(order[0]!.title);
	for (const [i, event] of order.entries()) {
		if (i > 0) await page.keyboard.press('n');
		await expect(page, event.id).toHaveURL(new RegExp(`/events/${event.id}(\\?|$)`));
		await expect(page.locator('#event-title')).toHaveText(event.title);
		await expect(page).toHaveTitle(new RegExp(escape(event.title)));
		// The timeline always draws the selected event, however crowded its lane.
		await expect(page.locator(`a.mark[data-event-id="${event.id}"]`)).toHaveAttribute(
			'aria-current',
			'true'
		);
	}
	expect(problems).toEqual([]);
});

// Party pages in the browser, in two slices so two workers share them.
for (const slice of [0, 1]) {
	test(`party pages hydrate with their events, relations and sources, and no console errors (part ${slice + 1} of 2)`, async ({
		page,
		model,
		problems
	}) => {
		test.setTimeout(120_000);
		// Every third party: the rest are checked as prerendered HTML above.
		for (const party of model.parties.filter((_, i) => i % 6 === slice * 3)) {
			const res = await page.goto(`/parties/${party.id}`);
			expect(res?.status(), party.id).toBe(200);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(party.name);
			const events = model.events.filter((e) => e.parties.some((p) => p.party === party.id));
			await expect(page.locator('#events-heading')).toHaveText(`Events (${events.length})`);
			expect(await page.locator('.sources li').count()).toBeGreaterThanOrEqual(1);
		}
		expect(problems).toEqual([]);
	});
}

test('a party page works with JavaScript off and links to its events', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/parties/russian-officer');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Russian officer');
	await page
		.getByRole('link', { name: /first call/ })
		.first()
		.click();
	await expect(page).toHaveURL(/\/events\/russian-first-call$/);
	await expect(page.locator('#event-title')).toBeVisible();
	await context.close();
});

test('from an event, a party chip opens the party page', async ({ page }) => {
	await page.goto('/events/russian-first-call');
	await page.locator('.parties a.party').first().click();
	await expect(page).toHaveURL(/\/parties\//);
	await expect(page.locator('#events-heading')).toBeVisible();
});

test('an unknown party id gives a 404 with suggestions', async ({ page }) => {
	const res = await page.goto('/parties/russian-oficer');
	expect(res?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'There is no party “russian-oficer”'
	);
	await expect(page.getByRole('link', { name: /Russian officer/ }).first()).toBeVisible();
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

test('an event page prints each quote and locator once under its source', async ({ page }) => {
	// SANA is cited for "at 5 PM" by the event and by the General Command's version: the panel
	// gathers both citations, and used to print the note under the source once for each.
	await page.goto('/events/strike-window-russian-mod');
	const sana = page.locator('.sources li', {
		hasText: 'Army General Command: US alliance aircrafts'
	});
	await expect(sana).toHaveCount(1);
	await expect(sana.locator('q', { hasText: 'at 5 PM' })).toHaveCount(1);
	await expect(sana.locator('.locator', { hasText: 'General Command statement' })).toHaveCount(1);
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

test('the model, the events CSV, the history and the JSON Schema are published', async ({
	request,
	model
}) => {
	expect(Object.keys(model)).toEqual([
		'version',
		'incident',
		'parties',
		'events',
		'relations',
		'casualties',
		'sources',
		'storylines'
	]);
	const csv = await request.get(`/data/${INCIDENT}-events.csv`);
	expect(csv.ok()).toBe(true);
	const lines = (await csv.text()).trimEnd().split('\r\n');
	expect(lines[0]).toMatch(/^id,title,start,end,precision/);
	expect(lines.length).toBeGreaterThanOrEqual(model.events.length + 1);
	const schema = await (await request.get('/schema/incident.schema.json')).json();
	expect(schema.title).toBe('Sightline incident model');
	// The version this data is: the last commit that changed the incident's folder.
	expect(model.version).toEqual({
		id: expect.stringMatching(/^[0-9a-f]{7}/),
		date: expect.any(String),
		kind: 'git'
	});
	const history = await (await request.get(`/data/${INCIDENT}-history.json`)).json();
	expect(history.version).toEqual(model.version);
	expect(history.available).toBe(true);
	// (A build from files with changes not yet committed marks its version: "<commit>+<hash>".)
	expect(model.version!.id.startsWith(history.revisions[0].version)).toBe(true);
	const historySchema = await (await request.get('/schema/history.schema.json')).json();
	expect(historySchema.title).toBe('Sightline incident history');
	expect(Object.keys(schema.properties)).toEqual([
		'version',
		'incident',
		'parties',
		'events',
		'relations',
		'casualties',
		'sources',
		'storylines'
	]);
});

test('a printed handout names each step by an address a reader can type, even before its script runs', async ({
	request,
	model
}) => {
	for (const story of model.storylines ?? []) {
		const body = await (await request.get(`/brief/${story.id}/handout`)).text();
		for (let n = 1; n <= story.steps.length; n++)
			expect(body, `${story.id} step ${n}`).toContain(
				`Online: /brief/${story.id}/${n}?v=${model.version!.id}<`
			);
		expect(body).not.toContain('Online: .');
	}
});

test('without JavaScript an event page shows the marks around it and says what needs scripts', async ({
	browser,
	model
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const id = model.incident.keyMoments[0]!;
	await page.goto(`/events/${id}`);
	await expect(page.locator('#event-title')).toBeVisible();
	// The prerendered timeline is drawn to the page's width, with the event's own mark in it.
	const plot = (await page.locator('svg.plot').boundingBox())!;
	expect(plot.width).toBeGreaterThan(400);
	expect(plot.height).toBeGreaterThan(100);
	await expect(page.locator(`a.mark[data-event-id="${id}"]`)).toBeVisible();
	expect(await page.locator('a.mark').count()).toBeGreaterThan(1);
	// It says zooming needs scripts, and hides the controls that would do nothing.
	await expect(
		page.getByText('Zooming, panning, filters and the graph need JavaScript')
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Fit all' })).toBeHidden();
	await context.close();
});
