/**
 * Shared Playwright fixtures: every page records console errors, warnings and uncaught
 * exceptions, and a test fails if any appear. The model is read from the published JSON, the
 * same file researchers download, so tests follow the data rather than hard-coding it.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page, type Response } from '@playwright/test';
import type { IncidentModel } from '../../src/lib/model/schema';
import { SETTLE_MS } from '../../src/lib/explorer/settle';
import { AXE_TAGS } from './axe-tags';

export const INCIDENT = process.env.SIGHTLINE_INCIDENT_ID ?? 'deir-ez-zor-2016';

/**
 * Waits, after a page loads, until its scripts have taken over the prerendered HTML (the root
 * layout marks <html data-hydrated>): on a busy machine the load event can come first, and a click
 * on a button then does nothing. A test that means to act before, or blocks the scripts, says so
 * with `waitUntil: 'commit'` or `'domcontentloaded'`.
 */
async function untilHydrated(page: Page, response: Response | null, waitUntil?: string) {
	if (waitUntil && waitUntil !== 'load' && waitUntil !== 'networkidle') return;
	if (!response || !(response.headers()['content-type'] ?? '').includes('text/html')) return;
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 20_000 });
}

export const test = base.extend<{ problems: string[]; model: IncidentModel }>({
	page: async ({ page }, use) => {
		const goto = page.goto.bind(page);
		const reload = page.reload.bind(page);
		page.goto = async (url, options) => {
			const response = await goto(url, options);
			await untilHydrated(page, response, options?.waitUntil);
			return response;
		};
		page.reload = async (options) => {
			const response = await reload(options);
			await untilHydrated(page, response, options?.waitUntil);
			return response;
		};
		await use(page);
	},
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

export { expect, AXE_TAGS };

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
	// Then until two readings 900 ms apart agree (the ease and the address writer are done).
	let last = JSON.stringify(windowFromUrl(page));
	await expect
		.poll(
			() => {
				const now = JSON.stringify(windowFromUrl(page));
				const still = now === last;
				last = now;
				return still;
			},
			{ intervals: [900], timeout: 20_000, message: 'the window in the address to stand still' }
		)
		.toBe(true);
	return windowFromUrl(page)!;
}

/**
 * Holds the timer that lets the window come to rest (SETTLE_MS after it last moved) while a
 * test's quick steps run, so a machine that stalls a frame for that long cannot make the window
 * rest half way: the steps are one gesture, however long the machine takes between them. The
 * page calls `releaseSettling()` once the steps are done, and the held timers then run as they
 * would have; only timers of exactly SETTLE_MS are held, and only while holding is on.
 */
export async function holdSettling(page: Page) {
	await page.addInitScript((settleMs) => {
		const w = window as unknown as {
			holdSettling: (on: boolean) => void;
			releaseSettling: () => void;
		};
		const real = window.setTimeout.bind(window);
		const clear = window.clearTimeout.bind(window);
		let holding = false;
		let next = -1;
		const held = new Map<number, () => void>();
		window.setTimeout = ((fn: TimerHandler, ms?: number, ...args: unknown[]) => {
			if (!holding || ms !== settleMs || typeof fn !== 'function') return real(fn, ms, ...args);
			const id = next--;
			held.set(id, () => fn(...args));
			return id;
		}) as typeof window.setTimeout;
		window.clearTimeout = ((id?: number) => {
			if (id !== undefined && held.delete(id)) return;
			clear(id);
		}) as typeof window.clearTimeout;
		w.holdSettling = (on) => (holding = on);
		w.releaseSettling = () => {
			holding = false;
			for (const [id, fn] of [...held]) {
				held.delete(id);
				real(fn, settleMs);
			}
		};
	}, SETTLE_MS);
}

/**
 * Five wheel steps over the timeline, a frame apart, then 600 ms at rest, watching the elements
 * `selector` names: how many changes had been seen after each step, and after the rest. A
 * change is a batch of mutations handed to the observer, or with `records` each one of them.
 * The page must have been opened after `holdSettling(page)`: the steps are then one gesture.
 */
export function wheelStepsWatching(
	page: Page,
	o: { selector: string; deltaY: number; watch: MutationObserverInit; records?: boolean }
): Promise<{ during: number[]; after: number }> {
	return page.evaluate(async ({ selector, deltaY, watch, records }) => {
		const w = window as unknown as {
			holdSettling: (on: boolean) => void;
			releaseSettling: () => void;
		};
		let n = 0;
		const observer = new MutationObserver((list) => (n += records ? list.length : 1));
		for (const el of document.querySelectorAll(selector)) observer.observe(el, watch);
		const el = document.querySelector('.timeline .plot')!;
		const box = el.getBoundingClientRect();
		const during: number[] = [];
		w.holdSettling(true);
		for (let i = 0; i < 5; i++) {
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
		w.releaseSettling();
		await new Promise((r) => setTimeout(r, 600));
		observer.disconnect();
		return { during, after: n };
	}, o);
}

export const mark = (page: Page, id: string) => page.locator(`a.mark[data-event-id="${id}"]`);

/** Fails with each violation's rule and elements when axe finds any on the page. */
export async function expectNoAxeViolations(page: Page) {
	const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
	expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
}
