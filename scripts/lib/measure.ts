/**
 * What `npm run bench` and the A/B benches share: reading their options, serving a build,
 * starting Chromium, opening an incident in it, and what they measure in the page (the
 * main-thread time of each input step, and the median and p95 of a run of them).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';

/** The value after `--name` in args, if given. */
export function option(args: string[], name: string): string | undefined {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : undefined;
}

/**
 * The two builds an A/B bench compares, as absolute folders: --a (required) and --b (build/ by
 * default), each holding `files`. Exits with a message saying what is missing otherwise.
 */
export function buildsToCompare(args: string[], tool: string, files: string[]): [string, string] {
	const a = option(args, 'a');
	if (!a) {
		console.error(`${tool}: name the build to compare with: --a <folder of a built site>.`);
		process.exit(2);
	}
	const builds: [string, string] = [resolve(a), resolve(option(args, 'b') ?? 'build')];
	for (const dir of builds)
		if (files.some((f) => !existsSync(join(dir, f)))) {
			console.error(`${tool}: ${dir} is not a built Sightline site (no ${files.join(' and ')}).`);
			process.exit(2);
		}
	return builds;
}

/** Serves a built site (scripts/serve.mjs) on a port; resolves once it answers. */
export async function serve(port: number, dir = 'build'): Promise<ChildProcess> {
	const server = spawn('node', ['scripts/serve.mjs', '--port', String(port), '--dir', dir], {
		stdio: 'ignore'
	});
	for (let i = 0; i < 50; i++) {
		try {
			if ((await fetch(`http://localhost:${port}/`)).ok) break;
		} catch {
			await new Promise((r) => setTimeout(r, 100));
		}
	}
	return server;
}

/** Chromium as scripts/setup-browser.mjs found it (run that first), software-rendered. */
export function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: readFileSync('.playwright-browser', 'utf8').trim(),
		args: ['--no-sandbox', '--disable-gpu', '--enable-precise-memory-info']
	});
}

/** tsx names functions with a helper the page does not have; give the page a harmless one. */
export async function newPage(browser: Browser, viewport = { width: 1440, height: 900 }) {
	const context = await browser.newContext({ viewport });
	await context.addInitScript({ content: 'window.__name = (f) => f;' });
	return { context, page: await context.newPage() };
}

/** Opens an address and waits for the timeline's first complete render. */
export async function openRendered(page: Page, url: string) {
	await page.goto(url);
	await page.waitForFunction(
		() => performance.getEntriesByName('sightline:first-render').length > 0,
		null,
		{ timeout: 180_000, polling: 100 }
	);
}
/** The median and the p95 of a list of figures. */
export const stats = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	return {
		median: s[Math.floor(s.length / 2)] ?? NaN,
		p95: s[Math.min(s.length - 1, Math.floor(s.length * 0.95))] ?? NaN
	};
};

/** A figure rounded to d decimals. */
export const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/**
 * Runs n input steps in the page and returns the main-thread time each took: the event's own
 * handling with the state updates it triggers (flushed in microtasks), plus the rendering work
 * of the next frame (style, layout, paint), measured from the frame's animation callback to the
 * first task after it. The wait for the display's next frame is not counted.
 */
export async function frames(page: Page, kind: 'wheel' | 'pan', target: string, n: number) {
	return page.evaluate(
		async ({ kind, target, n }) => {
			const el = document.querySelector(target)!;
			const box = el.getBoundingClientRect();
			const cx = box.left + box.width / 2;
			const cy = box.top + Math.min(box.height / 2, 200);
			const nextFrame = () =>
				new Promise<number>((resolve) =>
					requestAnimationFrame(() => {
						const a = performance.now();
						const ch = new MessageChannel();
						ch.port1.onmessage = () => resolve(performance.now() - a);
						ch.port2.postMessage(0);
					})
				);
			const times: number[] = [];
			const mouse = (type: string, x: number) =>
				new MouseEvent(type, {
					clientX: x,
					clientY: cy,
					bubbles: true,
					cancelable: true,
					view: window,
					button: 0,
					buttons: type === 'mouseup' ? 0 : 1
				});
			if (kind === 'pan') el.dispatchEvent(mouse('mousedown', cx));
			await nextFrame();
			for (let i = 0; i < n; i++) {
				const t0 = performance.now();
				if (kind === 'wheel') {
					// Out for the first half, back in for the second: every level of detail.
					const deltaY = i < n / 2 ? 120 : -120;
					el.dispatchEvent(
						new WheelEvent('wheel', {
							deltaY,
							clientX: cx,
							clientY: cy,
							bubbles: true,
							cancelable: true,
							view: window
						})
					);
				} else {
					const x = cx + (i < n / 2 ? -(i + 1) * 12 : -(n - i - 1) * 12);
					window.dispatchEvent(mouse('mousemove', x));
				}
				await Promise.resolve();
				await Promise.resolve();
				const script = performance.now() - t0;
				times.push(script + (await nextFrame()));
			}
			if (kind === 'pan') window.dispatchEvent(mouse('mouseup', cx));
			return times;
		},
		{ kind, target, n }
	);
}

