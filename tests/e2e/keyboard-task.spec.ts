/**
 * A whole task with the keyboard alone, as someone who cannot use a mouse would do it: from the
 * timeline, search for the Russian officer's first call, open it, read its sources, then go to
 * the briefings and present "The strike and the two calls" step by step, and leave. Only
 * Tab, Shift+Tab, typing, Enter and the presenter's keys are used: no click, no mouse move,
 * no page.goto after the first page. At each stage the test checks what the user would notice:
 * where focus is, that it can be seen, the address and the heading.
 */
import type { Page } from '@playwright/test';
import { expect, mark, settledWindow, test } from './fixtures';

const CALL = 'russian-first-call';
const STORY = 'strike-and-calls';
/** A generous bound on Tab presses to reach anything on a page; a trap or a gap fails it. */
const MAX_TABS = 250;

interface Focused {
	/** A short description for messages: tag, classes, text or label, address. */
	what: string;
	/** Whether a keyboard user can see where focus is. */
	ring: boolean;
	ringDetail: string;
}

/**
 * What has focus and whether its focus indicator shows: an outline on the element (app.css
 * gives every :focus-visible a 3px accent outline), or, for a timeline mark (an SVG link with
 * no outline of its own), the accent stroke on its hit area. A box shadow is not counted:
 * panels and menus carry shadows that say nothing about focus.
 */
const focused = (page: Page): Promise<Focused> =>
	page.evaluate(() => {
		const el = document.activeElement as HTMLElement | SVGElement | null;
		if (!el || el === document.body) return { what: 'body', ring: false, ringDetail: 'none' };
		const label =
			el.getAttribute('aria-label') ??
			el.getAttribute('data-testid') ??
			(el.textContent ?? '').trim().slice(0, 60);
		const href = el.getAttribute('href');
		const what = `<${el.localName}${el.getAttribute('class') ? ` class="${el.getAttribute('class')}"` : ''}> ${label}${href ? ` → ${href.slice(0, 80)}` : ''}`;
		const visible = el.matches(':focus-visible');
		const s = getComputedStyle(el);
		const outline =
			s.outlineStyle !== 'none' &&
			parseFloat(s.outlineWidth) > 0 &&
			s.outlineColor !== 'rgba(0, 0, 0, 0)';
		let stroke = false;
		const hit = el.querySelector('.hit');
		if (hit) {
			const h = getComputedStyle(hit);
			stroke = h.stroke !== 'none' && parseFloat(h.strokeWidth) >= 2;
		}
		const ringDetail = `focus-visible=${visible} outline=${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor}${hit ? ` hit-stroke=${getComputedStyle(hit).stroke} ${getComputedStyle(hit).strokeWidth}` : ''}`;
		return { what, ring: visible && (outline || stroke), ringDetail };
	});

/** Presses Tab (or Shift+Tab) until `selector` has focus; fails naming the path taken. */
async function tabTo(page: Page, selector: string, { back = false, max = MAX_TABS } = {}) {
	const path: string[] = [];
	for (let i = 0; i < max; i++) {
		await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
		if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
		path.push((await focused(page)).what);
	}
	throw new Error(
		`${selector} not reached in ${max} presses of ${back ? 'Shift+Tab' : 'Tab'}; focus went:\n  ${path.slice(-30).join('\n  ')}`
	);
}

async function expectRing(page: Page, what: string) {
	const f = await focused(page);
	expect(f.ring, `a visible focus ring on ${what} (${f.what}): ${f.ringDetail}`).toBe(true);
}

const activeMatches = (page: Page, selector: string) =>
	page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);

