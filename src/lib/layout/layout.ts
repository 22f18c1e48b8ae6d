/**
 * Lane and row layout: a pure function from items and a scale to positioned marks. Nothing is
 * ever drawn over anything else: items stack into rows with their labels; when a lane runs out
 * of rows, labels are dropped; when even marks cannot fit, neighbours merge into a cluster that
 * shows its count and opens as the user zooms in.
 */
import type { TimelineItem } from './items';
import {
	binCounts,
	buildTimeIndex,
	countLane,
	gatherLane,
	INSTANT,
	laneItems,
	lowerBound,
	PERIOD,
	RANGE,
	SHAPES,
	upperBound,
	type LaneIndex,
	type LaneItems,
	type TimeIndex
} from './time-index';

/** A linear scale from instants (ms) to px and back, as d3's scaleLinear gives. */
export interface TimeScale {
	(t: number): number;
	invert(px: number): number;
}

export interface LayoutOptions {
	rowHeight: number;
	/** Rows a lane may use before items start to cluster. */
	maxRows: number;
	/** Average label glyph width in px, to estimate label widths where `labelWidth` is null. */
	charWidth: number;
	/** How wide a title is as a label, px, measured in the label's font; null to estimate. */
	labelWidth: ((title: string) => number) | null;
	/** The widest a label may grow, px; a label is cut to the room its row has up to this. */
	labelMaxWidth: number;
	/** Minimum horizontal gap between neighbours in a row, px. */
	gap: number;
	/** Minimum drawn width of any mark, px. */
	markSize: number;
	/** Vertical padding inside each lane, px. */
	lanePadding: number;
	/** Overflow items closer than this (px) join one cluster. */
	clusterGap: number;
	/** A date-only event covering this share of the view moves to the lane's strip. */
	coverFraction: number;
	/**
	 * Height of that strip, px: 0 when the view notes it on the lane's name line, as the
	 * timeline does, so it takes no row at fine zoom.
	 */
	stripHeight: number;
	/** An item laid out before all others (the selected event), so it is never hidden. */
	first: string | null;
	/** Items laid out right after `first` (a briefing step's focus), never hidden either. */
	priority: ReadonlySet<string> | null;
	/**
	 * Briefing mode: date-only events that cover the whole view are left out rather than
	 * stripped, lanes with nothing to show in the view are dropped, and with a focus
	 * (`priority`) the other events of a lane take only the rows its focus opened (one row in
	 * a lane without focus), the rest counted in badges: a projected timeline spends its
	 * height on what the step is about.
	 */
	sparse: boolean;
	/**
	 * Above this many items in view, a lane stops placing marks one by one and shows how many
	 * events fall in each stretch of time instead (clusters that open as the user zooms in).
	 * Pinned items (`first`, `priority`) are still drawn as marks.
	 */
	detailLimit: number;
	/** Width of the bins an aggregated lane counts events in, px. */
	binPx: number;
	/** Widest an aggregate cluster grows before a new one starts, px. */
	maxClusterPx: number;
	/**
	 * The part of the lanes' height on screen, [top, bottom] px in lane coordinates, or null.
	 * When given and more than `exactLimit` items are in view over all lanes, each lane takes
	 * the most height its items in view could need (known from the index without placing
	 * them), so every lane's place depends only on the window in time, never on scrolling, and
	 * only the lanes crossing this range are laid out: a timeline of a thousand parties costs
	 * what the dozen on screen cost. Otherwise every lane is laid out and takes exactly the
	 * height it uses.
	 */
	viewY: [number, number] | null;
	/** Up to this many items in view over all lanes, every lane is laid out (see `viewY`). */
	exactLimit: number;
	/**
	 * The least height each lane takes, px, by lane id, or null: lanes hold the height they
	 * had on earlier frames of a zoom or a drag (see Explorer.layout), so the lanes below one
	 * that loses a row do not move up on that frame and down again on the next. The room left
	 * over is below the lane's rows.
	 */
	laneFloors: ReadonlyMap<string, number> | null;
}

/** Height of a lane's name line, px, where the note of its date-only events is written. */
const NAME_LINE = 22;

export const DEFAULT_LAYOUT: LayoutOptions = {
	rowHeight: 26,
	maxRows: 4,
	charWidth: 7,
	labelWidth: null,
	labelMaxWidth: 420,
	gap: 8,
	markSize: 12,
	lanePadding: 8,
	clusterGap: 28,
	coverFraction: 0.8,
	stripHeight: 0,
	first: null,
	priority: null,
	sparse: false,
	detailLimit: 1500,
	binPx: 3,
	maxClusterPx: 44,
	viewY: null,
	exactLimit: 3000,
	laneFloors: null
};

