import { expect, holdSettling, mark, settledWindow, test, wheelStepsWatching } from './fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

test.afterEach(({ problems }) => {
	expect(problems, 'console errors, warnings or exceptions').toEqual([]);
});

test('opens on the story’s core days, not the whole span squeezed into a clump', async ({
	page,
	model
}) => {
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1, name: model.incident.title })).toBeVisible();
	const [from, to] = await settledWindow(page);
	expect(to - from).toBeLessThan(20 * DAY);
	expect(to - from).toBeGreaterThan(7 * DAY);
	// Marks are drawn and labelled, and the axis shows days.
	expect(await page.locator('a.mark').count()).toBeGreaterThan(15);
	await expect(page.locator('.plot .tick-label').first()).toBeVisible();
	await expect(page.locator('.plot .context').first()).toContainText('2016');
});

test('the window caption, read out by screen readers, changes once a zoom comes to rest', async ({
	page
}) => {
	const caption = page.locator('.window-caption');
	// Count the caption's changes while five quick wheel steps, a frame apart, zoom far in.
	await holdSettling(page);
	await page.goto('/');
	const before = await settledWindow(page);
	await expect(caption).toHaveAttribute('aria-live', 'polite');
	const first = await caption.textContent();
	const changes = await wheelStepsWatching(page, {
		selector: '.window-caption',
		deltaY: -600,
		watch: { childList: true, characterData: true, subtree: true }
	});
	const after = await settledWindow(page, before);
	expect(after[1] - after[0]).toBeLessThan((before[1] - before[0]) / 8);
	// Once, when the zoom stopped; not at each step (each narrowed the window about 2.3 times).
	expect(changes.during.at(-1)).toBe(0);
	expect(changes.after).toBeGreaterThanOrEqual(1);
	expect(changes.after).toBeLessThanOrEqual(2);
	const settled = await caption.textContent();
	expect(settled).not.toBe(first);
	// And it names the window the address holds: the same link opens on the same caption.
	await page.goto(page.url());
	await expect(caption).toHaveText(settled!);
});

test('wheel zoom narrows the window around the pointer and the address follows', async ({
	page
}) => {
	await page.goto('/');
	const before = await settledWindow(page);
	const plot = page.locator('svg.plot');
	const box = (await plot.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + 120);
	for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -300);
	const after = await settledWindow(page, before);
	expect(after[1] - after[0]).toBeLessThan((before[1] - before[0]) / 2);
	// The instant under the pointer stays put (within a few percent of the old window).
	const mid = (before[0] + before[1]) / 2;
	expect(Math.abs((after[0] + after[1]) / 2 - mid)).toBeLessThan((before[1] - before[0]) * 0.05);
});

test('dragging the timeline pans back in time', async ({ page }) => {
	await page.goto('/');
	const before = await settledWindow(page);
	const box = (await page.locator('svg.plot').boundingBox())!;
	// Drag on the axis band, where there are no marks to click.
	await page.mouse.move(box.x + 200, box.y + 30);
	await page.mouse.down();
	await page.mouse.move(box.x + 500, box.y + 30, { steps: 8 });
	await page.mouse.up();
	const after = await settledWindow(page, before);
	expect(after[0]).toBeLessThan(before[0]);
	expect(after[1] - after[0]).toBeCloseTo(before[1] - before[0], -4);
});

test('keyboard: plus and minus zoom, arrows pan, 0 fits everything', async ({ page, model }) => {
	await page.goto('/');
	const start = await settledWindow(page);
	await page.locator('body').press('+');
	const zoomed = await settledWindow(page, start);
	expect(zoomed[1] - zoomed[0]).toBeCloseTo((start[1] - start[0]) / 2, -5);
	await page.locator('body').press('ArrowRight');
	const panned = await settledWindow(page, zoomed);
	expect(panned[0]).toBeGreaterThan(zoomed[0]);
	await page.locator('body').press('0');
	const all = await settledWindow(page, panned);
	expect(all[0]).toBeLessThanOrEqual(Date.parse(model.incident.span.start));
	expect(all[1]).toBeGreaterThanOrEqual(Date.parse(model.incident.span.end));
	await expect(page.locator('.plot .tick-label.major').first()).toHaveText(/^20\d\d$/);
});

