/**
 * What `npm run bench` and `npm run bench:ab` share: reading their options, serving a build,
 * starting Chromium, opening an incident in it, and what they measure in the page (the
 * main-thread time of each input step, and the median and p95 of a run of them).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';

/** The value after `--name` in args, if given. */
export function option(args: string[], name: string): string | undefined {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : undefined;
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
