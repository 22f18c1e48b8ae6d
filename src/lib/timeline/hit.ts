/**
 * Hit testing for marks drawn on a canvas: a uniform grid over the plot, each cell listing the
 * boxes that touch it. Built from a layout in O(marks); a query looks at one cell, so hover and
 * click cost the same whether the frame holds ten marks or ten thousand.
 */
import type { ClusterMark } from '../layout/layout';

export interface HitBox {
	/** The event's id, or the cluster's for a pill. */
	id: string;
	x0: number;
	y0: number;
	x1: number;
	y1: number;
	/** Set when the box is a cluster's pill: a click zooms in to it. */
	cluster?: ClusterMark;
}

export interface HitIndex {
	cell: number;
	cells: Map<number, HitBox[]>;
}

const KEY_STRIDE = 1 << 16;

function key(cx: number, cy: number): number {
	return cy * KEY_STRIDE + cx;
}

export function buildHitIndex(boxes: readonly HitBox[], cell = 48): HitIndex {
	const cells = new Map<number, HitBox[]>();
	for (const b of boxes) {
		const cx0 = Math.max(0, Math.floor(b.x0 / cell));
		const cx1 = Math.max(0, Math.floor(b.x1 / cell));
		const cy0 = Math.max(0, Math.floor(b.y0 / cell));
		const cy1 = Math.max(0, Math.floor(b.y1 / cell));
		for (let cy = cy0; cy <= cy1; cy++)
			for (let cx = cx0; cx <= Math.min(cx1, KEY_STRIDE - 1); cx++) {
				const k = key(cx, cy);
				const list = cells.get(k);
				if (list) list.push(b);
				else cells.set(k, [b]);
			}
	}
	return { cell, cells };
}

/** Distance from a point to a box, 0 inside it. */
function distance(b: HitBox, x: number, y: number): number {
	const dx = x < b.x0 ? b.x0 - x : x > b.x1 ? x - b.x1 : 0;
	const dy = y < b.y0 ? b.y0 - y : y > b.y1 ? y - b.y1 : 0;
	return Math.hypot(dx, dy);
}

/**
 * Of the boxes under the point, the one whose centre is nearest, so a click lands on the mark
 * the pointer is on rather than on a neighbour's label; ties go to the smaller id. A cluster's
 * pill is drawn over the marks, so a point on a pill is the pill's.
 */
function nearest(boxes: Iterable<HitBox>, x: number, y: number): HitBox | null {
	let best: HitBox | null = null;
	let bestD = Infinity;
	for (const b of boxes) {
		if (distance(b, x, y) > 0) continue;
		const d = b.cluster ? -1 : Math.hypot((b.x0 + b.x1) / 2 - x, (b.y0 + b.y1) / 2 - y);
		if (d < bestD || (d === bestD && best && b.id < best.id)) {
			best = b;
			bestD = d;
		}
	}
	return best;
}

/** The box under the point, or null: only the boxes of the point's cell are looked at. */
export function hitTest(index: HitIndex, x: number, y: number): HitBox | null {
	if (x < 0 || y < 0) return null;
	const list = index.cells.get(key(Math.floor(x / index.cell), Math.floor(y / index.cell)));
	return list ? nearest(list, x, y) : null;
}

/** The same answer by looking at every box: the reference the grid is tested against. */
export function hitTestBrute(boxes: readonly HitBox[], x: number, y: number): HitBox | null {
	if (x < 0 || y < 0) return null;
	return nearest(boxes, x, y);
}
