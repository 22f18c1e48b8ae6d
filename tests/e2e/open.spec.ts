/**
 * Bringing your own incident: a 10,000-event file opened by the file picker, by drag and drop
 * and by a same-origin address; zooming it, and selecting an event by clicking a mark drawn on
 * the canvas and by keyboard through the list of events in view. A malformed file and an
 * address on another site each get a clear message, and nothing is requested from elsewhere.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { synthIncident } from '../../src/lib/bench/synth';
import { expect, holdSettling, settledWindow, test, wheelStepsWatching } from './fixtures';

const N = 10_000;
const text = JSON.stringify(synthIncident({ events: N }));
const FILE = 'synthetic-e2e-10000.json';

test.beforeAll(() => {
	// The static server reads from the build folder on each request.
	mkdirSync(join('build', 'e2e'), { recursive: true });
	writeFileSync(join('build', 'e2e', FILE), text);
});

test.afterEach(({ problems }) => {
	expect(problems, 'console errors, warnings or exceptions').toEqual([]);
});

async function expectOpened(page: Page) {
	await expect(page.locator('.workspace')).toBeVisible({ timeout: 30_000 });
	await expect(
		page.getByRole('heading', { level: 1, name: `Synthetic incident, 10,000 events` })
	).toBeVisible();
	await expect(page.locator('.filters .count, p.count').first()).toContainText('10,000 events');
	// The timeline is drawn: lanes, and at 10,000 events a canvas layer for the marks.
	await expect(page.locator('.lane-label').first()).toBeVisible();
	await expect(page.locator('.timeline canvas.marks')).toHaveCount(1);
}

test('a 10,000-event file opens from the file picker, and nothing is uploaded', async ({
	page
}) => {
	const foreign: string[] = [];
	page.on('request', (r) => {
		if (!r.url().startsWith('http://localhost')) foreign.push(r.url());
	});
	const posts: string[] = [];
	page.on('request', (r) => r.method() !== 'GET' && posts.push(`${r.method()} ${r.url()}`));
	await page.goto('/open');
	await expect(page.locator('main[data-ready=true]')).toBeAttached();
	await expect(page.getByRole('heading', { level: 1, name: 'Open an incident' })).toBeVisible();
	await page.locator('input[type=file]').setInputFiles({
		name: 'my-incident.json',
		mimeType: 'application/json',
		buffer: Buffer.from(text)
	});
	await expectOpened(page);
	await expect(page.getByText(/Opened from my-incident\.json/i)).toBeVisible();
	expect(foreign).toEqual([]);
	expect(posts).toEqual([]);
	// The DOM stays small whatever the size of the incident.
	expect(await page.evaluate(() => document.getElementsByTagName('*').length)).toBeLessThan(5000);
});

test('a file dropped on the page opens', async ({ page }) => {
	await page.goto('/open');
	await expect(page.locator('main[data-ready=true]')).toBeAttached();
	const drop = page.getByTestId('drop-zone');
	const data = await page.evaluateHandle((body) => {
		const dt = new DataTransfer();
		dt.items.add(new File([body], 'dropped.json', { type: 'application/json' }));
		return dt;
	}, text);
	await drop.dispatchEvent('dragover', { dataTransfer: data });
	await expect(drop).toHaveClass(/dragging/);
	await drop.dispatchEvent('drop', { dataTransfer: data });
	await expectOpened(page);
	await expect(page.getByText(/Opened from dropped\.json/i)).toBeVisible();
});

test('a same-origin address opens, zooms, and a canvas mark selects its event by click', async ({
	page
}) => {
	await page.goto(`/open?src=/e2e/${FILE}`);
	await expectOpened(page);
	// Zoom in with the wheel: the window narrows and the address keeps the file and the view.
	const before = await settledWindow(page);
	const plot = page.locator('svg.plot');
	const box = (await plot.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + 140);
	for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -300);
	const after = await settledWindow(page, before);
	expect(after[1] - after[0]).toBeLessThan((before[1] - before[0]) / 2);
	expect(new URL(page.url()).searchParams.get('src')).toBe(`/e2e/${FILE}`);

	// Sweep the pointer along the first row of marks until one is under it.
	const lane = (await page.locator('.lane').first().boundingBox())!;
	let found = false;
	for (let x = box.x + 20; x < box.x + box.width - 20 && !found; x += 7) {
		await page.mouse.move(x, lane.y + 8 + 13 + 12);
		// A cluster's pill answers the pointer too; this sweep looks for an event's mark.
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
	expect(found, 'a mark under the pointer somewhere along the first row').toBe(true);
	// The event's address reopens the same file on the same event.
	const url = page.url();
	await page.goto(url);
	await expect(page.locator('.workspace')).toBeVisible({ timeout: 30_000 });
	const id = new URL(url).searchParams.get('event')!;
	await expect(page.locator('[data-testid=event-time]')).toBeVisible();
	expect(new URL(page.url()).searchParams.get('event')).toBe(id);
});

test("a cluster's pill drawn on the canvas zooms in by click, and by keyboard", async ({
	page
}) => {
	await page.goto(`/open?src=/e2e/${FILE}`);
	await expectOpened(page);
	// At 10,000 events the "+N" pills are drawn on the canvas; in the page each is a button
	// with no shape of its own until it has keyboard focus.
	const pills = page.locator('g.cluster');
	await expect(pills.first()).toBeAttached();
	expect(await page.locator('g.cluster rect').count()).toBe(0);

	// Focus draws the pill in SVG, its count agreeing with its label.
	await pills.first().focus();
	const shape = page.locator('g.cluster rect');
	await expect(shape).toHaveCount(1);
	const label = (await pills.first().getAttribute('aria-label'))!;
	expect(label).toMatch(/^[\d,]+ more events? here; zoom in/);
	const n = Number(/^[\d,]+/.exec(label)![0].replace(/,/g, ''));
	const count = (await page.locator('g.cluster text').textContent())!;
	expect(count).toMatch(/^\+[\d.]+k?$/);
	if (n < 1000) expect(count).toBe(`+${n}`);
	const pill = (await shape.boundingBox())!;

	// Without focus the pill is on the canvas: the pointer on it says what a click does.
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await expect(shape).toHaveCount(0);
	const cx = pill.x + pill.width / 2;
	const cy = pill.y + pill.height / 2;
	await page.mouse.move(cx, cy);
	await expect(page.locator('.tip strong')).toHaveText(
		new RegExp(`^${label.split(' ')[0]} more events? here$`)
	);
	await expect(page.locator('.tip span')).toHaveText('Click to zoom in');
	const before = await settledWindow(page);
	const start = page.url();
	await page.mouse.click(cx, cy);
	const zoomed = await settledWindow(page, before);
	expect(zoomed[1] - zoomed[0]).toBeLessThan((before[1] - before[0]) / 2);
	// The window holds the pill's events: it is around where the pill was.
	const box = (await page.locator('svg.plot').boundingBox())!;
	const t = before[0] + ((cx - box.x) / box.width) * (before[1] - before[0]);
	expect(zoomed[0]).toBeLessThan(t + (before[1] - before[0]) * 0.05);
	expect(zoomed[1]).toBeGreaterThan(t - (before[1] - before[0]) * 0.05);

	// By keyboard, from the same view again: Enter on a focused pill zooms in.
	await page.goto(start);
	await expectOpened(page);
	await page.locator('g.cluster').first().focus();
	await page.keyboard.press('Enter');
	const keyed = await settledWindow(page, before);
	expect(keyed[1] - keyed[0]).toBeLessThan((before[1] - before[0]) / 2);
});

test("the canvas pills' buttons stand still during a zoom and follow it once it rests", async ({
	page
}) => {
	const labels = () =>
		page.locator('g.lane-pills g.cluster').evaluateAll((gs) => gs.map((g) => g.ariaLabel));
	// Changes to the buttons while five wheel steps, a frame apart, zoom out; then at rest.
	await holdSettling(page);
	await page.goto(`/open?src=/e2e/${FILE}`);
	await expectOpened(page);
	const before = await labels();
	const changes = await wheelStepsWatching(page, {
		selector: 'g.lane-pills',
		deltaY: 240,
		watch: { childList: true, attributes: true, subtree: true },
		records: true
	});
	expect(before.length).toBeGreaterThan(0);
	expect(changes.during).toEqual([0, 0, 0, 0, 0]);
	expect(changes.after).toBeGreaterThan(0);
	const after = await labels();
	expect(after).not.toEqual(before);
	// At rest a button's label agrees with the pill drawn where it is.
	const first = page.locator('g.lane-pills g.cluster').first();
	await first.focus();
	const n = Number(/^[\d,]+/.exec((await first.getAttribute('aria-label'))!)![0].replace(/,/g, ''));
	const drawn = (await first.locator('text').textContent())!;
	if (n < 1000) expect(drawn).toBe(`+${n}`);
	else expect(drawn).toMatch(/^\+[\d.]+k$/);
});

test('while a zoom goes on, the page below the timeline stands still; at rest the lanes take their own height', async ({
	page
}) => {
	const where = () =>
		page.evaluate(() => {
			const below = [...document.querySelectorAll('summary')].find((s) =>
				s.textContent!.includes('Events in view as a list')
			)!;
			return {
				below: below.getBoundingClientRect().top,
				plot: Number(document.querySelector('svg.plot')!.getAttribute('height'))
			};
		});
	// Twenty-four wheel steps out, a frame apart, as one gesture: on the way the lanes lose rows.
	await holdSettling(page);
	await page.goto(`/open?src=/e2e/${FILE}`);
	await expectOpened(page);
	const before = await where();
	const during = await zoomOutWatching(page);
	expect(during.tops).toEqual(during.tops.map(() => before.below));
	// Lanes lose rows on the way out; the lanes below them stay where they were.
	expect(during.lanesBefore.length).toBeGreaterThan(1);
	expect(during.lanesDuring).toEqual(during.lanesDuring.map(() => during.lanesBefore));
	await expect.poll(async () => (await where()).plot).toBeLessThan(before.plot);
	const after = await where();
	expect(after.below).toBeCloseTo(before.below - (before.plot - after.plot), 0);
});

test('the keyboard reaches any event through the list of events in view', async ({ page }) => {
	await page.goto(`/open?src=/e2e/${FILE}`);
	await expectOpened(page);
	const summary = page.getByText('Events in view as a list');
	await summary.focus();
	await page.keyboard.press('Enter');
	const list = page.getByRole('list', { name: /events in the window, in time order/ });
	await expect(list).toBeVisible();
	// The list is virtualised: thousands of events, a few dozen rows in the page.
	const rows = await list.locator('li').count();
	expect(rows).toBeGreaterThan(3);
	expect(rows).toBeLessThan(40);
	const label = (await list.getAttribute('aria-label'))!;
	const total = Number(/^[\d,]+/.exec(label)![0].replace(/,/g, ''));
	await list.locator('a').first().focus();
	for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowDown');
	const focused = page.locator('a[data-row]:focus');
	await expect(focused).toHaveAttribute('data-row', '12');
	await expect(focused.locator('..')).toHaveAttribute('aria-posinset', '13');
	await expect(focused.locator('..')).toHaveAttribute('aria-setsize', String(total));
	const title = (await focused.locator('.title').textContent())!;
	await page.keyboard.press('End');
	await expect(page.locator('a[data-row]:focus')).toHaveAttribute('data-row', String(total - 1));
	await page.keyboard.press('Home');
	for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowDown');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/[?&]event=/);
	await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
});

test('a file is drawn at a first look while its records are checked against each other', async ({
	page
}) => {
	// The first look lasts only while the last checks run: its caption is caught as it comes.
	await page.addInitScript(() => {
		const w = window as unknown as { __firstLook?: string };
		new MutationObserver(() => {
			const caption = document.querySelector('[data-testid=first-look] figcaption');
			if (caption && w.__firstLook === undefined) w.__firstLook = caption.textContent ?? '';
		}).observe(document, { subtree: true, childList: true });
	});
	await page.goto(`/open?src=/e2e/${FILE}`);
	await expectOpened(page);
	const caption = await page.evaluate(
		() => (window as unknown as { __firstLook?: string }).__firstLook ?? ''
	);
	expect(caption.replace(/\s+/g, ' ')).toMatch(
		/^A first look at synthetic-e2e-10000\.json: 10,000 events, \d{4}–\d{4}, in \d+ lanes by side, drawn from their checked times \(UTC\)\. The rest of the file is still being checked/
	);
	// It came before the workspace, and gave way to it.
	const [look = NaN, render = NaN] = await page.evaluate(() =>
		['sightline:first-look', 'sightline:first-render'].map(
			(name) => performance.getEntriesByName(name)[0]?.startTime ?? NaN
		)
	);
	expect(look).toBeLessThan(render);
	await expect(page.getByTestId('first-look')).toHaveCount(0);
});

test('a malformed file is refused with every problem named by its path', async ({ page }) => {
	const model = JSON.parse(text);
	const start = model.events[3].start;
	model.events[3].start = '2016-09-17T16:00';
	model.events[7].parties[0].party = 'nobody';
	delete model.relations;
	await page.goto('/open');
	await expect(page.locator('main[data-ready=true]')).toBeAttached();
	await page.locator('input[type=file]').setInputFiles({
		name: 'broken.json',
		mimeType: 'application/json',
		buffer: Buffer.from(JSON.stringify(model))
	});
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('broken.json could not be opened: one problem');
	await expect(alert).toContainText('$.relations');
	await expect(alert).toContainText('is required (an array)');
	await expect(page.locator('.workspace')).toHaveCount(0);

	// With every part present, each record's shape is checked…
	model.relations = [];
	const again = () =>
		page.locator('input[type=file]').setInputFiles({
			name: 'broken.json',
			mimeType: 'application/json',
			buffer: Buffer.from(JSON.stringify(model))
		});
	await again();
	await expect(alert).toContainText('$.events[3].start');
	await expect(alert).toContainText('explicit UTC offset');
	// …and with the shapes right, the references between records.
	model.events[3].start = start;
	await again();
	await expect(alert).toContainText('$.events[7].parties[0].party');
	await expect(alert).not.toContainText('$.events[3].start');
	// Its records had their shape, so it was drawn at a first look; refused, the picture goes.
	await expect(page.getByTestId('first-look')).toHaveCount(0);
	await expect(page.locator('.workspace')).toHaveCount(0);

	// Not JSON at all: where it stops.
	await page.locator('input[type=file]').setInputFiles({
		name: 'cut.json',
		mimeType: 'application/json',
		buffer: Buffer.from(text.slice(0, 1000))
	});
	await expect(alert).toContainText('cut.json could not be opened');
	await expect(alert).toContainText(/not valid JSON at line 1, column \d+/);
});

test('an address on another site is refused before anything is requested', async ({ page }) => {
	const foreign: string[] = [];
	page.on('request', (r) => {
		if (!r.url().startsWith('http://localhost')) foreign.push(r.url());
	});
	await page.goto('/open?src=https://example.org/incident.json');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('can be opened by address');
	await expect(alert).toContainText(
		'https://example.org is another site, so nothing was requested from it'
	);
	expect(foreign).toEqual([]);
	// A missing file on this site says so.
	await page.goto('/open?src=/e2e/no-such-file.json');
	await expect(page.getByRole('alert')).toContainText('the server answered 404');
});

test('a CSV of events opens too', async ({ page, request }) => {
	const csv = await (await request.get('/data/deir-ez-zor-2016-events.csv')).text();
	await page.goto('/open');
	await expect(page.locator('main[data-ready=true]')).toBeAttached();
	await page.locator('input[type=file]').setInputFiles({
		name: 'events.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(csv)
	});
	await expect(page.locator('.workspace')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByRole('heading', { level: 1, name: 'events.csv' })).toBeVisible();
	await expect(page.locator('.lane-label').first()).toBeVisible();
});

test('an exported figure keeps the canvas marks where the screen shows them, unstretched', async ({
	page
}) => {
	const { readFileSync } = await import('node:fs');
	await page.goto(`/open?src=/e2e/${FILE}`);
	await expectOpened(page);
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export SVG' }).first().click()
	]);
	const svg = readFileSync((await download.path())!).toString('utf8');
	const image = svg.match(
		/<image href="data:image\/png[^"]*" x="([-\d.]+)" y="([-\d.]+)" width="([\d.]+)" height="([\d.]+)"/
	);
	expect(image, 'the canvas marks, as a picture in the figure').not.toBeNull();
	const [x, y, w, h] = image!.slice(1).map(Number) as [number, number, number, number];
	const onScreen = await page.evaluate(() => {
		const c = document.querySelector<HTMLCanvasElement>('.timeline canvas.marks')!;
		const s = document.querySelector('.timeline svg.plot')!.getBoundingClientRect();
		const r = c.getBoundingClientRect();
		return { ratio: c.width / c.height, x: r.left - s.left, y: r.top - s.top, w: r.width };
	});
	// The picture has the canvas's own proportions (no stretching) and its place on the plot.
	expect(Math.abs(w / h - onScreen.ratio)).toBeLessThan(0.01 * onScreen.ratio);
	expect(x).toBeCloseTo(onScreen.x, 0);
	expect(y).toBeCloseTo(onScreen.y, 0);
	expect(w).toBeCloseTo(onScreen.w, 0);
});

/**
 * Twenty-four wheel steps out over the timeline, a frame apart, recording after each where the
 * line below the timeline and every lane's label stand, and the longest time between steps.
 */
function zoomOutWatching(page: Page) {
	return page.evaluate(async () => {
		const w = window as unknown as {
			holdSettling: (on: boolean) => void;
			releaseSettling: () => void;
		};
		const el = document.querySelector('.timeline .plot')!;
		const box = el.getBoundingClientRect();
		const below = [...document.querySelectorAll('summary')].find((s) =>
			s.textContent!.includes('Events in view as a list')
		)!;
		const tops: number[] = [];
		const labels = () =>
			[...document.querySelectorAll('svg.plot text.lane-label')].map((t) => t.getAttribute('y'));
		const lanesBefore = labels();
		const lanesDuring: (string | null)[][] = [];
		w.holdSettling(true);
		for (let i = 0; i < 24; i++) {
			el.dispatchEvent(
				new WheelEvent('wheel', {
					deltaY: 120,
					clientX: box.left + box.width / 2,
					clientY: box.top + 100,
					bubbles: true,
					cancelable: true
				})
			);
			await new Promise((r) => requestAnimationFrame(r));
			tops.push(below.getBoundingClientRect().top);
			lanesDuring.push(labels());
		}
		w.releaseSettling();
		return { tops, lanesBefore, lanesDuring };
	});
}
