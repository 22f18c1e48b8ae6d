/**
 * What a room sees on each slide: every step of every storyline, at both projector sizes and in
 * both themes, shows each focused event's own mark (not folded into a "+N" badge), labelled, in
 * the part of the timeline pane on screen, and each focused party, named, inside the graph's plot.
 * The storylines come from the published model, so an incident with other storylines is
 * checked the same way (SIGHTLINE_INCIDENT_ID).
 */
import type { Page } from '@playwright/test';
import { SETTLE_MS } from '../../src/lib/explorer/settle';
import { expect, test } from './fixtures';

test.skip(({ isMobile }) => isMobile, 'projector sizes are set here');

const SIZES = [
	{ width: 1280, height: 720 },
	{ width: 1920, height: 1080 }
];

interface Rect {
	left: number;
	top: number;
	right: number;
	bottom: number;
}

/** Every focused event of the step on screen: what is wrong with each, or nothing. */
async function eventFaults(page: Page, ids: string[]): Promise<string[]> {
	return page.evaluate((ids) => {
		const pane = document.querySelector('.fig-timeline');
		if (!pane) return ['no timeline pane'];
		const view = pane.getBoundingClientRect();
		const inside = (r: Rect) =>
			r.left >= view.left - 1 &&
			r.right <= view.right + 1 &&
			r.top >= view.top - 1 &&
			r.bottom <= view.bottom + 1;
		const faults: string[] = [];
		for (const id of ids) {
			const marks = pane.querySelectorAll(`a.mark[data-event-id="${CSS.escape(id)}"]`);
			if (marks.length !== 1) {
				faults.push(`${id}: ${marks.length} marks (in a "+N" badge, or not drawn)`);
				continue;
			}
			const mark = marks[0]!;
			const shapes = [...mark.children].filter(
				(c) => !/^(title|defs|text)$/i.test(c.tagName) && !c.classList.contains('hit')
			);
			const body = shapes.map((s) => s.getBoundingClientRect()).filter((r) => r.width > 0);
			// A band may run past the window's edges: the part in view must be on screen.
			const seen = body.some(
				(r) =>
					Math.min(r.right, view.right) - Math.max(r.left, view.left) > 0 &&
					r.top >= view.top - 1 &&
					r.bottom <= view.bottom + 1
			);
			if (!seen) faults.push(`${id}: its mark is outside the pane on screen`);
			const label = mark.querySelector('text.label');
			if (!label?.textContent?.trim()) faults.push(`${id}: its mark has no label`);
			else if (!inside(label.getBoundingClientRect()))
				faults.push(`${id}: its label «${label.textContent}» is outside the pane on screen`);
		}
		return faults;
	}, ids);
}

/** Every focused party of the step inside the graph's plot: what is wrong with each. */
async function partyFaults(page: Page, ids: string[]): Promise<string[]> {
	return page.evaluate((ids) => {
		const plot = document.querySelector('.fig-graph .plot-wrap');
		if (!plot) return ['no graph plot'];
		const view = plot.getBoundingClientRect();
		const faults: string[] = [];
		for (const id of ids) {
			const node = plot.querySelector(`.node[data-party-id="${CSS.escape(id)}"]`);
			if (!node) {
				faults.push(`${id}: not drawn`);
				continue;
			}
			const r = node.getBoundingClientRect();
			if (r.left < view.left || r.right > view.right || r.top < view.top || r.bottom > view.bottom)
				faults.push(`${id}: its shape is not wholly inside the plot`);
			const name = plot.querySelector(`.name[data-party-id="${CSS.escape(id)}"] text`);
			if (!name?.textContent?.trim()) faults.push(`${id}: its name is not written`);
		}
		return faults;
	}, ids);
}

for (const size of SIZES)
	for (const theme of ['light', 'dark'] as const)
		test(`at ${size.width}×${size.height}, ${theme}: each step shows what it is about`, async ({
			browser,
			baseURL,
			model
		}) => {
			test.skip(model.storylines.length === 0, 'this incident has no storylines');
			test.setTimeout(120_000);
			const ctx = await browser.newContext({
				baseURL,
				viewport: size,
				reducedMotion: 'reduce',
				timezoneId: 'Europe/Berlin',
				locale: 'en-GB'
			});
			const page = await ctx.newPage();
			for (const story of model.storylines) {
				await page.goto(`/brief/${story.id}/1?theme=${theme}`);
				await page.locator('[data-ready]').first().waitFor();
				for (const [i, step] of story.steps.entries()) {
					if (i > 0) await page.keyboard.press('PageDown');
					await expect(page.getByRole('heading', { level: 1 })).toHaveText(step.title);
					// At rest: the lanes at their settled height (SETTLE_MS after the last change)
					// and two frames drawn.
					await page.evaluate(async (settle) => {
						await new Promise((r) => setTimeout(r, settle + 20));
						for (let k = 0; k < 2; k++) await new Promise((r) => requestAnimationFrame(r));
					}, SETTLE_MS);
					const where = `${story.id} step ${i + 1}`;
					if (step.views.includes('timeline'))
						expect.soft(await eventFaults(page, step.events), where).toEqual([]);
					if (step.views.includes('graph') && step.parties.length)
						expect.soft(await partyFaults(page, step.parties), where).toEqual([]);
				}
			}
			await ctx.close();
		});
