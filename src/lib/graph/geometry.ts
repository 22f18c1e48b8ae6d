/**
 * Edge geometry in screen pixels, shared by the SVG edges and the canvas layer so both draw the
 * same curve: a quadratic from the source's centre to the rim of the target, bowed sideways when
 * several relations join the same two parties.
 */
import type { Point } from './layout';

export interface EdgeCurve {
	x0: number;
	y0: number;
	/** The control point. */
	cx: number;
	cy: number;
	x1: number;
	y1: number;
}

/**
 * The curve from `a` to `b`, ending `rim` px before `b`'s centre so the arrowhead shows, bowed
 * `bend` px to the side (0 for a straight edge).
 */
export function edgeCurve(a: Point, b: Point, rim: number, bend: number): EdgeCurve {
	const dx = b.x - a.x;
	const dy = b.y - a.y;
	const len = Math.hypot(dx, dy) || 1;
	const x1 = b.x - (dx / len) * rim;
	const y1 = b.y - (dy / len) * rim;
	return {
		x0: a.x,
		y0: a.y,
		cx: (a.x + x1) / 2 - (dy / len) * bend,
		cy: (a.y + y1) / 2 + (dx / len) * bend,
		x1,
		y1
	};
}

/** The point halfway along the curve (t = ½), where a relation's mark is drawn. */
export function curveMid(c: EdgeCurve): { x: number; y: number; angle: number } {
	return {
		x: 0.25 * c.x0 + 0.5 * c.cx + 0.25 * c.x1,
		y: 0.25 * c.y0 + 0.5 * c.cy + 0.25 * c.y1,
		// The tangent at t = ½ runs parallel to the chord.
		angle: Math.atan2(c.y1 - c.y0, c.x1 - c.x0)
	};
}

/**
 * The curve as an SVG path in two halves, split at t = ½ (de Casteljau): the same curve, with a
 * vertex in the middle for `marker-mid`.
 */
export function curvePathSplit(c: EdgeCurve): string {
	const [ax, ay] = [(c.x0 + c.cx) / 2, (c.y0 + c.cy) / 2];
	const [bx, by] = [(c.cx + c.x1) / 2, (c.cy + c.y1) / 2];
	const m = curveMid(c);
	return `M${c.x0},${c.y0} Q${ax},${ay} ${m.x},${m.y} Q${bx},${by} ${c.x1},${c.y1}`;
}

/** The curve as an SVG path. */
export function curvePath(c: EdgeCurve): string {
	return `M${c.x0},${c.y0} Q${c.cx},${c.cy} ${c.x1},${c.y1}`;
}

/**
 * How far each edge bows: the first edge between two parties is straight, later ones fan out
 * to alternate sides, 22 px further each pair.
 */
export function edgeBends(edges: readonly { id: string; source: string; target: string }[]) {
	const seen = new Map<string, number>();
	const out = new Map<string, number>();
	for (const e of edges) {
		const key = [e.source, e.target].sort().join('|');
		const n = seen.get(key) ?? 0;
		seen.set(key, n + 1);
		out.set(e.id, n === 0 ? 0 : (n % 2 ? 1 : -1) * Math.ceil(n / 2) * 22);
	}
	return out;
}
