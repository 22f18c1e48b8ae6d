/**
 * Warming the timeline up. The first time the timeline is drawn at a new zoom level, the
 * browser is still compiling and tuning the code that lays it out and draws it, and shaping
 * text it has not drawn before: at 10,000 events the first twenty or so zoom frames after a file
 * opens took two to four times as long as the same frames later. So while the page is idle
 * after it first stands still, the timeline lays out and draws, on a canvas never shown, every
 * window a wheel zoom passes through on the way out and in. Nothing on the page moves.
 *
 * Before that, the visible canvas draws the same picture again on two frames: it hands the
 * compositor a new buffer on each frame it changes, and the first few it hands over are
 * allocated then.
 */

/** How much one wheel notch zooms, as a power of two (d3-zoom's 0.002 × deltaY of 120). */
export const WHEEL_STEP = 0.24;
/** Wheel notches each way whose windows are laid out and drawn. */
export const WHEEL_STEPS = 30;
/**
 * A notch starts only when the idle time left has room for as long as the last one took, up to
 * this, ms: one slowed by a garbage collection must not leave no idle time roomy enough again.
 */
export const NOTCH_ROOM_MS = 10;
/** The warm-up stops this long after its first step, ms, finished or not. */
export const WARM_LIMIT_MS = 2000;

/**
 * Windows `steps` notches either side of `w`, nearest first, alternating out and in: each
 * shares the window's centre and is 2^(±step·k) times its width. The caller clamps them.
 */
export function warmWindows(
	w: [number, number],
	steps = WHEEL_STEPS,
	step = WHEEL_STEP
): [number, number][] {
	const mid = (w[0] + w[1]) / 2;
	const half = (w[1] - w[0]) / 2;
	const out: [number, number][] = [];
	for (let k = 1; k <= steps; k++) {
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

export interface WarmUp {
	/** The canvas on screen: primed with its own picture, and copied in size for the hidden one. */
	canvas: HTMLCanvasElement;
	/** The windows to draw on the hidden canvas (see warmWindows). */
	windows: [number, number][];
	/** Draws the picture at a window (null: the one on screen) on a context, cleared first. */
	draw: (ctx: CanvasRenderingContext2D, window: [number, number] | null) => void;
	/** Whether the page is still as it was when the warm-up began; it stops once it is not. */
	still: () => boolean;
}

/**
 * Primes the canvas on screen, then draws each window on a hidden canvas in idle time. Marks
 * `sightline:warm` when every window is drawn. Returns a function that stops it.
 */
export function warmUp({ canvas, windows, draw, still }: WarmUp): () => void {
	const queue = [...windows];
	const hidden = document.createElement('canvas');
	hidden.width = canvas.width;
	hidden.height = canvas.height;
	const ctx = hidden.getContext('2d');
	const visible = canvas.getContext('2d');
	if (!ctx || !visible) return () => {};
	ctx.setTransform(visible.getTransform());
	let until = Infinity;
	let notchMs = 2;
	let finished = false;
	let cancel = () => {};
	// The hidden canvas's pixels are let go at once, not at the next collection.
	const done = () => {
		if (finished) return;
		finished = true;
		cancel();
		hidden.width = hidden.height = 0;
		if (queue.length === 0) performance.mark('sightline:warm');
	};
	const run = (timeLeft: () => number) => {
		if (until === Infinity) until = performance.now() + WARM_LIMIT_MS;
		// Each window starts only with room for as long as the last one took, so the warm-up
		// does not run past the browser's idle time into a reader's first zoom.
		while (queue.length > 0 && timeLeft() > Math.min(notchMs, NOTCH_ROOM_MS) + 2) {
			if (!still() || performance.now() > until) return done();
			const t = performance.now();
			draw(ctx, queue.shift()!);
			notchMs = performance.now() - t;
		}
		if (queue.length > 0) cancel = whenIdle(run);
		else done();
	};
	const prime = (n: number): number =>
		requestAnimationFrame(() => {
			if (!still()) return done();
			draw(visible, null);
			if (n > 1) frame = prime(n - 1);
			else cancel = whenIdle(run);
		});
	let frame = prime(2);
	cancel = () => cancelAnimationFrame(frame);
	return done;
}