test('the on-screen zoom buttons and "Story" move the window', async ({ page, model }) => {
	await page.goto('/');
	const start = await settledWindow(page);
	// The opening view is the story's: "Story" has nothing to do there, and says so.
	await expect(page.getByRole('button', { name: 'Story' })).toBeDisabled();
	await page.getByRole('button', { name: 'Zoom in', exact: true }).click();
	const zoomed = await settledWindow(page, start);
	expect(zoomed[1] - zoomed[0]).toBeLessThan(start[1] - start[0]);
	await page.getByRole('button', { name: 'Fit all' }).click();
	const all = await settledWindow(page, zoomed);
	await page.getByRole('button', { name: 'Story' }).click();
	const story = await settledWindow(page, all);
	expect(story[0]).toBe(Date.parse(model.incident.focus.start));
	await expect(page.getByRole('button', { name: 'Story' })).toBeDisabled();
});

test('the time zone selector changes every label and says which zone it is', async ({ page }) => {
	await page.goto('/?from=2016-09-17T12:00:00Z&to=2016-09-17T15:00:00Z');
	await expect(page.locator('.window-caption')).toHaveText('Sat 17 Sep 2016, 15:00–18:00 Damascus');
	await page.getByTestId('zone-select').selectOption('utc');
	await expect(page.locator('.window-caption')).toHaveText('Sat 17 Sep 2016, 12:00–15:00 UTC');
	await expect(page).toHaveURL(/tz=utc/);
	await page.getByTestId('zone-select').selectOption('washington');
	await expect(page.locator('.window-caption')).toHaveText(
		'Sat 17 Sep 2016, 08:00–11:00 Washington'
	);
	await page.getByTestId('zone-select').selectOption('local');
	// The browser is pinned to Berlin (UTC+2 in September 2016).
	await expect(page.locator('.window-caption')).toHaveText(
		'Sat 17 Sep 2016, 14:00–17:00 Berlin (your zone)'
	);
});

test('a choice made as soon as the page shows is kept, not put back when its scripts start', async ({
	page,
	request
}) => {
	// The prerendered page's selects and search box wait, disabled, for the page's scripts:
	// a choice made in them before would be reset to the page's own state when they ran.
	const html = await (await request.get('/')).text();
	const tag = (id: string) =>
		new RegExp(`<(?:select|input)[^>]*data-testid="${id}"[^>]*>`).exec(html)?.[0] ?? '';
	expect(tag('zone-select')).toMatch(/\sdisabled/);
	expect(tag('search')).toMatch(/\sdisabled/);
	await page.goto('/', { waitUntil: 'commit' });
	await page.getByTestId('zone-select').selectOption('utc');
	await page.getByTestId('search').fill('convoy');
	await expect(page).toHaveURL(/tz=utc/);
	await expect(page).toHaveURL(/q=convoy/);
	await expect(page.getByTestId('zone-select')).toHaveValue('utc');
	await expect(page.getByTestId('search')).toHaveValue('convoy');
});

test('a list opened before the page’s scripts ran stays open, and fills in when they start', async ({
	page
}) => {
	// The page's scripts are held back, so the lists are opened in the prerendered page.
	let release = () => {};
	const held = new Promise<void>((r) => (release = r));
	await page.route(/\/_app\/immutable\/entry\/app\.[^/]*\.js$/, async (route) => {
		await held;
		await route.continue();
	});
	await page.goto('/', { waitUntil: 'domcontentloaded' });
	await page.locator('details.parties summary').click();
	await page.locator('details.event-list summary').click();
	await expect(page.locator('details.parties')).toHaveAttribute('open', '');
	release();
	await expect(page.getByPlaceholder('Find a party')).toBeVisible();
	await expect(page.locator('details.event-list .hint')).toBeVisible();
	await expect(page.locator('details.parties')).toHaveAttribute('open', '');
	await expect(page.locator('details.event-list')).toHaveAttribute('open', '');
});

