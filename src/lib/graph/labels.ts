/**
 * Where the graph's labels go: each party's name is tried below its shape, above, to the right
 * and to the left, slid along its edge to stay inside the plot, and kept only where it overlaps
 * no label placed before it and no shape it must not hide; it covers another party's shape only
 * when no side is clear of shapes (its halo keeps it readable). Candidates come most important
 * first, so when there is no room it is the minor names that are left out (and counted), never
 * printed over one another. A grid of cells makes it linear in the number of candidates for boxes smaller
 * than a cell or two: a graph of thousands of parties places its labels in a few milliseconds.
 * Pure: the SVG and the canvas both draw what it returns.
 */

/** An axis-aligned box in screen px. */
export interface Box {
	x0: number;
	y0: number;
	x1: number;
	y1: number;
}

export interface LabelCandidate {
	id: string;
	/** The party's centre on screen, px. */
	x: number;
	y: number;
	/** How far its shape reaches from the centre, px. */
	r: number;
	/** The label's size, px. */
	w: number;
	h: number;
	/**
	 * A name that must be read (a party the selection or a briefing step is about): in a crowd
	 * with no side clear of shapes, it covers other parties' shapes and the edges of selected
	 * ones (never their middles, never another name), its halo keeping it readable.
	 */
	keep?: boolean;
}

export type LabelSide = 'below' | 'above' | 'right' | 'left';

export interface PlacedLabel {
	id: string;
	side: LabelSide;
	/** The label's box on screen. */
	box: Box;
	/**
	 * Set when a name that must be read found room only away from its party: drawn with a
	 * line from the shape to the name.
	 */
	leader?: boolean;
}

export interface Placement {
	/** Placed labels, in the order of the candidates. */
	placed: PlacedLabel[];
	/** Ids of candidates left out for want of room. */
	hidden: string[];
}

export interface PlaceOptions {
	/** The plot: labels stay inside [0, width] × [0, height]. */
	width: number;
	height: number;
	/** Boxes no label may overlap: the selected parties' shapes, what is drawn on top. */
	obstacles?: readonly Box[];
	/**
	 * Boxes a label keeps clear of where it can, and covers in part (its halo keeping it
	 * readable), never their middle half, only when every side would otherwise leave it out:
	 * the other parties' shapes.
	 */
	soft?: readonly Box[];
	/** Clear space kept around each label, px. */
	gap?: number;
	/** Space between a shape and its label, px. */
	offset?: number;
	/** Grid cell, px. */
	cell?: number;
}

const SIDES: readonly LabelSide[] = ['below', 'above', 'right', 'left'];
/** How much further out, px, a name that must be read is tried when no side is free. */
const LEADER_STEPS = [12, 24, 36, 52, 72, 96, 124];
/** The directions tried round the party, from straight below it round the clock. */
const LEADER_ANGLES = 16;

