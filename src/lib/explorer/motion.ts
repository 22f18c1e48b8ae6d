/**
 * Motion, used only where it explains (moving to a new window or step), and none when the
 * reader asks for reduced motion. d3 supplies the ease and the zoom path: interpolateZoom moves
 * between two views along the smooth zoom-and-pan path of van Wijk and Nuij, so a long jump
 * draws back, travels and comes in, instead of smearing across the screen.
 */
import { easeCubicInOut } from 'd3-ease';
import { interpolateZoom } from 'd3-interpolate';

/** Whether the reader's system asks for reduced motion (never, where there is no window). */
export function prefersReducedMotion(): boolean {
	return (
		typeof matchMedia !== 'undefined' && matchMedia('(prefers-reduced-motion: reduce)').matches
	);
}

/** A view as interpolateZoom reads it: its centre (y is 0 for a view along one axis) and width. */
export type View = [x: number, y: number, width: number];

/**
 * Moves from one view to another over `duration` ms, calling `frame` with each view on the
 * way and the target last (`done`); at once when the reader prefers reduced motion or there are no
 * animation frames. The clock starts at the first frame, not at the call, so a busy main thread
 * delays the motion rather than cutting it short. Returns a function that cancels it.
 */
export function moveView(
	from: View,
	to: View,
	duration: number,
	frame: (view: View, done: boolean) => void
): () => void {
	if (prefersReducedMotion() || typeof requestAnimationFrame === 'undefined') {
		frame(to, true);
		return () => {};
	}
	const path = interpolateZoom(from, to);
	let t0 = -1;
	let id = 0;
	const step = (now: number) => {
		if (t0 < 0) t0 = now;
		const p = Math.min(1, (now - t0) / duration);
		frame(p === 1 ? to : (path(easeCubicInOut(p)) as View), p === 1);
		if (p < 1) id = requestAnimationFrame(step);
	};
	id = requestAnimationFrame(step);
	return () => cancelAnimationFrame(id);
}
