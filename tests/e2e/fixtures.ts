/**
 * Shared Playwright fixtures: every page records console errors, warnings and uncaught
 * exceptions, and a test fails if any appear. The model is read from the published JSON, the
 * same file researchers download, so tests follow the data rather than hard-coding it.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import type { IncidentModel } from '../../src/lib/model/schema';
import { SETTLE_MS } from '../../src/lib/explorer/settle';

export const INCIDENT = process.env.SIGHTLINE_INCIDENT_ID ?? 'deir-ez-zor-2016';

export const test = base.extend<{ problems: string[]; model: IncidentModel }>({
	problems: async ({ page }, use) => {
		const problems: string[] = [];
		page.on('console', (m) => {
			if (m.type() === 'error' || m.type() === 'warning') problems.push(`${m.type()}: ${m.text()}`);
		});
		page.on('pageerror', (e) => problems.push(`exception: ${e.message}`));
		await use(problems);
	},
	model: async ({ request }, use) => {
		const res = await request.get(`/data/${INCIDENT}.json`);
		expect(res.ok()).toBe(true);
		await use(await res.json());
	}
});

export { expect };

/** The visible window as [from, to] ms, read from the address bar. */
export function windowFromUrl(page: Page): [number, number] | null {
	const url = new URL(page.url());
	const from = url.searchParams.get('from');
	const to = url.searchParams.get('to');
	return from && to ? [Date.parse(from), Date.parse(to)] : null;
}

/**
 * The window once the address bar has caught up: the app eases to a new window (under half a
 * second) and then writes the address (a quarter second later). With `previous`, first waits
 * for the window to differ from it, so a test of a gesture fails if the gesture did nothing.
 */
export async function settledWindow(
	page: Page,
	previous?: [number, number]
): Promise<[number, number]> {
	const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
	await expect
		.poll(
			() => {
				const now = windowFromUrl(page);
				return now !== null && (!previous || !same(now, previous));
			},
			{ message: previous ? 'the window in the address to change' : 'a window in the address' }
		)
		.toBe(true);
	for (;;) {
		const a = windowFromUrl(page);
		await page.waitForTimeout(900);
		const b = windowFromUrl(page);
		if (same(a, b)) return b!;
	}
}

/**
 * Runs `attempt`, a zoom or drag made of quick steps that reports the longest time between two
 * of them, until the steps come close enough together to be one zoom: under SETTLE_MS apart,
 * or the window would have rested between them and what follows the settled window rightly
 * moved. A loaded machine (the other test worker, a garbage collection) can stall a frame that
 * long; such a run proves nothing either way, so it is done again, up to five times in all.
 */
export async function unbroken<T extends { longestGap: number }>(
	attempt: () => Promise<T>
): Promise<T> {
	const gaps: number[] = [];
	for (let tries = 0; tries < 5; tries++) {
		const run = await attempt();
		if (run.longestGap < SETTLE_MS) return run;
		gaps.push(Math.round(run.longestGap));
	}
	throw new Error(
		`five runs of quick steps each stalled for ${SETTLE_MS} ms or more between two steps ` +
			`(longest gaps ${gaps.join(', ')} ms), so the window rested mid-way every time`
	);
}

/**
 * Five wheel steps over the timeline, a frame apart, then 600 ms at rest, watching the elements
 * `selector` names: how many changes had been seen after each step, and after the rest. A
 * change is a batch of mutations handed to the observer, or with `records` each one of them.
 * Also the longest time between two steps: run it inside `unbroken`, from a fresh opening.
 */
export function wheelStepsWatching(
	page: Page,
	o: { selector: string; deltaY: number; watch: MutationObserverInit; records?: boolean }
): Promise<{ during: number[]; after: number; longestGap: number }> {
	return page.evaluate(async ({ selector, deltaY, watch, records }) => {
		let n = 0;
		const observer = new MutationObserver((list) => (n += records ? list.length : 1));
		for (const el of document.querySelectorAll(selector)) observer.observe(el, watch);
		const el = document.querySelector('.timeline .plot')!;
		const box = el.getBoundingClientRect();
		const during: number[] = [];
		let longestGap = 0;
		let last = -1;
		for (let i = 0; i < 5; i++) {
			const now = performance.now();
			if (last >= 0) longestGap = Math.max(longestGap, now - last);
			last = now;
			el.dispatchEvent(
				new WheelEvent('wheel', {
					deltaY,
					clientX: box.left + box.width / 2,
					clientY: box.top + 100,
					bubbles: true,
					cancelable: true
				})
			);
			await new Promise((r) => requestAnimationFrame(r));
			during.push(n);
		}
		await new Promise((r) => setTimeout(r, 600));
		observer.disconnect();
		return { during, after: n, longestGap };
	}, o);
}

export const mark = (page: Page, id: string) => page.locator(`a.mark[data-event-id="${id}"]`);

/** Fails with each violation's rule and elements when axe finds any on the page. */
export async function expectNoAxeViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}