export interface EventMark {
	kind: 'event';
	id: string;
	item: TimelineItem;
	row: number;
	/** Left and right edge of the mark body, px. */
	x0: number;
	x1: number;
	/** Soft extent of uncertainty or date-only coverage, px. */
	e0: number;
	e1: number;
	/** Label text when it fits, else null. */
	label: string | null;
	/** Where the label starts, px: after the mark, or inside a wide date-only band. */
	labelX: number;
	y: number;
	/**
	 * The fade of an event with earliest/latest bounds, px: clear at [0] and [3], strongest
	 * from [1] to [2] (see eventFade). Null without bounds.
	 */
	fade: [number, number, number, number] | null;
}

export interface ClusterMark {
	kind: 'cluster';
	id: string;
	count: number;
	row: number;
	x0: number;
	x1: number;
	/** Time extent of the members, for "zoom to cluster". */
	t0: number;
	t1: number;
	y: number;
}

export interface LaneLayout {
	id: string;
	name: string;
	/** The lane's position in the list of lanes (0 first), laid out or not. */
	order: number;
	y: number;
	height: number;
	rows: number;
	marks: EventMark[];
	clusters: ClusterMark[];
	/** Date-only events that span the whole view, summarised in a strip at the lane's top. */
	strip: { ids: string[]; count: number; t0: number; t1: number; y: number } | null;
	/**
	 * Set when the lane had too many items in view to place one by one: how many start in each
	 * bin of `binPx` px, drawn as a density band in the lane's first row, from `y` to `y + h`.
	 */
	density: { binPx: number; counts: Uint32Array; max: number; y: number; h: number } | null;
	/** Items of the lane overlapping the view (counted from the index when aggregated). */
	inView: number;
}

export interface TimelineLayout {
	/** The lanes laid out: all of them, or when `bounded` those crossing `viewY`. */
	lanes: LaneLayout[];
	/** Height of every lane together, laid out or not. */
	height: number;
	/** Event marks drawn one by one, over all lanes. */
	markCount: number;
	/** Items in view over every lane (counted from the index for lanes not laid out). */
	inView: number;
	/** How many lanes there are in all (`lanes` may hold only those on screen). */
	laneCount: number;
	/** True when lanes took their bounded heights and only those on screen were laid out. */
	bounded: boolean;
	/** Where each lane starts, px, by its place in the list, laid out or not; then the end. */
	tops: Float64Array;
}

/** The narrowest a cluster's badge is drawn, px: a touch target's width. */
export const PILL_MIN = 24;

/** "+950", "+1.2k", "+24k": a cluster's count in the room a badge has. */
export function compactCount(n: number): string {
	if (n < 1000) return String(n);
	if (n < 10_000) return `${(n / 1000).toFixed(1).replace(/\.0$/, '')}k`;
	return `${Math.round(n / 1000)}k`;
}

/** A cluster's badge is as wide as its "+N" in 12 px bold, with a margin: never a bar. */
export function pillWidth(count: number): number {
	return Math.max(PILL_MIN, Math.ceil(12 + 6.5 * (compactCount(count).length + 1)));
}

/**
 * The window a cluster's pill zooms in to: its events with room either side (30% of their span,
 * at least `minPad`). A cluster reaching past the window (long periods) is taken for its part in
 * view, and the result is never wider than half the window, around the middle of that part:
 * a pill that says "zoom in" always zooms in.
 */
export function clusterWindow(
	c: { t0: number; t1: number },
	[w0, w1]: readonly [number, number],
	minPad: number
): [number, number] {
	const a = Math.max(c.t0, w0);
	const b = Math.min(c.t1, w1);
	const [t0, t1] = a <= b ? [a, b] : [c.t0, c.t1];
	const pad = Math.max((t1 - t0) * 0.3, minPad);
	const most = (w1 - w0) / 2;
	if (t1 - t0 + 2 * pad <= most) return [t0 - pad, t1 + pad];
	const mid = (t0 + t1) / 2;
	return [mid - most / 2, mid + most / 2];
}

/** The lanes that cross the band of the timeline from `top` to `bottom` (the screen), px. */
export function lanesIn<L extends { y: number; height: number }>(
	lanes: readonly L[],
	[top, bottom]: readonly [number, number]
): L[] {
	return lanes.filter((l) => l.y + l.height >= top && l.y <= bottom);
}

/** Where a cluster's badge is drawn, [left, right] px: its own width, inside the view. */
export function pillSpan(c: Pick<ClusterMark, 'x0' | 'x1'>, width: number): [number, number] {
	const w = Math.max(PILL_MIN, c.x1 - c.x0);
	const x0 = Math.max(0, Math.min(c.x0, width - w));
	return [x0, x0 + w];
}

/**
 * Truncates a title to what fits in `maxWidth` px, with an ellipsis. `widthOf` measures a
 * text (or a number: px per character, an estimate).
 */
