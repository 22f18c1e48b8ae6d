import { expect, expectNoAxeViolations, test } from './fixtures';

test.afterEach(({ problems }) => {
	expect(problems, 'console errors, warnings or exceptions').toEqual([]);
});

test('the claims page puts every casualty figure for the strike on one axis', async ({
	page,
	model
}) => {
	await page.goto('/claims');
	const strike = model.casualties.filter((c) => c.event === 'coalition-airstrike-jabal-al-tharda');
	const section = page.locator('article.question', {
		has: page.locator('#q-coalition-airstrike-jabal-al-tharda')
	});
	await expect(section.locator('h3')).toHaveText(
		model.events.find((e) => e.id === 'coalition-airstrike-jabal-al-tharda')!.title
	);
	const killedChart = section.locator('figure').first();
	await expect(killedChart.locator('.who')).toHaveCount(
		strike.filter((c) => c.killed !== undefined).length
	);
	await expect(killedChart.locator('.value').filter({ hasText: /^at least 15$/ })).toHaveCount(1);
	// Each version of a contested account is its own card, linking to its party.
	const convoy = page.locator('article.question', {
		has: page.locator('#a-convoy-attack-urum-al-kubra')
	});
	const claims = model.events.find((e) => e.id === 'convoy-attack-urum-al-kubra')!.claims!;
	await expect(convoy.locator('.card')).toHaveCount(claims.length);
	await convoy.locator('.card .who a').first().click();
	await expect(page).toHaveURL(/\/parties\//);
});

test('the sources page lists every source by kind with what cites it, and marks state outlets', async ({
	page,
	model
}) => {
	await page.goto('/sources');
	await expect(page.locator('.list > li')).toHaveCount(model.sources.length);
	const flagged = model.sources.filter((s) => s.reliability).length;
	await expect(page.locator('.list .badge')).toHaveCount(flagged);
	const seed = page.locator('#source-fp-2016-09-20-russia-called-twice');
	await seed.locator('summary').click();
	await expect(seed.locator('details li').first()).toBeVisible();
	for (const summary of await page.locator('.list summary').allTextContents()) {
		expect(summary).toMatch(/^Cited by [1-9]\d* records?$/);
	}
});

for (const path of ['/claims', '/sources']) {
	test(`${path} has no axe violations`, async ({ page }) => {
		await page.goto(path);
		await expectNoAxeViolations(page);
	});
}