/** Whether two boxes overlap (touching edges do not). */
export function overlaps(a: Box, b: Box): boolean {
	return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/** A box grown by `d` on every side. */
export function grow(b: Box, d: number): Box {
	return { x0: b.x0 - d, y0: b.y0 - d, x1: b.x1 + d, y1: b.y1 + d };
}

/** The box of a party's shape: `r` from its centre every way. */
export function shapeBox(c: Pick<LabelCandidate, 'x' | 'y' | 'r'>): Box {
	return { x0: c.x - c.r, y0: c.y - c.r, x1: c.x + c.r, y1: c.y + c.r };
}

/**
 * The label's box on one side of its party, inside the plot if it can be: a label above or
 * below slides sideways (keeping the party's centre within its width), one to the right or left
 * slides up or down (keeping the centre within its height). Null when it cannot fit that side.
 */
export function sideBox(
	c: LabelCandidate,
	side: LabelSide,
	width: number,
	height: number,
	offset = 3
): Box | null {
	const { x, y, r, w, h } = c;
	const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
	let x0: number;
	let y0: number;
	if (side === 'below' || side === 'above') {
		// Slide to stay inside, but never so far the label no longer sits over its party.
		x0 = clamp(clamp(x - w / 2, 0, width - w), x - w, x);
		y0 = side === 'below' ? y + r + offset : y - r - offset - h;
	} else {
		x0 = side === 'right' ? x + r + offset + 2 : x - r - offset - 2 - w;
		y0 = clamp(clamp(y - h / 2, 0, height - h), y - h, y);
	}
	const box = { x0, y0, x1: x0 + w, y1: y0 + h };
	return box.x0 >= 0 && box.y0 >= 0 && box.x1 <= width && box.y1 <= height ? box : null;
}

/** Where the line from a party to its name placed away meets the name's box: its nearest point. */
export function leaderEnd(c: Pick<LabelCandidate, 'x' | 'y'>, b: Box): [number, number] {
	return [Math.min(b.x1, Math.max(b.x0, c.x)), Math.min(b.y1, Math.max(b.y0, c.y))];
}

/** Places labels, most important candidate first (see the module's comment). */
export function placeLabels(candidates: readonly LabelCandidate[], o: PlaceOptions): Placement {
	const { width, height, obstacles = [], soft = [], gap = 2, offset = 3, cell = 64 } = o;
	const grid = new Map<number, Box[]>();
	const softGrid = new Map<number, Box[]>();
	// Cells keyed by one number: x and y cells fit well inside 2^20 for any plot on a screen.
	const key = (cx: number, cy: number) => (cy + 2 ** 19) * 2 ** 20 + (cx + 2 ** 19);
	const cells = (b: Box, f: (k: number) => boolean | void): boolean => {
		for (let cy = Math.floor(b.y0 / cell); cy <= Math.floor(b.y1 / cell); cy++)
			for (let cx = Math.floor(b.x0 / cell); cx <= Math.floor(b.x1 / cell); cx++)
				if (f(key(cx, cy)) === true) return true;
		return false;
	};
	const add = (b: Box, g = grid) =>
		cells(b, (k) => {
			const list = g.get(k);
			if (list) list.push(b);
			else g.set(k, [b]);
		});
	const blocked = (b: Box, g = grid) =>
		cells(b, (k) => g.get(k)?.some((o) => overlaps(o, b)) ?? false);
	for (const b of obstacles) add(b);
	// The middle of each shape: even a name that covers a shape leaves its middle clear, where
	// a pointer or a finger goes for it; only a name that must be read covers an unselected one's.
	const core = (b: Box) => {
		const [dx, dy] = [(b.x1 - b.x0) / 4, (b.y1 - b.y0) / 4];
		return { x0: b.x0 + dx, y0: b.y0 + dy, x1: b.x1 - dx, y1: b.y1 - dy };
	};
	const coreGrid = new Map<number, Box[]>();
	const hardCoreGrid = new Map<number, Box[]>();
	const labelGrid = new Map<number, Box[]>();
	for (const b of soft) {
		add(b, softGrid);
		add(core(b), coreGrid);
	}
	for (const b of obstacles) add(core(b), hardCoreGrid);
	const placed: PlacedLabel[] = [];
	const hidden: string[] = [];
	// First a side clear of everything, else one that covers only other parties' shapes.
	const clear = (b: Box, all: boolean) =>
		!blocked(grow(b, gap)) && !blocked(b, all ? softGrid : coreGrid);
	// A name that must be read, in a crowd: clear of other names and of selected shapes' middles.
	const clearForKeep = (b: Box) => !blocked(grow(b, gap), labelGrid) && !blocked(b, hardCoreGrid);
	/**
	 * A name that must be read and has no room beside its party, in a crowd: the nearest spot
	 * further out, clear of shapes where one is in reach, else clear of names and middles.
	 */
	const awayFrom = (c: LabelCandidate) => {
		for (const all of [true, false])
			for (const d of LEADER_STEPS)
				for (let a = 0; a < LEADER_ANGLES; a++) {
					// Round the party on an ellipse that keeps the name's near edge d px out.
					const t = (2 * Math.PI * a) / LEADER_ANGLES + Math.PI / 2;
					const cx = c.x + Math.cos(t) * (c.r + offset + d + c.w / 2);
					const cy = c.y + Math.sin(t) * (c.r + offset + d + c.h / 2);
					const box = { x0: cx - c.w / 2, y0: cy - c.h / 2, x1: cx + c.w / 2, y1: cy + c.h / 2 };
					if (box.x0 < 0 || box.y0 < 0 || box.x1 > width || box.y1 > height) continue;
					if (clear(box, all) && clearForKeep(box) && lineClear(c, box)) {
						const side: LabelSide =
							Math.abs(Math.sin(t)) > 0.7
								? Math.sin(t) > 0
									? 'below'
									: 'above'
								: cx > c.x
									? 'right'
									: 'left';
						return { side, box, leader: true };
					}
				}
		return undefined;
	};
	// The line to a name placed away crosses no other name and no selected shape: it would
	// read as belonging to what it crosses.
	const lineClear = (c: LabelCandidate, b: Box) => {
		const [tx, ty] = leaderEnd(c, b);
		const len = Math.hypot(tx - c.x, ty - c.y);
		for (let t = c.r + 3; t < len - 1; t += 3) {
			const [px, py] = [c.x + ((tx - c.x) * t) / len, c.y + ((ty - c.y) * t) / len];
			if (blocked({ x0: px - 0.5, y0: py - 0.5, x1: px + 0.5, y1: py + 0.5 })) return false;
		}
		return true;
	};
	for (const c of candidates) {
		const sides = SIDES.map((side) => ({
			side,
			box: sideBox(c, side, width, height, offset),
			leader: false
		}));
		const pick =
			sides.find((s) => s.box && clear(s.box, true)) ??
			sides.find((s) => s.box && clear(s.box, false)) ??
			(c.keep ? sides.find((s) => s.box && clearForKeep(s.box)) : undefined) ??
			(c.keep ? awayFrom(c) : undefined);
		if (!pick) {
			hidden.push(c.id);
			continue;
		}
		add(grow(pick.box!, gap));
		add(grow(pick.box!, gap), labelGrid);
		const label: PlacedLabel = { id: c.id, side: pick.side, box: pick.box! };
		if (pick.leader) label.leader = true;
		placed.push(label);
	}
	return { placed, hidden };
}