export function fitLabel(
	title: string,
	maxWidth: number,
	widthOf: number | ((text: string) => number)
): string {
	const measure = typeof widthOf === 'number' ? (t: string) => t.length * widthOf : widthOf;
	if (measure(title) <= maxWidth) return title;
	// The longest start of the title that fits with its ellipsis (widths grow with length).
	let lo = 1;
	let hi = title.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (measure(title.slice(0, mid).trimEnd() + '…') <= maxWidth) lo = mid;
		else hi = mid - 1;
	}
	const cut = title.slice(0, lo);
	// Break between words when that keeps most of the room; a half word reads badly.
	const space = cut.lastIndexOf(' ');
	return (space > cut.length * 0.6 ? cut.slice(0, space) : cut).trimEnd() + '…';
}

/** How much wider a bold label is than the same text in the regular weight. */
const BOLD_WIDTH = 1.1;

/** A text's width as a label, px: measured or estimated, a tenth wider when drawn bold. */
function labelWidthOf(text: string, o: LayoutOptions, bold: boolean): number {
	const w = o.labelWidth ? o.labelWidth(text) : text.length * o.charWidth;
	return bold ? w * BOLD_WIDTH : w;
}

/** The narrowest room worth a label, px: a word or two; less, and the mark goes bare. */
const LABEL_MIN = 56;

/** Space between a mark and the label beside it, px. */
const LABEL_GAP = 4;
/** How far a disputed mark's flag (a small triangle at its top right) reaches past it, px. */
const DISPUTED_FLAG = 4;

/**
 * Where a lane's items in view sit, px, one slot per item: mark body [x0, x1], soft extent
 * [e0, e1], and placement order (the selected event, a briefing's focus, precise events,
 * date-only). Scratch space grown as needed and reused by every lane and frame: placing a
 * thousand items in view makes no object for each, only for those that get a mark.
 */
const slots = {
	x0: new Float64Array(256),
	x1: new Float64Array(256),
	e0: new Float64Array(256),
	e1: new Float64Array(256),
	rank: new Uint8Array(256),
	/**
	 * Indices of the items to place, then of those left for the clusters. Plain arrays, not
	 * typed ones: a lane's items come as a few runs already in time order (one per length
	 * class, see time-index.ts), and an array's sort (TimSort) merges such runs in near-linear
	 * time, where a typed array's sort with a comparator is a merge sort that compares
	 * n log n times whatever the order.
	 */
	rest: [] as number[],
	overflow: [] as number[]
};

function growSlots(n: number) {
	if (slots.x0.length >= n) return;
	const m = Math.max(n, slots.x0.length * 2);
	slots.x0 = new Float64Array(m);
	slots.x1 = new Float64Array(m);
	slots.e0 = new Float64Array(m);
	slots.e1 = new Float64Array(m);
	slots.rank = new Uint8Array(m);
}

/**
 * A d3 linear scale as four numbers, computed the way d3 computes it (so to the last bit): a
 * call to the scale itself returns each result as a boxed number, and over the thousands of
 * items a zoom frame can place those allocations were most of what the frame allocated, and
 * of the garbage collections in the slowest frames. Null for any other scale, which is called.
 */
export interface Linear {
	d0: number;
	span: number;
	r0: number;
	r1: number;
}

export function linearOf(x: TimeScale): Linear | null {
	const s = x as TimeScale & { domain?: () => unknown[]; range?: () => unknown[] };
	if (typeof s.domain !== 'function' || typeof s.range !== 'function') return null;
	const domain = s.domain();
	const range = s.range();
	if (domain.length !== 2 || range.length !== 2) return null;
	const [d0, d1] = domain;
	const [r0, r1] = range;
	if (typeof d0 !== 'number' || typeof d1 !== 'number' || !(d1 > d0)) return null;
	if (typeof r0 !== 'number' || typeof r1 !== 'number') return null;
	const lin = { d0, span: d1 - d0, r0, r1 };
	// Clamped, rounded or otherwise not plain: the scale says so at its ends or middle.
	for (const t of [d0 - (d1 - d0), d0, d0 + (d1 - d0) / 3, d1])
		if (!Object.is(x(t), toPx(lin, t))) return null;
	return lin;
}

/** The px of instant t on a linear scale (see linearOf). */
export function toPx(lin: Linear, t: number): number {
	const u = (t - lin.d0) / lin.span;
	return lin.r0 * (1 - u) + lin.r1 * u;
}

/** -1, 0 or 1 as a sorts before, with or after b. */
const order = <T extends number | string>(a: T, b: T) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Puts item i's mark in its slot, from the item's shape (see SHAPES), extent, start and end,
 * with the scale as numbers when it is linear.
 */