test('lanes switch between sides, categories and parties', async ({ page, model }) => {
	await page.goto('/');
	const sideNames = model.incident.sides.map((s) => s.name.toUpperCase());
	await expect(page.locator('.lane-label').first()).toHaveText(
		new RegExp(sideNames.join('|'), 'i')
	);
	await page.getByTestId('lanes-select').selectOption('category');
	await expect(page).toHaveURL(/lanes=category/);
	const labels = await page.locator('.lane-label').allTextContents();
	const categoryNames = model.incident.categories.map((c) => c.name);
	expect(labels.every((l) => categoryNames.includes(l))).toBe(true);
});

test('search and category filters narrow the timeline and can be cleared', async ({
	page,
	model
}) => {
	await page.goto('/?from=2014-09-01T00:00:00Z&to=2017-12-31T00:00:00Z');
	await page.getByTestId('search').fill('convoy');
	await expect(page.locator('.count')).toContainText(`of ${model.events.length} events`);
	await expect(page).toHaveURL(/q=convoy/);
	const matching = model.events.filter((e) => /convoy/i.test(`${e.title} ${e.summary}`)).length;
	await expect(page.locator('.count strong')).toHaveText(String(matching));
	await page.getByRole('button', { name: 'Clear filters' }).first().click();
	await expect(page.locator('.count')).toHaveText(`${model.events.length} events`);
	await page.getByRole('button', { name: model.incident.categories[0]!.name, exact: true }).click();
	await expect(page).toHaveURL(new RegExp(`cats=${model.incident.categories[0]!.id}`));
});

test('a search lists its matches, fits them into view, and says when nothing matches', async ({
	page,
	model
}) => {
	await page.goto('/?q=withdraw');
	const matching = model.events.filter((e) => /withdraw/i.test(`${e.title} ${e.summary}`));
	expect(matching.length).toBeGreaterThan(0);
	const region = page.getByRole('region', { name: 'Search matches' });
	for (const e of matching.slice(0, 5)) await expect(region.getByText(e.title)).toBeVisible();
	const before = await settledWindow(page);
	await region.getByRole('button', { name: 'Fit to matches' }).click();
	await settledWindow(page, before);
	// Every match is now a mark on the timeline, and the region says none is out of view.
	for (const e of matching) await expect(mark(page, e.id)).toBeVisible();
	await expect(region).not.toContainText('in view');
	await page.getByTestId('search').fill('zzzz-no-such-word');
	await expect(region).toContainText('No event’s title or summary contains “zzzz-no-such-word”');
});

test('the parties filter has its own search and keeps each box beside its name', async ({
	page,
	model
}) => {
	await page.goto('/');
	await page.locator('.parties summary').click();
	const party = model.parties.find((p) => p.name.length > 12)!;
	await page.getByPlaceholder('Find a party').fill(party.name.slice(0, 10));
	const label = page.locator('.check', { hasText: party.name }).first();
	await expect(label).toBeVisible();
	const box = (await label.locator('input').boundingBox())!;
	const name = (await label.locator('span').boundingBox())!;
	// Same line, box first, close together.
	expect(Math.abs(box.y + box.height / 2 - (name.y + Math.min(name.height, 24) / 2))).toBeLessThan(
		12
	);
	expect(name.x - (box.x + box.width)).toBeLessThan(16);
	expect(await page.locator('.check').count()).toBeLessThan(model.parties.length);
	// The list opens in the page's flow and covers nothing of the side panel.
	const list = (await page.locator('.party-list').boundingBox())!;
	const panel = (await page.locator('aside.panel').boundingBox())!;
	expect(list.x + list.width).toBeLessThanOrEqual(panel.x);
});

test('labels use the room they have: the two accounts of the strike window read whole', async ({
	page,
	model
}) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await page.goto('/?from=2016-09-17T11:00:00Z&to=2016-09-17T17:00:00Z');
	await settledWindow(page);
	for (const id of ['strike-window-us-investigation', 'strike-window-russian-mod']) {
		const title = model.events.find((e) => e.id === id)!.title;
		await expect(mark(page, id).locator('text.label')).toHaveText(title);
	}
});

