/**
 * Screenshots of every screen for people to look at (written to screenshots/), taken by
 * `npm run screens`. They assert only that each screen renders without errors; the looking is
 * done by a person, so `npm test` leaves them out (every screen is opened by other tests).
 *
 * The projector slides also assert that each slide fits its screen: `npm test` checks that at
 * 1280×720, the smaller of the two projector sizes, in both themes; `npm run screens` checks
 * both sizes and keeps the pictures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { synthIncident } from '../../src/lib/bench/synth';
import { expect, test } from './fixtures';

/** Set by `npm run screens`. */
const SHOTS = Boolean(process.env.SIGHTLINE_SCREENSHOTS);

// An opened incident of 10,000 events, served from the build folder like any same-origin file.
test.beforeAll(() => {
	if (!SHOTS) return;
	mkdirSync(join('build', 'e2e'), { recursive: true });
	writeFileSync(
		join('build', 'e2e', 'screens-10000.json'),
		JSON.stringify(synthIncident({ events: 10_000 }))
	);
});

const SCREENS: [string, string][] = [
	['home', '/'],
	['strike-minutes', '/events/russian-first-call'],
	['whole-span', '/?from=2014-09-01T00:00:00Z&to=2017-12-31T00:00:00Z'],
	['convoy', '/?q=convoy&from=2016-09-18T00:00:00Z&to=2016-09-23T00:00:00Z'],
	['not-found', '/events/no-such-event'],
	['graph', '/?view=graph&party=russia'],
	[
		'both',
		'/events/russian-first-call?view=both&from=2016-09-16T00:00:00Z&to=2016-09-20T00:00:00Z'
	],
	['party', '/parties/russian-mod'],
	['claims', '/claims'],
	['sources', '/sources'],
	['briefings', '/brief'],
	['brief-cover', '/brief/strike-and-calls'],
	['brief-step', '/brief/strike-and-calls/7'],
	['brief-presenter', '/brief/strike-and-calls/7/presenter'],
	['brief-handout', '/brief/seventy-two-hours/handout'],
	['open', '/open'],
	['open-refused', '/open?src=https://example.org/incident.json'],
	['open-10000', '/open?src=/e2e/screens-10000.json'],
	[
		'open-10000-whole-span',
		'/open?src=/e2e/screens-10000.json&from=2014-09-01T00:00:00Z&to=2018-01-01T00:00:00Z'
	],
	['open-10000-graph', '/open?src=/e2e/screens-10000.json&view=both']
];

// Skipped where they are declared, so a skipped test does not open a page first.
test.describe(() => {
	test.skip(!SHOTS, 'screenshots are taken by npm run screens');
	for (const [name, path] of SCREENS)
		test(`screen: ${name}`, async ({ page, problems }, info) => {
			await page.goto(path);
			await page.waitForLoadState('networkidle');
			if (path.includes('src=/')) await page.locator('.workspace').waitFor({ timeout: 30_000 });
			await page.waitForTimeout(300);
			await page.screenshot({
				path: `screenshots/${name}-${info.project.name}.png`,
				fullPage: true
			});
			expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
		});
});

// Projector themes at the two common projector resolutions, for each kind of step.
const PROJECTED: [string, string][] = [
	['calls', '/brief/strike-and-calls/6'],
	['map', '/brief/strike-and-calls/4'],
	['convoy-claims', '/brief/seventy-two-hours/6'],
	['graph', '/brief/seventy-two-hours/2']
];
const PROJECTORS: [number, number][] = [
	[1920, 1080],
	[1280, 720]
];
for (const [w, h] of PROJECTORS)
	test.describe(() => {
		test.skip(({ isMobile }) => isMobile, 'projector sizes are desktop screens');
		test.skip(!SHOTS && w > 1280, 'the larger projector is checked by npm run screens');
		for (const theme of ['light', 'dark'])
			for (const [name, path] of PROJECTED)
				test(`projector: ${name} ${theme} ${w}×${h}`, async ({ page, problems }) => {
					await page.setViewportSize({ width: w, height: h });
					await page.goto(`${path}?theme=${theme}`);
					await page.waitForLoadState('networkidle');
					await page.waitForTimeout(300);
					if (SHOTS)
						await page.screenshot({ path: `screenshots/projector-${name}-${theme}-${w}x${h}.png` });
					// A slide: nothing scrolls off the screen, and the step's text fits its column.
					const height = await page.evaluate(() => document.documentElement.scrollHeight);
					expect(height).toBeLessThanOrEqual(h + 1);
					const text = page.locator('.stage .text');
					const [scroll, client] = await text.evaluate((el) => [el.scrollHeight, el.clientHeight]);
					expect(
						scroll,
						'the caption, events and sources fit without scrolling'
					).toBeLessThanOrEqual(client! + 1);
					expect(problems).toEqual([]);
				});
	});
