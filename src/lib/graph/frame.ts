/**
 * Framing the graph and moving across it: the zoom that fits a set of parties into the plot,
 * and the party an arrow key leads to. Shapes and labels keep their size at every zoom, so the
 * fit's margin is in screen px, not layout units: a fitted graph keeps every party, and room
 * for its name, inside the plot.
 */
import type { Point } from './layout';

/** A zoom as d3-zoom applies it: screen = layout · k + (x, y). */
export interface Frame {
	x: number;
	y: number;
	k: number;
}

export interface FitOptions {
	width: number;
	height: number;
	/** Screen px kept clear at the sides, top and bottom (a label hangs below its party). */
	padX?: number;
	padTop?: number;
	padBottom?: number;
	/**
	 * The least span framed, in layout units: a party or two is shown with its surroundings,
	 * not blown up.
	 */
	minSpan?: [number, number];
	/** The most the fit zooms in. */
	maxK?: number;
}

/** The frame that fits `points` into the plot, centred; the identity for no points. */
export function fitFrame(points: readonly Point[], o: FitOptions): Frame {
	const { width, height, padX = 70, padTop = 28, padBottom = 40, maxK = 3 } = o;
	const [minW, minH] = o.minSpan ?? [420, 300];
	if (points.length === 0 || width <= 0 || height <= 0) return { x: 0, y: 0, k: 1 };
	let [x0, x1, y0, y1] = [Infinity, -Infinity, Infinity, -Infinity];
	for (const p of points) {
		x0 = Math.min(x0, p.x);
		x1 = Math.max(x1, p.x);
		y0 = Math.min(y0, p.y);
		y1 = Math.max(y1, p.y);
	}
	if (x1 - x0 < minW) [x0, x1] = [(x0 + x1) / 2 - minW / 2, (x0 + x1) / 2 + minW / 2];
	if (y1 - y0 < minH) [y0, y1] = [(y0 + y1) / 2 - minH / 2, (y0 + y1) / 2 + minH / 2];
	// A plot narrower than its margins still shows the picture, with less margin.
	const px = Math.min(padX, width / 4);
	const [pt, pb] = [Math.min(padTop, height / 6), Math.min(padBottom, height / 6)];
	const k = Math.min((width - 2 * px) / (x1 - x0), (height - pt - pb) / (y1 - y0), maxK);
	return {
		x: width / 2 - (k * (x0 + x1)) / 2,
		y: pt + (height - pt - pb) / 2 - (k * (y0 + y1)) / 2,
		k
	};
}

/** The arrow keys, as a direction on screen. */
const DIRECTIONS = new Map<string, [number, number]>([
	['ArrowRight', [1, 0]],
	['ArrowLeft', [-1, 0]],
	['ArrowDown', [0, 1]],
	['ArrowUp', [0, -1]]
]);

/**
 * The nearest of `candidates` from `from` in the direction of an arrow key, or null: only
 * those ahead count, and one straight ahead beats one as near but off to the side. Measured in
 * layout coordinates: a zoom scales every distance alike, so the answer is the same.
 */
export function nearestInDirection(
	from: Point,
	key: string,
	candidates: Iterable<{ id: string } & Point>
): string | null {
	const dir = DIRECTIONS.get(key);
	if (!dir) return null;
	let best: string | null = null;
	let bestScore = Infinity;
	for (const p of candidates) {
		const dx = p.x - from.x;
		const dy = p.y - from.y;
		const along = dx * dir[0] + dy * dir[1];
		if (along <= 0) continue;
		const across = Math.abs(dx * dir[1] - dy * dir[0]);
		const score = along + across * 2;
		if (score < bestScore) [best, bestScore] = [p.id, score];
	}
	return best;
}
