/**
 * Screenshots of every screen for people to look at (written to screenshots/).
 * They assert only that each screen renders without errors; the looking is done by a person.
 */
import { expect, test } from './fixtures';

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
	['sources', '/sources']
];

for (const [name, path] of SCREENS) {
	test(`screen: ${name}`, async ({ page, problems }, info) => {
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		await page.waitForTimeout(300);
		await page.screenshot({
			path: `screenshots/${name}-${info.project.name}.png`,
			fullPage: true
		});
		expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
	});
}
