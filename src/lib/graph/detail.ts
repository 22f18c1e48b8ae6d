/**
 * Level of detail for a large party graph: when to draw on a canvas instead of SVG, what to
 * leave out of a frame holding thousands of edges, and which labels fit. Pure functions of
 * counts and boxes, so they are tested on their own and the drawing only follows them.
 */

/** Past this many parties, or relations, the graph draws on a canvas layer under the SVG. */
export const CANVAS_PARTIES = 250;
export const CANVAS_RELATIONS = 1000;

/**
 * True when a graph is too big for one SVG element per shape: past a few thousand elements every
 * zoom frame repaints them all. The bundled incidents (tens of parties) stay all SVG.
 */
export function usesCanvas(parties: number, relations: number): boolean {
	return parties > CANVAS_PARTIES || relations > CANVAS_RELATIONS;
}

export interface EdgeDetail {
	/** Arrowheads on directed edges. */
	arrows: boolean;
	/** Dash patterns (the relation's type); without them, the colour still gives its family. */
	dashes: boolean;
}

/**
 * What a frame's edges carry, from how many are on screen: arrowheads and dashes cannot be told
 * apart in a tangle of thousands of edges, and are the costliest part of drawing them; once the
 * view is zoomed in far enough to hold fewer, they come back.
 */
export function edgeDetail(edgesOnScreen: number): EdgeDetail {
	return { arrows: edgesOnScreen <= 1500, dashes: edgesOnScreen <= 2500 };
}

export interface LabelBox {
	/** Centre of the label's top edge, px (text is centred below its party). */
	x: number;
	y: number;
	w: number;
	h: number;
}

/**
 * Greedy label placement: takes the candidates in the order given (most important first) and
 * keeps each whose box, grown by `gap`, overlaps none kept before. Returns the indices kept.
 * The first `fixed` boxes are kept whatever they overlap: what is drawn anyway (parties in SVG
 * over the canvas), which the others must keep clear of. A grid of `cell` px makes it linear in
 * the number of candidates for boxes smaller than a cell or two.
 */
export function fitLabels(boxes: readonly LabelBox[], gap = 2, cell = 64, fixed = 0): number[] {
	const grid = new Map<string, number[]>();
	const kept: number[] = [];
	const edges = (b: LabelBox) => ({
		x0: b.x - b.w / 2 - gap,
		x1: b.x + b.w / 2 + gap,
		y0: b.y - gap,
		y1: b.y + b.h + gap
	});
	const placed: ReturnType<typeof edges>[] = [];
	boxes.forEach((b, i) => {
		const e = edges(b);
		const cx0 = Math.floor(e.x0 / cell);
		const cx1 = Math.floor(e.x1 / cell);
		const cy0 = Math.floor(e.y0 / cell);
		const cy1 = Math.floor(e.y1 / cell);
		for (let cy = cy0; cy <= cy1 && i >= fixed; cy++)
			for (let cx = cx0; cx <= cx1; cx++)
				for (const j of grid.get(`${cx},${cy}`) ?? []) {
					const o = placed[j]!;
					if (o.x0 < e.x1 && e.x0 < o.x1 && o.y0 < e.y1 && e.y0 < o.y1) return;
				}
		const j = placed.push(e) - 1;
		kept.push(i);
		for (let cy = cy0; cy <= cy1; cy++)
			for (let cx = cx0; cx <= cx1; cx++) {
				const k = `${cx},${cy}`;
				const list = grid.get(k);
				if (list) list.push(j);
				else grid.set(k, [j]);
			}
	});
	return kept;
}

/** The same answer by comparing every pair: the reference the grid is tested against. */
export function fitLabelsBrute(boxes: readonly LabelBox[], gap = 2, fixed = 0): number[] {
	const kept: number[] = [];
	const overlaps = (a: LabelBox, b: LabelBox) =>
		Math.abs(a.x - b.x) < (a.w + b.w) / 2 + 2 * gap &&
		a.y - gap < b.y + b.h + gap &&
		b.y - gap < a.y + a.h + gap;
	boxes.forEach((b, i) => {
		if (i < fixed || kept.every((j) => !overlaps(b, boxes[j]!))) kept.push(i);
	});
	return kept;
}
