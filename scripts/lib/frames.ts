/**
 * What `npm run bench` and `npm run bench:ab` measure in the page: the main-thread time of each
 * input step, and the median and p95 of a run of them.
 */
import type { Page } from '@playwright/test';

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
