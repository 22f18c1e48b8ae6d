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
}

export const DEFAULT_LAYOUT: LayoutOptions = {
	rowHeight: 26,
	maxRows: 4,
	charWidth: 7,
	labelMaxWidth: 220,
	gap: 8,
	markSize: 12,
	lanePadding: 8,
	clusterGap: 28
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

/**
 * Lays out items in lanes for the scale x (instant → px) over a viewport width px wide.
 * Items wholly outside the viewport (with room for a label) are skipped: work follows what is
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
		if (Math.max(placed.x1, placed.e1) < -o.labelMaxWidth || Math.min(placed.x0, placed.e0) > width)
			continue;
		byLane.get(item.lane)?.push(placed);
	}

	let y = 0;
	const out: LaneLayout[] = [];
	for (const lane of lanes) {
		const placed = byLane.get(lane.id)!;
		placed.sort(
			(a, b) => a.x0 - b.x0 || a.item.start - b.item.start || (a.item.id < b.item.id ? -1 : 1)
		);
		const rowEnds: number[] = [];
		const marks: EventMark[] = [];
		const overflow: Placed[] = [];

		for (const p of placed) {
			const body0 = Math.min(p.x0, p.e0);
			const body1 = Math.max(p.x1, p.e1);
			const labelW = Math.min(o.labelMaxWidth, p.item.title.length * o.charWidth);
			// Labels never run off the right edge: they are cut to the room left.
			const room = Math.max(0, Math.min(labelW, width - body1 - 4));
			const withLabel = room >= 40 ? body1 + 4 + room : body1;
			let row = rowEnds.findIndex((end, r) => r < o.maxRows && end + o.gap <= body0);
			if (row === -1 && rowEnds.length < o.maxRows) row = rowEnds.length;
			let label: string | null = null;
			let labelX = body1 + 4;
			let end = body1;
			// A date-only band wide enough on screen carries its label inside, at its visible start.
			const inside = Math.min(body1, width) - Math.max(body0, 0) - 12;
			if (row !== -1 && p.item.shape === 'period' && inside >= Math.min(labelW, 80)) {
				label = fitLabel(p.item.title, inside, o.charWidth);
				labelX = Math.max(body0, 0) + 8;
			} else if (row !== -1 && withLabel > body1) {
				// Rows fill left to right, so the row's end (label included) is all later items
				// need to check: a label never runs into the next mark.
				label = fitLabel(p.item.title, room, o.charWidth);
				end = withLabel;
			}
			if (row === -1) {
				overflow.push(p);
				continue;
			}
			rowEnds[row] = end;
			marks.push({
				kind: 'event',
				id: p.item.id,
				item: p.item,
				row,
				x0: p.x0,
				x1: p.x1,
				e0: p.e0,
				e1: p.e1,
				label,
				labelX,
				y: 0
			});
		}

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

		const rows = Math.max(1, rowEnds.length) + (clusters.length > 0 ? 1 : 0);
		const height = rows * o.rowHeight + 2 * o.lanePadding;
		for (const m of marks) m.y = y + o.lanePadding + m.row * o.rowHeight + o.rowHeight / 2;
		const clusterRow = Math.max(1, rowEnds.length);
		for (const c of clusters) {
			c.row = clusterRow;
			c.y = y + o.lanePadding + clusterRow * o.rowHeight + o.rowHeight / 2;
		}
		out.push({ id: lane.id, name: lane.name, y, height, rows, marks, clusters });
		y += height;
	}
	return { lanes: out, height: y };
}
