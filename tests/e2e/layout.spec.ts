/**
 * The layout check (layout-check.ts) on every kind of page: text over text, text cut by its
 * container, pages wider than the screen and text under 11 px, as a person would see them.
 *
 * Pages at desktop (1440×900) and phone (390×844) size; every step of every storyline, bundled
 * or not, at the two projector sizes (1280×720 and 1920×1080) in both projector themes. One
 * browser page per size, navigated from page to page (steps by the keyboard, as a clicker).
 *
 * A fault a change cannot fix at once may be listed in KNOWN, with the item that will fix it; a
 * fault not listed fails its test, and so does a listed one that no longer occurs, so the list
 * only shrinks. Set SIGHTLINE_LAYOUT_REPORT=<file> to write every problem found as JSON.
 */
import { appendFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { SETTLE_MS } from '../../src/lib/explorer/settle';
import type { IncidentModel } from '../../src/lib/model/schema';
import { expect, test } from './fixtures';
import { describe, layoutProblems, type LayoutKind, type LayoutProblem } from './layout-check';

test.skip(({ isMobile }) => isMobile, 'the sizes are set here, one browser page per size');

/** A fault the site is known to have, until the item named fixes it. */
interface Known {
	kind: Exclude<LayoutKind, 'truncated'>;
	/** Matches the element's path and text ("<where> «<text>»"). */
	match: RegExp;
	/** The issue and item that fix it. */
	item: string;
}

/**
 * Known faults, by size and page. Keys are "<size> <kind of page>"; a page kind of "step"
 * covers every briefing step at that size and theme. Empty: issue 20 fixed every fault the
 * check found (see its closing note); a fault found from now on fails its test.
 */
const KNOWN: Record<string, Known[]> = {};

interface Size {
	name: string;
	width: number;
	height: number;
	phone?: boolean;
}
const DESKTOP: Size = { name: 'desktop', width: 1440, height: 900 };
const PHONE: Size = { name: 'phone', width: 390, height: 844, phone: true };
const PROJECTORS: Size[] = [
	{ name: 'projector-720', width: 1280, height: 720 },
	{ name: 'projector-1080', width: 1920, height: 1080 }
];

/** Every kind of page, named by kind, with an address taken from the model. */
function pagesOf(model: IncidentModel): [string, string][] {
	const event = model.events.find((e) => e.claims?.length) ?? model.events[0]!;
	const party = model.parties[0]!;
	const pages: [string, string][] = [
		['home', '/'],
		['graph', '/?view=graph'],
		['both', '/?view=both'],
		['event', `/events/${event.id}`],
		['party', `/parties/${party.id}`],
		['claims', '/claims'],
		['sources', '/sources'],
		['changes', '/changes'],
		['briefings', '/brief'],
		['open', '/open'],
		['not-found', '/events/no-such-event']
	];
	for (const s of model.storylines) {
		pages.push([`cover ${s.id}`, `/brief/${s.id}`]);
		pages.push([`presenter ${s.id}`, `/brief/${s.id}/1/presenter`]);
		pages.push([`handout ${s.id}`, `/brief/${s.id}/handout`]);
	}
	return pages;
}

async function context(browser: Browser, baseURL: string | undefined, size: Size) {
	return browser.newContext({
		baseURL,
		viewport: { width: size.width, height: size.height },
		isMobile: size.phone ?? false,
		hasTouch: size.phone ?? false,
		deviceScaleFactor: size.phone ? 3 : 1,
		// Steps jump to their window; what is checked is where things come to rest.
		reducedMotion: 'reduce',
		timezoneId: 'Europe/Berlin',
		locale: 'en-GB'
	});
}

/**
 * Waits until the page is at rest: its data and fonts loaded, the timeline's lanes at their
 * settled height (a timer of SETTLE_MS started by the last change fires before one started
 * after it), and two frames drawn.
 */
async function atRest(page: Page) {
	await page.waitForLoadState('networkidle');
	await page.evaluate(async (settle) => {
		await document.fonts.ready;
		await new Promise((r) => setTimeout(r, settle + 20));
		for (let i = 0; i < 2; i++) await new Promise((r) => requestAnimationFrame(r));
	}, SETTLE_MS);
}

/** All problems seen, by "<size> <page>", for the report. */
type Seen = Map<string, LayoutProblem[]>;

/**
 * The faults not on the known list, and the known faults that did not occur, for one page:
 * both must be empty.
 */
function compare(key: string, problems: LayoutProblem[]) {
	const known = KNOWN[key] ?? [];
	const faults = problems.filter((p) => p.kind !== 'truncated');
	const line = (p: LayoutProblem) => `${p.where} «${p.text}»`;
	const unexpected = faults.filter(
		(p) => !known.some((k) => k.kind === p.kind && k.match.test(line(p)))
	);
	const gone = known.filter((k) => !faults.some((p) => k.kind === p.kind && k.match.test(line(p))));
	return {
		unexpected: describe(unexpected),
		fixed: gone.map((k) => `${k.kind} ${k.match} (${k.item}) no longer occurs`)
	};
}

function report(seen: Seen) {
	const file = process.env.SIGHTLINE_LAYOUT_REPORT;
	if (!file) return;
	for (const [key, problems] of seen)
		appendFileSync(file, JSON.stringify({ key, problems }) + '\n');
}

async function checkPages(
	browser: Browser,
	baseURL: string | undefined,
	model: IncidentModel,
	size: Size
) {
	const ctx = await context(browser, baseURL, size);
	const page = await ctx.newPage();
	const seen: Seen = new Map();
	for (const [kind, path] of pagesOf(model)) {
		await page.goto(path);
		await page.locator('h1').first().waitFor();
		await atRest(page);
		const key = `${size.name} ${kind}`;
		const problems = await layoutProblems(page);
		seen.set(key, problems);
		const { unexpected, fixed } = compare(key, problems);
		expect.soft(unexpected, `new layout faults on ${path} at ${size.name}`).toBe('');
		expect.soft(fixed, `known faults fixed on ${path} at ${size.name}: shorten KNOWN`).toEqual([]);
	}
	report(seen);
	await ctx.close();
}

test('every kind of page at desktop size lays out cleanly', async ({ browser, baseURL, model }) => {
	test.setTimeout(120_000);
	await checkPages(browser, baseURL, model, DESKTOP);
});

test('every kind of page at phone size lays out cleanly', async ({ browser, baseURL, model }) => {
	test.setTimeout(120_000);
	await checkPages(browser, baseURL, model, PHONE);
});

for (const size of PROJECTORS)
	for (const theme of ['light', 'dark'] as const)
		test(`every briefing step at ${size.width}×${size.height}, ${theme}, lays out cleanly`, async ({
			browser,
			baseURL,
			model
		}) => {
			test.setTimeout(120_000);
			const ctx = await context(browser, baseURL, size);
			const page = await ctx.newPage();
			const seen: Seen = new Map();
			for (const story of model.storylines) {
				await page.goto(`/brief/${story.id}/1?theme=${theme}`);
				await page.locator('[data-ready]').first().waitFor();
				for (const [i, step] of story.steps.entries()) {
					if (i > 0) await page.keyboard.press('PageDown');
					await expect(page).toHaveURL(new RegExp(`/brief/${story.id}/${i + 1}(\\?|$)`));
					await expect(page.getByRole('heading', { level: 1 })).toHaveText(step.title);
					await atRest(page);
					const problems = await layoutProblems(page);
					seen.set(`${size.name} ${theme} ${story.id}/${i + 1}`, problems);
					const { unexpected } = compare(`${size.name} ${theme} step`, problems);
					expect.soft(unexpected, `new layout faults on step ${i + 1} of ${story.id}`).toBe('');
				}
			}
			report(seen);
			// A known fault of steps need not occur on every step, but it must occur on one.
			const all = [...seen.values()].flat();
			const { fixed } = compare(`${size.name} ${theme} step`, all);
			expect(fixed, 'known faults of steps that occur on no step: shorten KNOWN').toEqual([]);
			await ctx.close();
		});