function place(
	i: number,
	shape: number,
	ext0: number,
	ext1: number,
	start: number,
	end: number,
	x: TimeScale,
	lin: Linear | null,
	o: LayoutOptions
) {
	const e0 = lin ? toPx(lin, ext0) : x(ext0);
	const e1 = lin ? toPx(lin, ext1) : x(ext1);
	slots.e0[i] = e0;
	slots.e1[i] = e1;
	if (shape === PERIOD) {
		// A date-only event is its whole day: the body is the extent, at least a mark wide.
		slots.x0[i] = e0;
		slots.x1[i] = Math.max(e1, e0 + o.markSize);
		slots.rank[i] = 3;
		return;
	}
	const s = lin ? toPx(lin, start) : x(start);
	slots.rank[i] = 2;
	if (shape === RANGE) {
		const e = lin ? toPx(lin, end) : x(end);
		slots.x0[i] = s;
		slots.x1[i] = Math.max(e, s + o.markSize);
	} else {
		slots.x0[i] = s - o.markSize / 2;
		slots.x1[i] = s + o.markSize / 2;
	}
}

/** An item's fade (ms) on the scale, px. Only marks of bounded events have one. */
function fadePx(
	f: [number, number, number, number],
	x: TimeScale,
	lin: Linear | null
): [number, number, number, number] {
	const px = (t: number) => (lin ? toPx(lin, t) : x(t));
	return [px(f[0]), px(f[1]), px(f[2]), px(f[3])];
}

/** Occupied [left, right] intervals of each row, kept sorted by left edge. */
type Rows = [number, number][][];
/** A row not yet begun: nothing in it (never written to). */
const NO_ROW: [number, number][] = [];

/** True when [a, b] (with the gap) touches nothing already in the row. */
function fits(row: [number, number][], a: number, b: number, gap: number): boolean {
	// Binary search for the first interval whose right edge reaches a - gap.
	let lo = 0;
	let hi = row.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (row[mid]![1] + gap <= a) lo = mid + 1;
		else hi = mid;
	}
	return lo === row.length || row[lo]![0] >= b + gap;
}

/**
 * The free room in the row to the right of `b`, px, up to `limit`: to the next interval's left
 * edge less the gap. [a, b] itself must fit (see fits).
 */
function roomRight(row: [number, number][], b: number, gap: number, limit: number): number {
	let lo = 0;
	let hi = row.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (row[mid]![0] < b) lo = mid + 1;
		else hi = mid;
	}
	return lo === row.length ? limit : Math.min(limit, row[lo]![0] - gap - b);
}

function occupy(row: [number, number][], a: number, b: number) {
	let i = row.length;
	while (i > 0 && row[i - 1]![0] > a) i--;
	row.splice(i, 0, [a, b]);
}

/** How many rows hold something, counted to the last that does. */
function usedRows(rows: Rows): number {
	let n = rows.length;
	while (n > 0 && rows[n - 1]!.length === 0) n--;
	return n;
}

/**
 * Puts item i (placed in its slot) in the first row with room for it and its label; failing
 * that, the first row with room for the mark alone. Returns null when no row within maxRows
 * has room. The item itself is read only once it has found a row.
 */
