/**
 * Warming the timeline up. The first time the timeline is drawn at a new zoom level, the
 * browser is still compiling and tuning the code that lays it out and draws it, and shaping
 * text it has not drawn before: at 10,000 events the first twenty or so zoom frames after a file
 * opens take two to four times as long as the same frames later. So while the page is idle
 * after opening, the timeline rehearses the zoom levels either side of the opening window,
 * moving there and back within one task so that none is ever drawn (see Timeline.svelte).
 * These are the windows it visits.
 */

/** Zoom steps either side of the window, each 2^STEP wider or narrower than the last. */
export const WARM_LEVELS = 6;
export const WARM_STEP = 1.2;

/**
 * Windows to warm around `w`, nearest zoom levels first, alternating out and in: each shares
 * the window's centre and is 2^(±STEP·k) times its width. The caller clamps them to the span.
 */
export function warmWindows(
	w: [number, number],
	levels = WARM_LEVELS,
	step = WARM_STEP
): [number, number][] {
	const mid = (w[0] + w[1]) / 2;
	const half = (w[1] - w[0]) / 2;
	const out: [number, number][] = [];
	for (let k = 1; k <= levels; k++) {
		for (const sign of [1, -1]) {
			const h = half * 2 ** (sign * step * k);
			out.push([mid - h, mid + h]);
		}
	}
	return out;
}

/** Runs `work` in idle time, falling back to a timer where requestIdleCallback is missing. */
export function whenIdle(work: (timeLeft: () => number) => void): () => void {
	if (typeof requestIdleCallback === 'function') {
		const id = requestIdleCallback((deadline) => work(() => deadline.timeRemaining()));
		return () => cancelIdleCallback(id);
	}
	const id = setTimeout(() => {
		const end = performance.now() + 8;
		work(() => end - performance.now());
	}, 50);
	return () => clearTimeout(id);
}
