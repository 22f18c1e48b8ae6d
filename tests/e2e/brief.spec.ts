/**
 * Briefing mode as a presenter uses it: keys and clicker, deep links to steps, the presenter
 * window kept in step with the audience window, reduced motion, the printed handout and the
 * exported images, all without a request leaving the site.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';

test.skip(({ isMobile }) => isMobile, 'briefings are presented from a laptop');

const STORY = 'strike-and-calls';

async function stepOf(page: Page): Promise<number> {
	const m = /\/brief\/[^/]+\/(\d+)/.exec(new URL(page.url()).pathname);
	return m ? Number(m[1]) : NaN;
}

/** Opens a briefing page and waits until it answers keys (it has hydrated). */
async function open(page: Page, path: string) {
	await page.goto(path);
	await page.locator('[data-ready]').first().waitFor();
}

async function expectStep(page: Page, n: number, title: string) {
	await expect.poll(() => stepOf(page)).toBe(n);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByRole('progressbar', { name: 'Briefing progress' })).toHaveAttribute(
		'aria-valuenow',
		String(n)
	);
}

test('walk a briefing with the keyboard, as a clicker would', async ({ page, model, problems }) => {
	const steps = model.storylines.find((s) => s.id === STORY)!.steps;
	await open(page, `/brief/${STORY}/1`);
	await expectStep(page, 1, steps[0]!.title);

	await page.keyboard.press('ArrowRight');
	await expectStep(page, 2, steps[1]!.title);
	await page.keyboard.press('PageDown');
	await expectStep(page, 3, steps[2]!.title);
	await page.keyboard.press('Space');
	await expectStep(page, 4, steps[3]!.title);
	await page.keyboard.press('PageUp');
	await expectStep(page, 3, steps[2]!.title);
	await page.keyboard.press('End');
	await expectStep(page, steps.length, steps.at(-1)!.title);
	// Next on the last step stays there.
	await page.keyboard.press('PageDown');
	await page.waitForTimeout(300);
	expect(await stepOf(page)).toBe(steps.length);
	await page.keyboard.press('Home');
	await expectStep(page, 1, steps[0]!.title);

	// A step number then Enter jumps there; the number shows while it is typed.
	await page.keyboard.press('5');
	await expect(page.getByRole('status').filter({ hasText: 'Go to step 5' })).toBeVisible();
	await page.keyboard.press('Enter');
	await expectStep(page, 5, steps[4]!.title);

	// The focused events are drawn as selected on the timeline.
	for (const id of steps[4]!.events)
		await expect(page.locator(`a.mark.selected[data-event-id="${id}"]`)).toBeVisible();

	// B blanks the screen for the room, and again brings it back.
	await page.keyboard.press('b');
	await expect(page.locator('.blank-screen')).toBeVisible();
	await page.keyboard.press('b');
	await expect(page.locator('.blank-screen')).toHaveCount(0);

	// T switches to the dark projector theme and the address says so.
	await page.keyboard.press('t');
	await expect(page.locator('.brief')).toHaveAttribute('data-theme', 'dark');
	await expect.poll(() => new URL(page.url()).searchParams.get('theme')).toBe('dark');

	// Escape leaves for the briefing's cover.
	await page.keyboard.press('Escape');
	await expect(page).toHaveURL(new RegExp(`/brief/${STORY}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		model.storylines.find((s) => s.id === STORY)!.title
	);
	expect(problems).toEqual([]);
});

test('a link to step 5 opens step 5, and a reload keeps it', async ({ page, model, problems }) => {
	const story = model.storylines[1]!;
	const step = story.steps[4]!;
	await open(page, `/brief/${story.id}/5?theme=dark`);
	await expectStep(page, 5, step.title);
	await expect(page.locator('.caption')).toHaveText(step.caption);
	await expect(page.locator('.brief')).toHaveAttribute('data-theme', 'dark');
	await page.reload();
	await expectStep(page, 5, step.title);
	await expect(page.locator('.brief')).toHaveAttribute('data-theme', 'dark');
	// Every source behind the caption is listed and links out.
	await expect(page.getByRole('list', { name: 'Sources' }).getByRole('listitem')).not.toHaveCount(
		0
	);
	expect(problems).toEqual([]);
});

test('the presenter view and the audience window follow each other', async ({
	page,
	context,
	model,
	problems
}) => {
	const steps = model.storylines.find((s) => s.id === STORY)!.steps;
	await open(page, `/brief/${STORY}/2`);
	const presenter = await context.newPage();
	await open(presenter, `/brief/${STORY}/2/presenter`);
	await expect(presenter.getByTestId('notes')).toHaveText(steps[1]!.notes);
	await expect(presenter.getByText('Connected to the audience window.')).toBeVisible();
	await expect(presenter.getByTestId('elapsed')).toHaveText(/^\d\d:\d\d$/);

	// The audience window moves: the presenter follows, with the next step's notes.
	await page.bringToFront();
	await page.keyboard.press('ArrowRight');
	await expectStep(page, 3, steps[2]!.title);
	await expect(presenter.getByTestId('notes')).toHaveText(steps[2]!.notes);
	await expect(presenter.getByRole('heading', { level: 1 })).toHaveText(steps[2]!.title);
	await expect(presenter.getByLabel('Next step')).toContainText(steps[3]!.title);

	// The presenter moves: the audience follows.
	await presenter.bringToFront();
	await presenter.keyboard.press('PageDown');
	await expect(presenter).toHaveURL(new RegExp(`/brief/${STORY}/4/presenter`));
	await expectStep(page, 4, steps[3]!.title);
	await presenter.getByRole('button', { name: 'Previous' }).click();
	await expectStep(page, 3, steps[2]!.title);

	// Blanking from the presenter blanks the room's screen.
	await presenter.getByRole('button', { name: 'Blank screen' }).click();
	await expect(page.locator('.blank-screen')).toBeVisible();
	await presenter.getByRole('button', { name: 'Blank screen' }).click();
	await expect(page.locator('.blank-screen')).toHaveCount(0);
	expect(problems).toEqual([]);
});

test('with reduced motion a step change jumps straight to the new window', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ baseURL, reducedMotion: 'reduce' });
	const page = await context.newPage();
	await open(page, `/brief/${STORY}/3`);
	const target = await page.locator('.when').textContent();
	await open(page, `/brief/${STORY}/2`);
	await expect(page.locator('.when')).not.toHaveText(target!);
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => stepOf(page)).toBe(3);
	// Read once, at once: no easing through in-between windows.
	expect(await page.locator('.when').textContent()).toBe(target);
	await context.close();
});

test('with motion allowed a step change eases through in-between windows', async ({ page }) => {
	await open(page, `/brief/${STORY}/3`);
	const target = await page.locator('.when').textContent();
	await open(page, `/brief/${STORY}/2`);
	const start = await page.locator('.when').textContent();
	// Record every text the window label takes, inside the page, so a slow round trip from the
	// test cannot miss the in-between frames.
	await page.evaluate(() => {
		const label = document.querySelector('.when')!;
		const seen: string[] = [];
		(window as unknown as { __seen: string[] }).__seen = seen;
		new MutationObserver(() => seen.push(label.textContent ?? '')).observe(label, {
			subtree: true,
			childList: true,
			characterData: true
		});
	});
	await page.keyboard.press('ArrowRight');
	await expect(page.locator('.when')).toHaveText(target!);
	const seen = new Set(
		await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)
	);
	seen.delete(start!);
	seen.delete(target!);
	expect(seen.size).toBeGreaterThan(0);
});

test('a whole walk-through sends no request to any other origin', async ({
	page,
	context,
	model,
	baseURL
}) => {
	test.setTimeout(120_000);
	const foreign: string[] = [];
	context.on('request', (r) => {
		const url = r.url();
		if (!url.startsWith(baseURL!) && !/^(data|blob):/.test(url)) foreign.push(url);
	});
	await page.goto('/brief');
	for (const story of model.storylines) {
		await open(page, `/brief/${story.id}/1`);
		for (let n = 2; n <= story.steps.length; n++) {
			await page.keyboard.press('PageDown');
			await expect.poll(() => stepOf(page)).toBe(n);
		}
		await open(page, `/brief/${story.id}/1/presenter`);
		await page.goto(`/brief/${story.id}/handout`);
		await page.waitForLoadState('networkidle');
	}
	expect(foreign).toEqual([]);
});

test('the current view exports as SVG and as a 1920×1080 PNG, with a caption', async ({
	page,
	model
}) => {
	const step = model.storylines.find((s) => s.id === STORY)!.steps[6]!;
	await open(page, `/brief/${STORY}/7`);
	await page.waitForLoadState('networkidle');

	const [svgDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export SVG' }).click()
	]);
	expect(svgDownload.suggestedFilename()).toBe(`${STORY}-step-7.svg`);
	const svg = readFileSync((await svgDownload.path())!, 'utf8');
	const [, w, h] = /<svg[^>]*width="(\d+)" height="(\d+)"/.exec(svg) ?? [];
	expect(Number(w)).toBeGreaterThan(800);
	expect(Number(h)).toBeGreaterThan(300);
	expect(svg).toContain(step.title.replace(/'/g, '&apos;').replace(/"/g, '&quot;').slice(0, 30));
	expect(svg).toContain('Sources:');
	expect(svg).toContain('data:font/woff2;base64,');
	expect(svg).not.toContain('<script');
	// The timeline's marks came along, with their colours written in.
	expect(svg).toMatch(/<circle[^>]*style="fill:/);

	const [pngDownload] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export PNG' }).click()
	]);
	const png = readFileSync((await pngDownload.path())!);
	expect(png.subarray(1, 4).toString()).toBe('PNG');
	expect(png.readUInt32BE(16)).toBe(1920);
	expect(png.readUInt32BE(20)).toBe(1080);
	expect(png.length).toBeGreaterThan(30_000);
});

test('a step that does not exist says so and lists the real ones', async ({ page, model }) => {
	const story = model.storylines.find((s) => s.id === STORY)!;
	const res = await page.goto(`/brief/${STORY}/99`);
	expect(res?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('There is no such step');
	await expect(page.getByText(`it has steps 1 to ${story.steps.length}`)).toBeVisible();
	await page.getByRole('link', { name: story.steps[1]!.title }).click();
	await expect(page).toHaveURL(new RegExp(`/brief/${STORY}/2$`));

	await page.goto('/brief/strike-and-call');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'There is no briefing “strike-and-call”'
	);
	await expect(page.getByRole('link', { name: story.title })).toBeVisible();

	await open(page, `/brief/${STORY}/2?theme=neon`);
	await expect(page.getByRole('status').filter({ hasText: 'Unknown theme' })).toBeVisible();
	await expect(page.locator('.brief')).toHaveAttribute('data-theme', 'light');
});

test('event, party and step pages carry a link-preview picture of what they point at', async ({
	page,
	request
}) => {
	for (const path of ['/events/russian-first-call', '/parties/russian-mod', `/brief/${STORY}/7`]) {
		await page.goto(path);
		const image = await page.locator('meta[property="og:image"]').getAttribute('content');
		expect(image, path).toMatch(/\/og\/(event|party|step)\/[a-z0-9-]+\.png$/);
		await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute(
			'content',
			'summary_large_image'
		);
		const res = await request.get(new URL(image!, page.url()).toString());
		expect(res.status(), image!).toBe(200);
		expect(res.headers()['content-type']).toBe('image/png');
		const png = await res.body();
		expect(png.readUInt32BE(16)).toBe(1200);
		expect(png.readUInt32BE(20)).toBe(630);
	}
	// The page the cards are drawn on is not published.
	expect((await request.get('/og')).status()).toBe(404);
});