function placeInRows(
	i: number,
	item: TimelineItem,
	shape: number,
	rows: Rows,
	width: number,
	o: LayoutOptions,
	x: TimeScale,
	lin: Linear | null,
	maxRows: number
): EventMark | null {
	const { x0, x1, e0, e1 } = slots;
	const body0 = Math.min(x0[i]!, e0[i]!);
	const body1 = Math.max(x1[i]!, e1[i]!);
	// Most items of a crowded lane fit in no row even without a label (and so not with one):
	// that is found first, before the label's room is worked out or the title read.
	let fitsBare = false;
	for (let r = 0; r < maxRows && !fitsBare; r++)
		fitsBare = fits((rows[r] ??= []), body0, body1, o.gap);
	if (!fitsBare) return null;
	// The selection and a briefing's focus are drawn bold, which runs about a tenth wider.
	const chosen = item.id === o.first || (o.priority?.has(item.id) ?? false);
	const visible = Math.min(body1, width) - Math.max(body0, 0);
	const runsOffRight = body1 > width && visible >= 60;
	// A label beside its mark starts clear of it, and of the disputed flag at its corner.
	const beside = item.disputed ? LABEL_GAP + DISPUTED_FLAG : LABEL_GAP;
	// A band carries its name inside when the name fits there whole, when the band runs off the
	// right edge, or when neither inside nor beside it (up to the edge) has room for the whole
	// name and inside has more. A name inside is semibold: measured as bold, to be safe.
	// The title is measured once, in the regular weight; bold is a tenth wider.
	const plainW = labelWidthOf(item.title, o, false);
	let inside = false;
	if (shape !== INSTANT) {
		const insideW = Math.min(o.labelMaxWidth, plainW * BOLD_WIDTH);
		const insideRoom = visible - 16;
		inside =
			runsOffRight ||
			insideRoom >= insideW ||
			(insideRoom >= LABEL_MIN && insideRoom > Math.min(insideW, width - body1 - beside));
	}
	const bold = chosen || inside;
	const fullW = bold ? plainW * BOLD_WIDTH : plainW;
	const labelW = Math.min(o.labelMaxWidth, fullW);
	let row = -1;
	let room = 0;
	let labelX = body1 + beside;
	if (inside) {
		// A range or date-only band long enough on screen carries its name inside, from its
		// visible start; one running off the right edge is named inside, cut to fit.
		labelX = Math.max(body0, 0) + 8;
		room = Math.min(labelW, visible - 16);
		for (let r = 0; r < maxRows && row < 0; r++)
			if (fits(rows[r] ?? NO_ROW, body0, body1, o.gap)) row = r;
		occupy((rows[row] ??= []), body0, body1);
	} else {
		// Beside the mark, in the row with room for the whole label, else the row with the most
		// room up to the next mark (cut to it), else bare in the first row with room. Labels
		// never run off the right edge.
		const limit = Math.min(labelW, width - body1 - beside);
		// The least room worth a label: a word or two, or the whole of a shorter title (a pixel
		// at least: with labels turned off, labelMaxWidth 0, every mark goes bare).
		const least = Math.max(1, Math.min(LABEL_MIN, labelW));
		let bare = -1;
		for (let r = 0; r < maxRows; r++) {
			const inRow = rows[r] ?? NO_ROW;
			if (!fits(inRow, body0, body1, o.gap)) continue;
			if (bare < 0) bare = r;
			if (limit < least) break;
			const free = roomRight(inRow, body1 + beside, o.gap, limit);
			if (free > room) {
				room = free;
				row = r;
			}
			if (free >= limit) break;
		}
		if (room < least) {
			room = 0;
			row = bare;
		}
		// A mark the step is about, with no room to its right (near the edge): its name goes to
		// its left, ending just before it, in a row with room for both.
		if (room === 0 && chosen) {
			const leftLimit = Math.min(labelW, body0 - LABEL_GAP);
			for (let r = 0; r < maxRows && leftLimit >= least; r++) {
				if (!fits(rows[r] ?? NO_ROW, body0 - LABEL_GAP - leftLimit, body1, o.gap)) continue;
				const text =
					fullW <= leftLimit
						? item.title
						: fitLabel(item.title, leftLimit, (t) => labelWidthOf(t, o, bold));
				const w = text === item.title ? fullW : labelWidthOf(text, o, bold);
				occupy((rows[r] ??= []), body0 - LABEL_GAP - w, body1);
				return eventMark(i, item, r, text, body0 - LABEL_GAP - w, x, lin);
			}
		}
		occupy((rows[row] ??= []), body0, room > 0 ? body1 + beside + room : body1);
	}
	// Most labels fit whole; only a cut one is measured again, prefix by prefix.
	const label =
		room <= 0
			? null
			: fullW <= room
				? item.title
				: fitLabel(item.title, room, (t) => labelWidthOf(t, o, bold));
	return eventMark(i, item, row, label, room > 0 ? labelX : body1 + beside, x, lin);
}

/** Item i's mark, from its slot. */
function eventMark(
	i: number,
	item: TimelineItem,
	row: number,
	label: string | null,
	labelX: number,
	x: TimeScale,
	lin: Linear | null
): EventMark {
	const { x0, x1, e0, e1 } = slots;
	return {
		kind: 'event',
		id: item.id,
		item,
		row,
		x0: x0[i]!,
		x1: x1[i]!,
		e0: e0[i]!,
		e1: e1[i]!,
		label,
		labelX,
		y: 0,
		fade: item.fade ? fadePx(item.fade, x, lin) : null
	};
}

/**
 * Lays out items in lanes for the scale x (instant → px) over a viewport width px wide.
 * Builds a time index first: for a layout redrawn at every zoom frame, build the index once
 * (`buildTimeIndex`) and call `layoutIndexed`.
 */
export function layoutTimeline(
	items: TimelineItem[],
	lanes: { id: string; name: string }[],
	x: TimeScale,
	width: number,
	options: Partial<LayoutOptions> = {}
): TimelineLayout {
	return layoutIndexed(buildTimeIndex(items), lanes, x, width, options);
}

/**
 * Lays out the indexed items in lanes. Items wholly outside the viewport are skipped (a label
 * without its mark would mislead), and only the items in view are ever touched: work follows
 * what is visible, not the size of the incident. A lane with more than `detailLimit` items in
 * view is aggregated into counts per stretch of time, in work proportional to its width.
 */
