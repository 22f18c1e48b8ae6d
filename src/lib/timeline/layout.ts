/**
 * Lane and row layout: a pure function from items and a scale to positioned marks. Nothing is
 * ever drawn over anything else: items stack into rows with their labels; when a lane runs out
 * of rows, labels are dropped; when even marks cannot fit, neighbours merge into a cluster that
 * shows its count and opens as the user zooms in.
 */
import type { TimelineItem } from './items';

export interface LayoutOptions {
	rowHeight: number;
	/** Rows a lane may use before items start to cluster. */
	maxRows: number;
	/** Average label glyph width in px, to estimate label widths without measuring text. */
	charWidth: number;
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
	/** Height of that strip, px. */
	stripHeight: number;
	/** An item laid out before all others (the selected event), so it is never hidden. */
	first: string | null;
	/** Items laid out right after `first` (a briefing step's focus), never hidden either. */
	priority: ReadonlySet<string> | null;
	/**
	 * Briefing mode: date-only events that cover the whole view are left out rather than
	 * stripped, and lanes with nothing to show in the view are dropped, so a projected
	 * timeline spends its height on what the step is about.
	 */
	sparse: boolean;
}

export const DEFAULT_LAYOUT: LayoutOptions = {
	rowHeight: 26,
	maxRows: 4,
	charWidth: 7,
	labelMaxWidth: 220,
	gap: 8,
	markSize: 12,
	lanePadding: 8,
	clusterGap: 28,
	coverFraction: 0.8,
	stripHeight: 22,
	first: null,
	priority: null,
	sparse: false
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
}

export interface ClusterMark {
	kind: 'cluster';
	id: string;
	ids: string[];
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
	y: number;
	height: number;
	rows: number;
	marks: EventMark[];
	clusters: ClusterMark[];
	/** Date-only events that span the whole view, summarised in a strip at the lane's top. */
	strip: { ids: string[]; count: number; t0: number; t1: number; y: number } | null;
}

export interface TimelineLayout {
	lanes: LaneLayout[];
	height: number;
}

/** Truncates a title to what fits, with an ellipsis. */
export function fitLabel(title: string, maxWidth: number, charWidth: number): string {
	const maxChars = Math.floor(maxWidth / charWidth);
	if (title.length <= maxChars) return title;
	const cut = title.slice(0, Math.max(1, maxChars - 1));
	// Break between words when that keeps most of the room; a half word reads badly.
	const space = cut.lastIndexOf(' ');
	return (space > cut.length * 0.6 ? cut.slice(0, space) : cut).trimEnd() + '…';
}

interface Placed {
	item: TimelineItem;
	x0: number;
	x1: number;
	e0: number;
	e1: number;
}

function place(item: TimelineItem, x: (t: number) => number, o: LayoutOptions): Placed {
	const e0 = x(item.extent[0]);
	const e1 = x(item.extent[1]);
	if (item.shape === 'period') {
		// A date-only event is its whole day: the body is the extent, at least a mark wide.
		return { item, x0: e0, x1: Math.max(e1, e0 + o.markSize), e0, e1 };
	}
	const s = x(item.start);
	if (item.shape === 'range') {
		const en = x(item.end!);
		return { item, x0: s, x1: Math.max(en, s + o.markSize), e0, e1 };
	}
	return { item, x0: s - o.markSize / 2, x1: s + o.markSize / 2, e0, e1 };
}

/** Occupied [left, right] intervals of each row, kept sorted by left edge. */
type Rows = [number, number][][];

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

function occupy(row: [number, number][], a: number, b: number) {
	let i = row.length;
	while (i > 0 && row[i - 1]![0] > a) i--;
	row.splice(i, 0, [a, b]);
}

/**
 * Puts one item in the first row with room for it and its label; failing that, the first
 * row with room for the mark alone. Returns null when no row within maxRows has room.
 */
function placeInRows(p: Placed, rows: Rows, width: number, o: LayoutOptions): EventMark | null {
	const body0 = Math.min(p.x0, p.e0);
	const body1 = Math.max(p.x1, p.e1);
	const labelW = Math.min(o.labelMaxWidth, p.item.title.length * o.charWidth);
	const visible = Math.min(body1, width) - Math.max(body0, 0);
	const candidates: { label: string | null; labelX: number; end: number }[] = [];
	const runsOffRight = body1 > width && visible >= 60;
	if (p.item.shape !== 'instant' && (visible >= labelW + 16 || runsOffRight)) {
		// A range or date-only band long enough on screen carries its name inside, from its
		// visible start; one running off the right edge is named inside, cut to fit.
		const labelX = Math.max(body0, 0) + 8;
		const room = Math.min(labelW, visible - 16);
		candidates.push({ label: fitLabel(p.item.title, room, o.charWidth), labelX, end: body1 });
	} else {
		// Labels never run off the right edge: they are cut to the room left.
		const room = Math.max(0, Math.min(labelW, width - body1 - 4));
		if (room >= 40)
			candidates.push({
				label: fitLabel(p.item.title, room, o.charWidth),
				labelX: body1 + 4,
				end: body1 + 4 + room
			});
	}
	candidates.push({ label: null, labelX: body1 + 4, end: body1 });

	for (const c of candidates) {
		for (let r = 0; r < o.maxRows; r++) {
			rows[r] ??= [];
			if (!fits(rows[r]!, body0, c.end, o.gap)) continue;
			occupy(rows[r]!, body0, c.end);
			return {
				kind: 'event',
				id: p.item.id,
				item: p.item,
				row: r,
				x0: p.x0,
				x1: p.x1,
				e0: p.e0,
				e1: p.e1,
				label: c.label,
				labelX: c.labelX,
				y: 0
			};
		}
	}
	return null;
}

