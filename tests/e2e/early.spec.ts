/**
 * What the early script in src/app.html promises before any of the app's own script has run:
 * a page served at an address with "//" by a host that does not redirect still loads (it
 * reloads at the single-slash address), and a dark briefing is dark from its first paint.
 * Both run under the strict policy, so a stale hash would show here as a refused script.
 */
import { expect, test } from './fixtures';

test.skip(({ isMobile }) => isMobile, 'the same script runs at every size');

test('a host that serves "//events/…" without redirecting: the page reloads at its real address', async ({
	page,
	problems,
	model,
	baseURL
}) => {
	const event = model.events[0]!;
	// Stand in for a host that merges slashes but answers with the page itself, not a redirect:
	// the relative ../_app/ paths of that page would resolve to the wrong folder.
	await page.route(/\/\/events\//, async (route) => {
		const real = new URL(route.request().url());
		real.pathname = real.pathname.replace(/\/{2,}/g, '/');
		const res = await route.fetch({ url: real.href });
		await route.fulfill({ response: res });
	});
	// Given whole: a bare "//events/…" would be read as another host.
	await page.goto(`${new URL(baseURL!).origin}//events/${event.id}`, {
		waitUntil: 'commit'
	});
	await expect.poll(() => new URL(page.url()).pathname).toBe(`/events/${event.id}`);
	await expect(page.getByRole('heading', { level: 1 })).toContainText(event.title.slice(0, 30));
	// Hydrated: the page's own script ran, so its styles and scripts came from the right folder.
	await expect(page.locator('link[rel="stylesheet"]').first()).toBeAttached();
	expect(
		await page.evaluate(() => getComputedStyle(document.body).fontFamily),
		'the stylesheet loaded'
	).not.toBe('');
	expect(problems).toEqual([]);
});

test('a briefing opened with ?theme=dark is dark before any app script runs', async ({
	page,
	problems
}) => {
	// Hold back every script of the app: only the inline early script can act.
	await page.route(/\/_app\/.*\.js$/, (route) => route.abort());
	await page.goto('/brief/strike-and-calls/3?theme=dark', { waitUntil: 'domcontentloaded' });
	const paper = await page.locator('.brief').evaluate((el) => getComputedStyle(el).backgroundColor);
	expect(paper, 'the projector dark paper, #0d1115').toBe('rgb(13, 17, 21)');
	// The aborted scripts are logged by the browser; nothing else may be.
	expect(problems.filter((p) => !/Failed to (load|fetch)|ERR_FAILED|net::/.test(p))).toEqual([]);
});

test('the dark first paint hands over to the page: switching to light after loading works', async ({
	page,
	problems
}) => {
	await page.goto('/brief/strike-and-calls/3?theme=dark');
	await page.locator('[data-ready]').first().waitFor();
	await expect(page.locator('.brief')).toHaveAttribute('data-theme', 'dark');
	await page.keyboard.press('t');
	await expect(page.locator('.brief')).toHaveAttribute('data-theme', 'light');
	const paper = await page.locator('.brief').evaluate((el) => getComputedStyle(el).backgroundColor);
	expect(paper, 'the projector light paper').toBe('rgb(255, 255, 255)');
	expect(problems).toEqual([]);
});
