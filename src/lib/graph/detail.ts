/**
 * Level of detail for a large party graph: when to draw on a canvas instead of SVG, what to
 * leave out of a frame holding thousands of edges. Pure functions of counts, tested on their own;
 * the drawing only follows them. (Where labels go is labels.ts.)
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