/**
 * Lays out items in lanes for the scale x (instant → px) over a viewport width px wide.
 * Items wholly outside the viewport are skipped (a label without its mark would mislead): work follows what is
 * visible, not the size of the incident.
 */
export function layoutTimeline(
	items: TimelineItem[],
	lanes: { id: string; name: string }[],
	x: (t: number) => number,
	width: number,
	options: Partial<LayoutOptions> = {}
): TimelineLayout {
	const o = { ...DEFAULT_LAYOUT, ...options };
	const byLane = new Map<string, Placed[]>(lanes.map((l) => [l.id, []]));
	for (const item of items) {
		const placed = place(item, x, o);
		if (Math.max(placed.x1, placed.e1) < 0 || Math.min(placed.x0, placed.e0) > width) continue;
		byLane.get(item.lane)?.push(placed);
	}

	let y = 0;
	const out: LaneLayout[] = [];
	for (const lane of lanes) {
		const placed = byLane.get(lane.id)!;
		// Date-only events that cover nearly the whole view say "this happened that day" and no
		// more: they go to a thin strip at the top of the lane, so they never crowd out the
		// minute-precise events the user zoomed in to see.
		const covering: Placed[] = [];
		const rest: Placed[] = [];
		for (const p of placed) {
			const visible = Math.min(p.e1, width) - Math.max(p.e0, 0);
			if (
				p.item.shape === 'period' &&
				visible >= width * o.coverFraction &&
				p.item.id !== o.first &&
				!o.priority?.has(p.item.id)
			)
				covering.push(p);
			else rest.push(p);
		}
		// The selected event first, then precise events, then coarse ones; left to right.
		rest.sort(
			(a, b) =>
				Number(b.item.id === o.first) - Number(a.item.id === o.first) ||
				Number(o.priority?.has(b.item.id) ?? false) - Number(o.priority?.has(a.item.id) ?? false) ||
				Number(a.item.shape === 'period') - Number(b.item.shape === 'period') ||
				a.x0 - b.x0 ||
				a.item.start - b.item.start ||
				(a.item.id < b.item.id ? -1 : 1)
		);

		const rows: Rows = [];
		const marks: EventMark[] = [];
		const overflow: Placed[] = [];
		for (const p of rest) {
			const mark = placeInRows(p, rows, width, o);
			if (mark) marks.push(mark);
			else overflow.push(p);
		}

		overflow.sort((a, b) => a.x0 - b.x0);
		const clusters: ClusterMark[] = [];
		for (const p of overflow) {
			const last = clusters[clusters.length - 1];
			if (last && p.x0 - last.x1 < o.clusterGap) {
				last.ids.push(p.item.id);
				last.count++;
				last.x1 = Math.max(last.x1, p.x1);
				last.t0 = Math.min(last.t0, p.item.extent[0]);
				last.t1 = Math.max(last.t1, p.item.extent[1]);
			} else {
				clusters.push({
					kind: 'cluster',
					id: `${lane.id}:${p.item.id}`,
					ids: [p.item.id],
					count: 1,
					row: 0,
					x0: p.x0,
					x1: Math.max(p.x1, p.x0 + 28),
					t0: p.item.extent[0],
					t1: p.item.extent[1],
					y: 0
				});
			}
		}

		if (o.sparse && marks.length === 0 && clusters.length === 0) continue;
		const strip =
			covering.length && !o.sparse
				? {
						ids: covering.map((p) => p.item.id),
						count: covering.length,
						t0: Math.min(...covering.map((p) => p.item.extent[0])),
						t1: Math.max(...covering.map((p) => p.item.extent[1])),
						y: y + o.lanePadding + o.stripHeight / 2
					}
				: null;
		const top = y + o.lanePadding + (strip ? o.stripHeight : 0);
		const rowCount = Math.max(1, rows.length) + (clusters.length > 0 ? 1 : 0);
		const height = rowCount * o.rowHeight + 2 * o.lanePadding + (strip ? o.stripHeight : 0);
		for (const m of marks) m.y = top + m.row * o.rowHeight + o.rowHeight / 2;
		const clusterRow = Math.max(1, rows.length);
		for (const c of clusters) {
			c.row = clusterRow;
			c.y = top + clusterRow * o.rowHeight + o.rowHeight / 2;
		}
		out.push({ id: lane.id, name: lane.name, y, height, rows: rowCount, marks, clusters, strip });
		y += height;
	}
	return { lanes: out, height: y };
}
