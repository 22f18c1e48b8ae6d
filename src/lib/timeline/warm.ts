/**
 * Warming the timeline up. The first time the timeline is drawn at a new zoom level, the
 * browser is still compiling and tuning the code that lays it out and draws it, and shaping
 * text it has not drawn before: at 10,000 events the first twenty or so zoom frames after a file
 * opens take two to four times as long as the same frames later. So while the page is idle
 * after opening, the timeline rehearses the zoom levels either side of the opening window,
 * moving there and back within one task so that none is ever drawn (see Timeline.svelte).
 * These are the windows it visits.
 *
 * A dozen rehearsals leave the layout and the drawing code half tuned: the engine compiles a
 * function fully only once it has run it many times, and the layout runs once a frame. So after
 * the rehearsals the timeline also lays out and draws, on the hidden canvas only, every window a
 * wheel zoom passes through on the way (WHEEL_STEPS notches each way). That part moves nothing
 * on the page, so it is cheap: about two milliseconds a window at 10,000 events.
 */

/** Zoom steps either side of the window, each 2^STEP wider or narrower than the last. */
export const WARM_LEVELS = 6;
export const WARM_STEP = 1.2;

/** How much one wheel notch zooms, as a power of two (d3-zoom's 0.002 × deltaY of 120). */
export const WHEEL_STEP = 0.24;
/** Wheel notches each way whose windows are laid out and drawn: as far as the rehearsals reach. */
export const WHEEL_STEPS = 30;
/**
 * A notch starts only when the idle time left has room for as long as the last one took, up to
 * this, ms: one slowed by a garbage collection must not leave no idle time roomy enough again.
 */
export const NOTCH_ROOM_MS = 10;

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
