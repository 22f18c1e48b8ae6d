/**
 * The content security policy is on every kind of page and nothing on them breaks it: the
 * pages work with scripts allowed only from the site itself (or hashed by SvelteKit).
 */
import { expect, test } from './fixtures';

test.skip(({ isMobile }) => isMobile, 'the policy is the same on every screen');

const PAGES = [
	'/',
	'/events/russian-first-call?view=both',
	'/parties/russian-mod',
	'/claims',
	'/sources',
	'/brief/strike-and-calls/4?theme=dark',
	'/brief/strike-and-calls/4/presenter',
	'/brief/seventy-two-hours/handout',
	'/events/no-such-event'
];

test('every kind of page carries a strict policy and nothing on it is refused', async ({
	page,
	problems
}) => {
	test.setTimeout(90_000);
	const violations: string[] = [];
	await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
	await page.addInitScript(() => {
		document.addEventListener('securitypolicyviolation', (e) =>
			(window as unknown as { reportViolation: (v: string) => void }).reportViolation(
				`${e.violatedDirective} ${e.blockedURI}`
			)
		);
	});
	for (const path of PAGES) {
		await page.goto(path);
		await page.waitForLoadState('networkidle');
		const policy = await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content');
		expect(policy, path).toContain("default-src 'self'");
		expect(policy, path).toMatch(/script-src 'self'( 'sha256-[^']+')+;/);
		expect(policy, path).not.toMatch(/script-src[^;]*unsafe-inline/);
		expect(policy, path).toContain("object-src 'none'");
	}
	// The map and an export exercise the lazily loaded chunk, fetch and blob images.
	await page.goto('/brief/strike-and-calls/4');
	await page.locator('.fig-map path.land').first().waitFor();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export PNG' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/\.png$/);
	expect(violations).toEqual([]);
	expect(problems.filter((p) => !p.includes('404'))).toEqual([]);
});
