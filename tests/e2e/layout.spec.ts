/**
 * The layout check (layout-check.ts) on every kind of page: text over text, text cut by its
 * container, pages wider than the screen and text under 11 px, as a person would see them.
 *
 * Pages at desktop (1440×900) and phone (390×844) size; every step of every storyline, bundled
 * or not, at the two projector sizes (1280×720 and 1920×1080) in both projector themes. One
 * browser page per size, navigated from page to page (steps by the keyboard, as a clicker).
 *
 * Faults the site has today are listed in KNOWN, each with the item of issue 20 that fixes it.
 * A fault not listed fails its test; so does a listed one that no longer occurs, so the list
 * only shrinks. Set SIGHTLINE_LAYOUT_REPORT=<file> to write every problem found as JSON.
 */
import { appendFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { SETTLE_MS } from '../../src/lib/explorer/settle';
import type { IncidentModel } from '../../src/lib/model/schema';
import { expect, test } from './fixtures';
import { describe, layoutProblems, type LayoutKind, type LayoutProblem } from './layout-check';

test.skip(({ isMobile }) => isMobile, 'the sizes are set here, one browser page per size');

/** A fault the site is known to have, until the issue item named fixes it. */
interface Known {
	kind: Exclude<LayoutKind, 'truncated'>;
	/** Matches the element's path and text ("<where> «<text>»"). */
	match: RegExp;
	/** The item of issue 20 that fixes it. */
	item: string;
}

/** Known faults of briefing steps at projector-720, the same in both themes. */
const STEP_FAULTS_720: Known[] = [
	// 1×, e.g. «Fri 9 Sep 2016» cut by section.figures.stacked > figure.fig.fig-timeline > d
	{
		kind: 'clipped',
		match: /g\.axis-labels(\.[\w-]+)* > text\.context(\.[\w-]+)* «/,
		item: 'item 3'
	},
	// 2×, e.g. «Russian offi…» cut by section.figures.stacked > figure.fig.fig-timeline > d
	{ kind: 'clipped', match: /a\.mark(\.[\w-]+)* > text\.label(\.[\w-]+)* «/, item: 'item 3' },
	// 1×, e.g. «Jabal al-Tharda» drawn at 7.3 px
	{ kind: 'small', match: /g\.place(\.[\w-]+)* > text\.place-name(\.[\w-]+)* «/, item: 'item 6' },
	// 4×, e.g. «Vitaly Churkin» cut by figure.fig.fig-graph > div.graph > div.plot-wrap > sv
	{
		kind: 'clipped',
		match: /g\.name(\.[\w-]+)* > text\.node-label(\.[\w-]+)* «/,
		item: 'item 3'
	},
	// 36×, e.g. «17 Sep 2016» drawn at 10.9 px
	{ kind: 'small', match: /li(\.[\w-]+)* > span\.time(\.[\w-]+)* «/, item: 'item 6' },
	// 36×, e.g. «1,2,3» drawn at 9.0 px
	{ kind: 'small', match: /li(\.[\w-]+)* > sup\.fn(\.[\w-]+)* «/, item: 'item 6' },
	// 5×, e.g. «disputed» drawn at 10.3 px
	{ kind: 'small', match: /li(\.[\w-]+)* > span\.disputed(\.[\w-]+)* «/, item: 'item 6' },
	// 9×, e.g. «fighting» cut by div.brief > main.stage > section.figures.
	{ kind: 'clipped', match: /ul\.legend(\.[\w-]+)* > li(\.[\w-]+)* «/, item: 'item 6' }
];

/** Known faults of briefing steps at projector-1080, the same in both themes. */
const STEP_FAULTS_1080: Known[] = [
	// 1×, e.g. «Fri 9 Sep 2016» cut by section.figures.stacked > figure.fig.fig-timeline > d
	{
		kind: 'clipped',
		match: /g\.axis-labels(\.[\w-]+)* > text\.context(\.[\w-]+)* «/,
		item: 'item 3'
	},
	// 5×, e.g. «UN Security Council» cut by figure.fig.fig-graph > div.graph > div.plot-wrap > sv
	{
		kind: 'clipped',
		match: /g\.name(\.[\w-]+)* > text\.node-label(\.[\w-]+)* «/,
		item: 'item 3'
	},
	// 1×, e.g. «Russian offi…» cut by section.figures.stacked > figure.fig.fig-timeline > d
	{ kind: 'clipped', match: /a\.mark(\.[\w-]+)* > text\.label(\.[\w-]+)* «/, item: 'item 3' },
	// 5×, e.g. «SAA General Command» cut by figure.fig.fig-claims > div.charts > figure > svg
	{ kind: 'clipped', match: /text\.who(\.[\w-]+)* > tspan(\.[\w-]+)* «/, item: 'item 3' },
	// 2×, e.g. «convened» cut by div.brief > main.stage > section.figures.
	{ kind: 'clipped', match: /ul\.legend(\.[\w-]+)* > li(\.[\w-]+)* «/, item: 'item 6' }
];

/**
 * Known faults, by size and page. Keys are "<size> <kind of page>"; a page kind of "step"
 * covers every briefing step at that size and theme.
 */
const KNOWN: Record<string, Known[]> = {
	'desktop both': [
		// 1×, e.g. «Coalition halts the strike aft» cut by div.timeline-view > div.timeline-wrap > div.timeline
		{ kind: 'clipped', match: /a\.mark(\.[\w-]+)* > text\.label(\.[\w-]+)* «/, item: 'item 3' }
	],
	'desktop party': [
		// 9×, e.g. «Oct» cut by main.party-page > section > div.scroll > svg.party-ti
		{
			kind: 'clipped',
			match: /svg\.party-timeline(\.[\w-]+)* > text\.tick-label(\.[\w-]+)* «/,
			item: 'item 3'
		}
	],
	'desktop claims': [
		// 7×, e.g. «SAA General Command» cut by article#figures-coalition-airstrike-jabal-al-tharda >
		{ kind: 'clipped', match: /text\.who(\.[\w-]+)* > tspan(\.[\w-]+)* «/, item: 'item 3' },
		// 37×, e.g. «[1]» drawn at 10.8 px
		{ kind: 'small', match: /sup(\.[\w-]+)* > a(\.[\w-]+)* «/, item: 'item 6' }
	],
	'desktop handout strike-and-calls': [
		// 2×, e.g. «Fri 9 Sep 2016» cut by div.frame > div.fit > div.timeline > svg.plot
		{
			kind: 'clipped',
			match: /g\.axis-labels(\.[\w-]+)* > text\.context(\.[\w-]+)* «/,
			item: 'item 3'
		}
	],
	'phone home': [
		// 1×, e.g. «Aid convoy…» cut by div.timeline-view > div.timeline-wrap > div.timeline
		{ kind: 'clipped', match: /a\.mark(\.[\w-]+)* > text\.label(\.[\w-]+)* «/, item: 'item 3' }
	],
	'phone both': [
		// 1×, e.g. «Aid convoy…» cut by div.timeline-view > div.timeline-wrap > div.timeline
		{ kind: 'clipped', match: /a\.mark(\.[\w-]+)* > text\.label(\.[\w-]+)* «/, item: 'item 3' }
	],
	// An event's card is a sheet over the page on a phone: the text it covers is covered on purpose
	// (the check sees fixed layers as overlaps); a check that skips text under a modal sheet
	// would take these off the list.
	'phone event': [
		// 6×, e.g. «US-led coalition» overlaps «Islamic State besieges the government-held part of
		{ kind: 'overlap', match: /ul\.sides(\.[\w-]+)* > li(\.[\w-]+)* «/, item: 'item 6' },
		// 1×, e.g. «← Overview» overlaps «Monitors, media and analysts» in div.timeline > sv
		{ kind: 'overlap', match: /nav\.steps(\.[\w-]+)* > a\.button(\.[\w-]+)* «/, item: 'item 6' },
		// 1×, e.g. «Events in view as a list» overlaps «Islamic State besieges the government-held part of
		{
			kind: 'overlap',
			match: /details\.event-list(\.[\w-]+)* > summary(\.[\w-]+)* «/,
			item: 'item 6'
		},
		// 2×, e.g. «about Mar 2014» overlaps «Monitors, media and analysts» in div.below > div.l
		{ kind: 'overlap', match: /dl\.when(\.[\w-]+)* > dd\.tabular(\.[\w-]+)* «/, item: 'item 6' },
		// 2×, e.g. «approximate, month only; the s» overlaps «Exact time» in div.below > div.legend > ul.shapes
		{ kind: 'overlap', match: /dl\.when(\.[\w-]+)* > dd\.precision(\.[\w-]+)* «/, item: 'item 6' },
		// 2×, e.g. «Start disputed: March 2014 (AF» overlaps «Date only» in div.below > div.legend > ul.shapes >
		{ kind: 'overlap', match: /dl\.when(\.[\w-]+)* > dd\.time-note(\.[\w-]+)* «/, item: 'item 6' },
		// 1×, e.g. «Export PNG» overlaps «Start disputed: March 2014 (AFP), September 2014 (
		{
			kind: 'overlap',
			match: /span\.export(\.[\w-]+)* > button\.button(\.[\w-]+)* «/,
			item: 'item 6'
		},
		// 4×, e.g. «Disputed» overlaps «Start disputed: March 2014 (AFP), September 2014 (
		{ kind: 'overlap', match: /ul\.shapes(\.[\w-]+)* > li(\.[\w-]+)* «/, item: 'item 6' },
		// 1×, e.g. «(1)» overlaps «Islamic State besieges the government-held part of
		{
			kind: 'overlap',
			match: /summary(\.[\w-]+)* > span\.list-count(\.[\w-]+)* «/,
			item: 'item 6'
		}
	],
	'phone claims': [
		// 37×, e.g. «[1]» drawn at 10.8 px
		{ kind: 'small', match: /sup(\.[\w-]+)* > a(\.[\w-]+)* «/, item: 'item 6' }
	],
	'phone handout strike-and-calls': [
		// 2×, e.g. «Fri 9 Sep 2016» cut by div.frame > div.fit > div.timeline > svg.plot
		{
			kind: 'clipped',
			match: /g\.axis-labels(\.[\w-]+)* > text\.context(\.[\w-]+)* «/,
			item: 'item 3'
		}
	],
	'projector-720 light step': STEP_FAULTS_720,
	'projector-720 dark step': STEP_FAULTS_720,
	'projector-1080 light step': STEP_FAULTS_1080,
	'projector-1080 dark step': STEP_FAULTS_1080
};

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
		fixed: gone.map((k) => `${k.kind} ${k.match} (issue 20 ${k.item}) no longer occurs`)
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