export function layoutIndexed(
	index: TimeIndex,
	lanes: { id: string; name: string }[],
	x: TimeScale,
	width: number,
	options: Partial<LayoutOptions> = {}
): TimelineLayout {
	const o = { ...DEFAULT_LAYOUT, ...options };
	// The scale as numbers, worked out once for every lane (see linearOf).
	const lin = linearOf(x);
	// The window in time, padded by a mark's width so a mark poking in from an edge is found.
	const pad = Math.abs(x.invert(o.markSize) - x.invert(0));
	const t0 = x.invert(0) - pad;
	const t1 = x.invert(width) + pad;
	// The window itself, unpadded, for what a lane's height must allow (see laneBound).
	const ends = [x.invert(0), x.invert(width)];
	const shown: [number, number] = [Math.min(...ends), Math.max(...ends)];

	// Counting what each lane has in view is cheap (two binary searches a lane); placing it
	// is not. With much in view, only the lanes on screen are placed.
	const counts = lanes.map((lane) => countLane(index.lanes.get(lane.id), t0, t1));
	const viewY = o.viewY && counts.reduce((a, b) => a + b, 0) > o.exactLimit ? o.viewY : null;
	// How many pinned items each lane holds bounds its rows of marks.
	const pinned = new Map<string, number>();
	if (viewY) {
		for (const id of new Set([...(o.first ? [o.first] : []), ...(o.priority ?? [])])) {
			const item = index.byId.get(id);
			if (item) pinned.set(item.lane, (pinned.get(item.lane) ?? 0) + 1);
		}
	}
	let y = 0;
	let markCount = 0;
	let inView = 0;
	const out: LaneLayout[] = [];
	const tops = new Float64Array(lanes.length + 1);
	for (let order = 0; order < lanes.length; order++) {
		tops[order] = y;
		const lane = lanes[order]!;
		const li = index.lanes.get(lane.id);
		const count = counts[order]!;
		let bound = 0;
		if (viewY) {
			if (o.sparse && count === 0) continue;
			bound = Math.max(
				laneBound(li, count, pinned.get(lane.id) ?? 0, shown, o),
				o.laneFloors?.get(lane.id) ?? 0
			);
			if (y + bound < viewY[0] || y > viewY[1]) {
				// Off screen: it keeps its place and its count, and costs nothing more.
				inView += count;
				y += bound;
				continue;
			}
		}
		const result =
			count > o.detailLimit
				? aggregateLane(index, lane, li, x, lin, width, y, o)
				: detailLane(gatherLane(li, t0, t1, gathered), lane, x, lin, width, y, o);
		if (!result) {
			y += bound;
			continue;
		}
		result.order = order;
		if (viewY) result.height = bound;
		else result.height = Math.max(result.height, o.laneFloors?.get(lane.id) ?? 0);
		markCount += result.marks.length;
		inView += result.inView;
		out.push(result);
		y += result.height;
	}
	tops[lanes.length] = y;
	return {
		lanes: out,
		height: y,
		tops,
		markCount,
		inView,
		laneCount: lanes.length,
		bounded: viewY !== null
	};
}

/**
 * The most height a lane can need for the window, from the index alone (see `viewY`): an
 * aggregated lane has its pinned marks' rows, the density band and the clusters; a lane placed
 * one by one has a row per item up to `maxRows`, a row of clusters past that, and a strip when
 * an item long enough to cover the view may be in it.
 */
function laneBound(
	li: LaneIndex | undefined,
	count: number,
	pinned: number,
	[w0, w1]: [number, number],
	o: LayoutOptions
): number {
	const pad = 2 * o.lanePadding;
	if (count > o.detailLimit) return (Math.min(o.maxRows, pinned) + 2) * o.rowHeight + pad;
	const rows = count > o.maxRows ? o.maxRows + 1 : Math.max(1, count);
	let strip = 0;
	if (li && !o.sparse && count > 0) {
		const cover = o.coverFraction * (w1 - w0);
		for (const c of li.classes) {
			if (c.maxLength < cover) continue;
			if (upperBound(c.starts, w1) > lowerBound(c.starts, w0 - c.maxLength)) {
				strip = o.stripHeight;
				break;
			}
		}
	}
	return rows * o.rowHeight + pad + strip;
}

/** Gives marks the y of their row, and clusters their row (below the marks) and its y. */
function setRows(
	marks: EventMark[],
	clusters: ClusterMark[],
	top: number,
	clusterRow: number,
	rowHeight: number
) {
	for (const m of marks) m.y = top + m.row * rowHeight + rowHeight / 2;
	for (const c of clusters) {
		c.row = clusterRow;
		c.y = top + clusterRow * rowHeight + rowHeight / 2;
	}
}

/** Scratch space for the items of the lane being placed (see gatherLane). */
const gathered = laneItems();