async function expectStep(page: Page, n: number, title: string) {
	await expect(page).toHaveURL(new RegExp(`/brief/${STORY}/${n}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(page.getByRole('progressbar', { name: 'Briefing progress' })).toHaveAttribute(
		'aria-valuenow',
		String(n)
	);
}

test('find the first call, read its sources and present a briefing, with the keyboard alone', async ({
	page,
	model,
	problems
}) => {
	test.setTimeout(90_000);
	const call = model.events.find((e) => e.id === CALL)!;
	expect(call, `event ${CALL} exists`).toBeTruthy();
	const story = model.storylines.find((s) => s.id === STORY)!;
	expect(story, `briefing ${STORY} exists`).toBeTruthy();
	const steps = story.steps;

	// The only address typed: the site itself. Wait until it has hydrated (it writes its view).
	await page.goto('/');
	await settledWindow(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(model.incident.title);

	// 1. From the top of the page: the site's navigation comes first, its links showing focus.
	await tabTo(page, '.site-nav a', { max: 5 });
	expect(await focused(page)).toMatchObject({ what: expect.stringContaining('Timeline') });
	await expectRing(page, 'a nav link');

	// 2. On through the toolbar, whose buttons show focus too, to the search box.
	await tabTo(page, 'button[data-testid="view-timeline"]');
	await expectRing(page, 'a button');
	await expect(page.locator(':focus')).toHaveAttribute('aria-pressed', 'true');
	await tabTo(page, 'input[data-testid="search"]');
	await expectRing(page, 'the search box');

	// 3. Type the search: the timeline keeps only the matching events; the address says so.
	await page.keyboard.type('Russian officer');
	await expect(page.getByTestId('search')).toHaveValue('Russian officer');
	await expect(page).toHaveURL(/[?&]q=Russian(\+|%20)officer/);
	await expect(page.locator('.filters .count')).toContainText(`of ${model.events.length} events`);
	await expect(mark(page, CALL)).toBeVisible();
	const shown = await page.locator('a.mark').count();
	expect(shown, 'the search leaves only a few marks').toBeLessThan(10);

	// 4. Tab to the call's mark on the timeline; its focus ring is drawn around the mark.
	await tabTo(page, `a.mark[data-event-id="${CALL}"]`, { max: 40 });
	await expectRing(page, 'a timeline mark');
	expect((await focused(page)).what).toContain(call.title);

	// 5. Enter opens it: the panel's heading is the call, the address is its permanent link,
	// and focus stays on the mark (now drawn as selected), not thrown back to the top.
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`/events/${CALL}\\?`));
	await expect(page.locator('#event-title')).toHaveText(call.title);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(call.title);
	await expect(mark(page, CALL)).toHaveAttribute('aria-current', 'true');
	expect(await activeMatches(page, `a.mark[data-event-id="${CALL}"]`)).toBe(true);
	await expect(page.getByTestId('search')).toHaveValue('Russian officer');

	// 6. Tab on to the panel's sources: every one is reached, in order, and shows focus.
	const sources = page.locator('aside .sources li > a');
	const count = await sources.count();
	expect(count, 'sources listed for the call').toBeGreaterThanOrEqual(call.sources.length);
	await tabTo(page, 'aside .sources li > a');
	for (let i = 0; i < count; i++) {
		if (i > 0) await page.keyboard.press('Tab');
		const title = (await sources.nth(i).textContent())!.trim();
		expect(
			await sources.nth(i).evaluate((a) => a === document.activeElement),
			`source ${i + 1} of ${count} ("${title}") has focus after ${i} more Tab`
		).toBe(true);
		await expectRing(page, `source link ${i + 1} ("${title}")`);
		// They open in a new tab and say where they lead.
		await expect(sources.nth(i)).toHaveAttribute('target', '_blank');
		await expect(sources.nth(i)).toHaveAttribute('href', /^https?:\/\//);
	}

	// 7. Back up to the site's navigation and into the briefings.
	await tabTo(page, '.site-nav a[href$="/brief"]', { back: true });
	await expectRing(page, 'the Briefings nav link');
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/brief$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Present the incident, step by step'
	);

	// 8. Tab to the briefing by its title and open its cover.
	await tabTo(page, `.stories h2 a[href$="/brief/${STORY}"]`);
	await expectRing(page, 'the briefing link');
	expect((await focused(page)).what).toContain(story.title);
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(new RegExp(`/brief/${STORY}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.title);

	// 9. Tab to "Present from step 1" and start.
	await tabTo(page, `.actions a[href$="/brief/${STORY}/1"]`);
	await expectRing(page, 'the Present button');
	expect((await focused(page)).what).toContain('Present from step 1');
	await page.keyboard.press('Enter');
	await page.locator('[data-ready]').first().waitFor();
	await expectStep(page, 1, steps[0]!.title);

	// 10. The new page starts focus from its top: one Tab reaches the briefing's name in the bar.
	await page.keyboard.press('Tab');
	expect(await activeMatches(page, '.bar a.story')).toBe(true);
	await expectRing(page, "the briefing's name in the bar");

	// 11. The presenter's keys move through the steps, even with that link focused; the heading,
	// address and progress follow, and focus stays where it was.
	await page.keyboard.press('ArrowRight');
	await expectStep(page, 2, steps[1]!.title);
	await page.keyboard.press('PageDown');
	await expectStep(page, 3, steps[2]!.title);
	await page.keyboard.press('End');
	await expectStep(page, steps.length, steps.at(-1)!.title);
	await page.keyboard.press('Home');
	await expectStep(page, 1, steps[0]!.title);
	await page.keyboard.press('PageDown');
	await expectStep(page, 2, steps[1]!.title);
	expect(await activeMatches(page, '.bar a.story'), 'focus stays on the same link').toBe(true);

	// 12. Escape leaves for the briefing's cover.
	await page.keyboard.press('Escape');
	await expect(page).toHaveURL(new RegExp(`/brief/${STORY}$`));
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(story.title);

	expect(problems, 'console errors, warnings or exceptions').toEqual([]);
});
