/**
 * Hit testing for parties drawn on the graph's canvas layer: a uniform grid over the layout's
 * coordinates, each cell listing the parties whose centre falls in it. Built once per layout (a
 * zoom does not change layout coordinates, so the index outlives every zoom frame); a query
 * looks at the few cells within reach of the pointer, whatever the number of parties.
 */
import type { ZoomTransform } from 'd3-zoom';

export interface HitNode {
	id: string;
	/** Centre in layout coordinates. */
	x: number;
	y: number;
	/** Radius in screen px: shapes keep their size at every zoom level. */
	r: number;
}

export interface NodeIndex {
	cell: number;
	/** Largest radius of any node, px: how far a query must look beyond the pointer. */
	maxR: number;
	cells: Map<string, HitNode[]>;
}

const cellKey = (cx: number, cy: number) => `${cx},${cy}`;

export function buildNodeIndex(nodes: readonly HitNode[], cell = 64): NodeIndex {
	const cells = new Map<string, HitNode[]>();
	let maxR = 0;
	for (const n of nodes) {
		maxR = Math.max(maxR, n.r);
		const k = cellKey(Math.floor(n.x / cell), Math.floor(n.y / cell));
		const list = cells.get(k);
		if (list) list.push(n);
		else cells.set(k, [n]);
	}
	return { cell, maxR, cells };
}

/** The zoom's scale and offset: what the hit test needs of a d3 ZoomTransform. */
export type View = Pick<ZoomTransform, 'k' | 'x' | 'y'>;

/**
 * Whether a node answers a pointer `d` screen px from its centre: inside its shape plus `pad`.
 * Of several, the nearest centre wins, so a click on a party's own shape never goes to a
 * neighbour whose padding overlaps it; ties go to the smaller id.
 */
function better(n: HitNode, d: number, pad: number, best: HitNode | null, bestD: number) {
	if (d > n.r + pad) return false;
	return d < bestD || (d === bestD && best !== null && n.id < best.id);
}

/** The node under the screen point (sx, sy) at zoom `view`, or null. */
export function hitNode(
	index: NodeIndex,
	view: View,
	sx: number,
	sy: number,
	pad = 4
): HitNode | null {
	const x = (sx - view.x) / view.k;
	const y = (sy - view.y) / view.k;
	// Reach in layout units: the biggest shape plus padding, shrunk or grown by the zoom.
	const reach = (index.maxR + pad) / view.k;
	const c = index.cell;
	let best: HitNode | null = null;
	let bestD = Infinity;
	for (let cy = Math.floor((y - reach) / c); cy <= Math.floor((y + reach) / c); cy++)
		for (let cx = Math.floor((x - reach) / c); cx <= Math.floor((x + reach) / c); cx++) {
			const list = index.cells.get(cellKey(cx, cy));
			if (!list) continue;
			for (const n of list) {
				const d = Math.hypot(view.x + n.x * view.k - sx, view.y + n.y * view.k - sy);
				if (better(n, d, pad, best, bestD)) [best, bestD] = [n, d];
			}
		}
	return best;
}

/** The same answer by looking at every node: the reference the grid is tested against. */
export function hitNodeBrute(
	nodes: readonly HitNode[],
	view: View,
	sx: number,
	sy: number,
	pad = 4
): HitNode | null {
	let best: HitNode | null = null;
	let bestD = Infinity;
	for (const n of nodes) {
		const d = Math.hypot(view.x + n.x * view.k - sx, view.y + n.y * view.k - sy);
		if (better(n, d, pad, best, bestD)) [best, bestD] = [n, d];
	}
	return best;
}