/** Places every item in view one by one: rows, labels, then clusters for what does not fit. */
function detailLane(
	g: LaneItems,
	lane: { id: string; name: string },
	x: TimeScale,
	lin: Linear | null,
	width: number,
	y: number,
	o: LayoutOptions
): LaneLayout | null {
	const items = g.items;
	growSlots(g.n);
	const { x0, x1, e0, e1, rank } = slots;
	// Date-only events that cover nearly the whole view say "this happened that day" and no
	// more: they go to a thin strip at the top of the lane, so they never crowd out the
	// minute-precise events the user zoomed in to see. The rest are placed, by index.
	let inView = 0;
	const covering: TimelineItem[] = [];
	const rest = slots.rest;
	rest.length = 0;
	// Only the columns are read here: an item's object is fetched when it has a row, a strip or
	// a pill to itself, or is the selection or a briefing's focus.
	const pinning = o.first != null || (o.priority?.size ?? 0) > 0;
	for (let i = 0; i < g.n; i++) {
		place(i, g.shape[i]!, g.ext0[i]!, g.ext1[i]!, g.start[i]!, g.end[i]!, x, lin, o);
		if (Math.max(x1[i]!, e1[i]!) < 0 || Math.min(x0[i]!, e0[i]!) > width) continue;
		inView++;
		const visible = Math.min(e1[i]!, width) - Math.max(e0[i]!, 0);
		const id = pinning ? items[i]!.id : null;
		if (
			g.shape[i] === PERIOD &&
			visible >= width * o.coverFraction &&
			(id === null || (id !== o.first && !o.priority?.has(id)))
		)
			covering.push(items[i]!);
		else {
			// The selected event first, then precise events, then coarse ones; left to right.
			if (id !== null && id === o.first) rank[i] = 0;
			else if (id !== null && o.priority?.has(id)) rank[i] = 1;
			rest.push(i);
		}
	}
	// The comparisons answer -1, 0 or 1: a difference of two positions would be a boxed number.
	rest.sort(
		(a, b) =>
			rank[a]! - rank[b]! ||
			order(x0[a]!, x0[b]!) ||
			order(g.start[a]!, g.start[b]!) ||
			order(items[a]!.id, items[b]!.id)
	);

	const rows: Rows = [];
	const marks: EventMark[] = [];
	const overflow = slots.overflow;
	overflow.length = 0;
	// In a briefing the focus is placed first; then the rest may use only the rows it opened.
	let maxRows = o.maxRows;
	let focusPlaced = !(o.sparse && (o.priority?.size ?? 0) > 0);
	for (const i of rest) {
		if (!focusPlaced && rank[i]! > 1) {
			focusPlaced = true;
			maxRows = Math.min(o.maxRows, usedRows(rows));
		}
		const mark = placeInRows(i, items[i]!, g.shape[i]!, rows, width, o, x, lin, maxRows);
		if (mark) marks.push(mark);
		else overflow.push(i);
	}
	// Stable, as the order they were placed in breaks ties.
	overflow.sort((a, b) => order(x0[a]!, x0[b]!));
	const clusters: ClusterMark[] = [];
	// The right edge of the last cluster's members, px: neighbours within clusterGap join it.
	let reach = -Infinity;
	for (const i of overflow) {
		const last = clusters[clusters.length - 1];
		// Neighbours join a cluster while they start near its first: a long run of hidden events
		// becomes several counts side by side, so the badges still say where the events are.
		if (last && x0[i]! - reach < o.clusterGap && x0[i]! - last.x0 <= o.maxClusterPx * 2.5) {
			last.count++;
			reach = Math.max(reach, x1[i]!);
			last.t0 = Math.min(last.t0, g.ext0[i]!);
			last.t1 = Math.max(last.t1, g.ext1[i]!);
		} else {
			// A badge starts inside the view and clear of the one before it, so counts never sit
			// on top of each other (one for events that began off the left edge starts at 0).
			if (last) last.x1 = last.x0 + pillWidth(last.count);
			const left = Math.max(x0[i]!, 0, last ? last.x1 + 2 : 0);
			reach = x1[i]!;
			clusters.push({
				kind: 'cluster',
				id: `${lane.id}:${items[i]!.id}`,
				count: 1,
				row: 0,
				x0: left,
				x1: left,
				t0: g.ext0[i]!,
				t1: g.ext1[i]!,
				y: 0
			});
		}
	}
	const lastCluster = clusters[clusters.length - 1];
	if (lastCluster) lastCluster.x1 = lastCluster.x0 + pillWidth(lastCluster.count);

	// A badge needs its width of view: one that would start nearer the right edge than that
	// joins the badge before it, rather than being pushed back over it.
	for (let i = clusters.length - 1; i > 0 && clusters[i]!.x1 > width; i--) {
		const c = clusters[i]!;
		const prev = clusters[i - 1]!;
		prev.count += c.count;
		prev.x1 = prev.x0 + pillWidth(prev.count);
		prev.t0 = Math.min(prev.t0, c.t0);
		prev.t1 = Math.max(prev.t1, c.t1);
		clusters.pop();
	}

	if (o.sparse && marks.length === 0 && clusters.length === 0) return null;
	let s0 = Infinity;
	let s1 = -Infinity;
	for (const item of covering) {
		s0 = Math.min(s0, item.extent[0]);
		s1 = Math.max(s1, item.extent[1]);
	}
	const strip =
		covering.length && !o.sparse
			? {
					ids: covering.map((item) => item.id),
					count: covering.length,
					t0: s0,
					t1: s1,
					y: y + o.lanePadding + o.stripHeight / 2
				}
			: null;
	const top = y + o.lanePadding + (strip ? o.stripHeight : 0);
	// Rows for marks only: a lane of badges, of the note of its date-only events, or with
	// nothing in view is no taller than it needs (at least its name line, below).
	const markRows = marks.length > 0 ? Math.max(1, rows.length) : 0;
	const rowCount = markRows + (clusters.length > 0 ? 1 : 0);
	const height = Math.max(
		rowCount * o.rowHeight + 2 * o.lanePadding + (strip ? o.stripHeight : 0),
		NAME_LINE
	);
	setRows(marks, clusters, top, markRows, o.rowHeight);
	return {
		id: lane.id,
		name: lane.name,
		order: 0,
		y,
		height,
		rows: rowCount,
		marks,
		clusters,
		strip,
		density: null,
		inView
	};
}