test('a styled tip gives the full title, time and zone on hover and on keyboard focus', async ({
	page,
	model
}) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await page.goto('/');
	await settledWindow(page);
	// An event timed to the minute, whose time names its zone.
	const ids = await page
		.locator('a.mark')
		.evaluateAll((els) => els.map((el) => el.getAttribute('data-event-id')!));
	const event = model.events.find((e) => ids.includes(e.id) && e.precision === 'minute')!;
	const first = mark(page, event.id);
	const tip = page.locator('.timeline .tip');
	await first.hover();
	await expect(tip.locator('strong')).toHaveText(event.title);
	// "15:55 Damascus, Sat 17 Sep 2016": clock time, the zone's name, the date.
	await expect(tip.locator('span')).toHaveText(
		/^(about )?\d{2}:\d{2}(–\d{2}:\d{2})? [^,]+, \w{3} \d{1,2} \w{3} \d{4}/
	);
	// It stays inside the timeline, clear of the screen's edges.
	const box = (await tip.boundingBox())!;
	const plot = (await page.locator('.timeline').boundingBox())!;
	expect(box.x).toBeGreaterThanOrEqual(plot.x);
	expect(box.x + box.width).toBeLessThanOrEqual(plot.x + plot.width);
	await page.mouse.move(0, 0);
	await expect(tip).toHaveCount(0);
	// Keyboard focus shows it too, and moving focus on hides it.
	await first.focus();
	await expect(tip.locator('strong')).toHaveText(event.title);
	await first.evaluate((el) => (el as HTMLElement).blur());
	await expect(tip).toHaveCount(0);
});

test('a +N cluster opens when clicked', async ({ page }) => {
	await page.goto('/?from=2014-09-01T00:00:00Z&to=2017-12-31T00:00:00Z');
	const cluster = page.locator('g.cluster').first();
	test.skip((await cluster.count()) === 0, 'no cluster at this zoom on this data');
	const before = await settledWindow(page);
	await cluster.click();
	const after = await settledWindow(page, before);
	expect(after[1] - after[0]).toBeLessThan(before[1] - before[0]);
});

test('the overview brush moves the window when dragged', async ({ page }) => {
	await page.goto('/');
	const before = await settledWindow(page);
	const brush = (await page.locator('.overview .brush').boundingBox())!;
	await page.mouse.move(brush.x + brush.width / 2, brush.y + brush.height / 2);
	await page.mouse.down();
	await page.mouse.move(brush.x + brush.width / 2 + 60, brush.y + brush.height / 2, { steps: 5 });
	await page.mouse.up();
	const after = await settledWindow(page, before);
	expect(after[0]).toBeGreaterThan(before[0] + DAY);
});

test('selecting an event by keyboard: Tab to a mark, Enter opens it, N and P step, Escape closes', async ({
	page
}) => {
	await page.goto('/');
	await settledWindow(page);
	const first = page.locator('a.mark').first();
	await first.focus();
	const id = await first.getAttribute('data-event-id');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`/events/${id}\\?`));
	await expect(page.locator('#event-title')).toBeVisible();
	await page.locator('body').press('n');
	await expect(page).not.toHaveURL(new RegExp(`/events/${id}\\?`));
	await page.locator('body').press('p');
	await expect(page).toHaveURL(new RegExp(`/events/${id}\\?`));
	await page.locator('body').press('Escape');
	await expect(page).toHaveURL(/\/\?from=/);
	await expect(mark(page, id!)).toBeVisible();
});

test('the timeline, the graph and a casualty chart export as captioned SVG and PNG', async ({
	page
}) => {
	const { readFileSync } = await import('node:fs');
	const save = async (name: string) => {
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name }).first().click()
		]);
		return readFileSync((await download.path())!);
	};

	await page.goto('/events/russian-first-call');
	await page.locator('a.mark.selected').waitFor();
	const timeline = (await save('Export SVG')).toString('utf8');
	expect(timeline).toContain('Russian officer');
	expect(timeline).toMatch(/Sources: [^<]*\w/);
	expect(timeline).toContain('17 Sep 2016');

	await page.goto('/?view=graph&party=russia');
	await page.locator('.graph-plot .node').first().waitFor();
	const graph = (await save('Export SVG')).toString('utf8');
	expect(graph).toContain('parties and relations');
	expect(graph).toMatch(/<path[^>]*style="fill:/);

	await page.goto('/claims');
	const png = await save('Export PNG');
	expect(png.readUInt32BE(16)).toBe(1920);
	expect(png.readUInt32BE(20)).toBe(1080);
});