/** How the bench reads the visible window of a page: Sightline's timeline, or the plain canvas. */
export type WindowProbe = 'sightline' | 'plain';

export interface RealInput {
	/** Input steps sent to the browser. */
	sent: number;
	/** Steps that reached the page as DOM events (the browser may merge steps that queue up). */
	delivered: number;
	/** Delivered steps after which the visible window differed from the one before. */
	changed: number;
	/** Time between consecutive frames (animation-frame timestamps) while the steps arrived. */
	intervals: number[];
}

/**
 * Sends n steps of real input through the browser's own input pipeline (Chrome DevTools
 * Protocol, as a mouse would), one every 16.7 ms whether or not the page keeps up, and records
 * in the page the interval between consecutive frames from the first step until 100 ms after the
 * last, and whether each step that arrived changed the visible window. Wheel: 30 notches in, 30
 * back out, at the middle of the target (in first: from the opening window, 30 notches out would
 * reach the widest window the timeline allows, where a step rightly changes nothing); pan: a
 * drag 12 px a step to the left and back.
 */
export async function realInput(
	page: Page,
	kind: 'wheel' | 'pan',
	target: string,
	n: number,
	probe: WindowProbe = 'sightline'
): Promise<RealInput> {
	const box = (await page.locator(target).first().boundingBox())!;
	const cx = Math.round(box.x + box.width / 2);
	const cy = Math.round(box.y + Math.min(box.height / 2, 200));
	await page.evaluate(
		({ kind, probe }) => {
			const plot = document.querySelector('.timeline .plot') as
				(Element & { __zoom?: { k: number; x: number } }) | null;
			const read =
				probe === 'plain'
					? () => String((window as unknown as { plainWindow: () => number[] }).plainWindow())
					: () => `${plot?.__zoom?.k},${plot?.__zoom?.x}`;
			const rec = {
				frames: [] as number[],
				before: [] as string[],
				stop: false,
				read
			};
			(window as unknown as { __input: typeof rec }).__input = rec;
			// Capture, on the window: seen before the page handles the event, so each entry is
			// the window the step found; the next entry (or the final read) is what it left.
			addEventListener(kind === 'wheel' ? 'wheel' : 'mousemove', () => rec.before.push(read()), {
				capture: true,
				passive: true
			});
			const loop = (t: number) => {
				rec.frames.push(t);
				if (!rec.stop) requestAnimationFrame(loop);
			};
			requestAnimationFrame(loop);
		},
		{ kind, probe }
	);
	const cdp = await page.context().newCDPSession(page);
	const mouse = (type: string, x: number, extra: Record<string, unknown> = {}) =>
		cdp.send('Input.dispatchMouseEvent', { type, x, y: cy, ...extra } as never);
	if (kind === 'pan') {
		await mouse('mouseMoved', cx);
		await mouse('mousePressed', cx, { button: 'left', buttons: 1, clickCount: 1 });
	}
	const t0 = performance.now();
	const sent: Promise<unknown>[] = [];
	for (let i = 0; i < n; i++) {
		const due = t0 + i * (1000 / 60);
		const wait = due - performance.now();
		if (wait > 0) await new Promise((r) => setTimeout(r, wait));
		if (kind === 'wheel')
			sent.push(mouse('mouseWheel', cx, { deltaX: 0, deltaY: i < n / 2 ? -120 : 120 }));
		else {
			const x = cx + (i < n / 2 ? -(i + 1) * 12 : -(n - i - 1) * 12);
			sent.push(mouse('mouseMoved', x, { button: 'left', buttons: 1 }));
		}
	}
	await Promise.all(sent);
	if (kind === 'pan')
		await mouse('mouseReleased', cx, { button: 'left', buttons: 0, clickCount: 1 });
	await cdp.detach();
	await page.waitForTimeout(100);
	return page.evaluate((sentCount) => {
		const rec = (
			window as unknown as {
				__input: { frames: number[]; before: string[]; stop: boolean; read: () => string };
			}
		).__input;
		rec.stop = true;
		const after = [...rec.before.slice(1), rec.read()];
		const changed = rec.before.filter((w, i) => w !== after[i]).length;
		const intervals = rec.frames.slice(1).map((t, i) => t - rec.frames[i]!);
		return { sent: sentCount, delivered: rec.before.length, changed, intervals };
	}, n);
}