/**
 * A lane with too many items in view to tell apart: a density band of how many events start
 * in each few pixels, clusters of counts to zoom into, and the pinned items as marks above.
 */
function aggregateLane(
	index: TimeIndex,
	lane: { id: string; name: string },
	li: LaneIndex | undefined,
	x: TimeScale,
	lin: Linear | null,
	width: number,
	y: number,
	o: LayoutOptions
): LaneLayout {
	const w0 = x.invert(0);
	const w1 = x.invert(width);
	const n = Math.max(1, Math.ceil(width / o.binPx));
	const counts = binCounts(li, w0, w1, n);

	// Pinned items keep their marks, first and then in the order given.
	const rows: Rows = [];
	const marks: EventMark[] = [];
	const ids = [...(o.first ? [o.first] : []), ...(o.priority ?? [])];
	for (const id of new Set(ids)) {
		const item = index.byId.get(id);
		if (!item || item.lane !== lane.id) continue;
		const shape = SHAPES.indexOf(item.shape);
		place(0, shape, item.extent[0], item.extent[1], item.start, item.end ?? NaN, x, lin, o);
		const { x0, x1, e0, e1 } = slots;
		if (Math.max(x1[0]!, e1[0]!) < 0 || Math.min(x0[0]!, e0[0]!) > width) continue;
		const mark = placeInRows(0, item, shape, rows, width, o, x, lin, o.maxRows);
		if (!mark) continue;
		marks.push(mark);
		// A pinned mark is not also counted in the clusters.
		const bin = Math.min(n - 1, Math.max(0, Math.floor(((item.extent[0] - w0) / (w1 - w0)) * n)));
		if (counts[bin]! > 0) counts[bin]!--;
	}

	// Counts per stretch of a pill's width: each pill says how many events start under it and
	// zooms to its stretch, so the pills read as a histogram in numbers.
	const bucketPx = o.maxClusterPx + 4;
	// The last pill takes the remainder of the width, so none is cut at the right edge.
	const buckets = Math.max(1, Math.floor(width / bucketPx));
	const pxToT = (px: number) => w0 + ((w1 - w0) * px) / width;
	const clusters: ClusterMark[] = [];
	let inView = 0;
	let max = 0;
	/** The stretch of the last pill. */
	let lastJ = -1;
	for (let i = 0; i < n; i++) {
		const c = counts[i]!;
		if (c === 0) continue;
		inView += c;
		if (c > max) max = c;
		const j = Math.min(buckets - 1, Math.floor((i * o.binPx) / bucketPx));
		if (j === lastJ) clusters[clusters.length - 1]!.count += c;
		else {
			lastJ = j;
			const x0 = j * bucketPx + 2;
			clusters.push({
				kind: 'cluster',
				id: `${lane.id}@${j}`,
				count: c,
				row: 0,
				x0,
				x1: x0, // set once its count is known
				t0: pxToT(j * bucketPx),
				t1: j === buckets - 1 ? w1 : pxToT((j + 1) * bucketPx),
				y: 0
			});
		}
	}

	for (const c of clusters) c.x1 = c.x0 + Math.min(o.maxClusterPx, pillWidth(c.count));

	const markRows = rows.length;
	const top = y + o.lanePadding;
	const densityH = o.rowHeight;
	const rowCount = markRows + 2; // marks, the density band, the clusters
	const height = rowCount * o.rowHeight + 2 * o.lanePadding;
	const densityY = top + markRows * o.rowHeight;
	setRows(marks, clusters, top, markRows + 1, o.rowHeight);
	return {
		id: lane.id,
		name: lane.name,
		order: 0,
		y,
		height,
		rows: rowCount,
		marks,
		clusters,
		strip: null,
		density: { binPx: o.binPx, counts, max, y: densityY, h: densityH },
		inView: inView + marks.length
	};
}