export interface PageLoad {
	/** First contentful paint and largest contentful paint, ms from navigation. */
	fcp: number;
	lcp: number;
	/** Total blocking time from first contentful paint until the page was quiet, ms. */
	tbt: number;
	/** The longest task, ms. */
	longestTask: number;
	/** When the last long task ended, ms from navigation (first contentful paint if none). */
	quiet: number;
	/** When the site's own scripts started (the `sightline:hydrate` mark), ms from navigation. */
	scripts: number;
	/** Bytes transferred for the page and everything it loaded (compressed where sent so). */
	transferKB: number;
}

/**
 * Loads an address in a fresh context (nothing cached) and reports its paint and main-thread
 * figures, waiting until no long task has come for 2 s (at most 20 s).
 */
export async function pageLoad(browser: Browser, url: string): Promise<PageLoad> {
	const { context, page } = await newPage(browser);
	await context.addInitScript({
		content: `
			window.__long = []; window.__lcp = 0;
			new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push([e.startTime, e.duration]); }).observe({ type: 'longtask', buffered: true });
			new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lcp = e.startTime; }).observe({ type: 'largest-contentful-paint', buffered: true });
		`
	});
	await page.goto(url, { waitUntil: 'load' });
	await page.waitForFunction(
		() => {
			const long = (window as unknown as { __long: [number, number][] }).__long;
			const last = long.length ? long[long.length - 1]![0] + long[long.length - 1]![1] : 0;
			return performance.now() - Math.max(last, 0) > 2000;
		},
		null,
		{ polling: 100, timeout: 20_000 }
	);
	const result = await page.evaluate(() => {
		const w = window as unknown as { __long: [number, number][]; __lcp: number };
		const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
		const long = w.__long;
		const tbt = long
			.filter(([start]) => start >= fcp)
			.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
		const last = long[long.length - 1];
		const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
		const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
		const bytes = resources.reduce((sum, r) => sum + r.transferSize, nav.transferSize);
		return {
			fcp,
			lcp: w.__lcp,
			tbt,
			longestTask: Math.max(0, ...long.map(([, d]) => d)),
			quiet: last ? last[0] + last[1] : fcp,
			scripts: performance.getEntriesByName('sightline:hydrate')[0]?.startTime ?? NaN,
			transferKB: bytes / 1024
		};
	});
	await context.close();
	return result;
}

/** The median, smallest and largest of a list of figures. */
export function spread(xs: number[]) {
	const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
	return {
		median: s[Math.floor((s.length - 1) / 2)] ?? NaN,
		min: s[0] ?? NaN,
		max: s.at(-1) ?? NaN
	};
}

/** "1.23 s (1.1–1.4)" style: a median and its range, in the unit's own rounding. */
export function fmtSpread(xs: number[], scale = 1, digits = 0, unit = ''): string {
	const { median, min, max } = spread(xs.map((x) => x / scale));
	if (Number.isNaN(median)) return '–';
	const f = (x: number) => round(x, digits).toLocaleString('en-GB');
	return `${f(median)}${unit} (${f(min)}–${f(max)})`;
}
