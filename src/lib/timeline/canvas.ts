/**
 * The canvas layer of the timeline: draws event marks and aggregated lanes' density bands from
 * a layout, the same shapes the SVG marks draw (see Timeline.Mark.svelte), for frames with more
 * marks than SVG can redraw at 60 frames a second, with the clusters' "+N" pills over them (a
 * pill's text in SVG is laid out again whenever its count changes, which at 100,000 events was
 * most of a zoom frame). The axis, focus and selection stay in SVG. Drawing is the only thing
 * here: positions all come from the pure layout.
 */
import {
	compactCount,
	pillSpan,
	type ClusterMark,
	type EventMark,
	type LaneLayout,
	type TimelineLayout
} from '../layout/layout';
import type { HitBox } from './hit';

export interface CanvasTheme {
	ink: string;
	panel: string;
	warn: string;
	density: string;
	/** A pill's outline. */
	pill: string;
	font: string;
}

/** Reads the theme's colours from CSS custom properties on an element. */
export function readTheme(el: Element): CanvasTheme {
	const css = getComputedStyle(el);
	const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
	return {
		ink: v('--ink', '#111'),
		panel: v('--panel', '#fff'),
		warn: v('--warn', '#b35c00'),
		density: v('--ink-2', '#444'),
		pill: v('--ink-2', '#444'),
		font: v('--font-sans', 'sans-serif')
	};
}

export interface DrawOptions {
	/** Vertical offset of lane coordinates on the canvas (axis height plus the label shift). */
	dy: number;
	colourOf: (id: string) => string;
	/** Marks drawn elsewhere (in SVG, selected or focused): skipped here. */
	skip: (id: string) => boolean;
	/** Faded marks (another party selected). */
	dimmed: (id: string) => boolean;
	theme: CanvasTheme;
	/**
	 * Draw the clusters' pills too, in a plot this wide, except the one `skipPill` names (the
	 * pill with keyboard focus, drawn in SVG). Without it the pills are left to SVG.
	 */
	pills?: { width: number; skipPill: (lane: LaneLayout, index: number) => boolean };
}

/** The box a mark answers clicks in, as in Timeline.Mark's invisible hit rect. */
export function markBox(mark: EventMark, dy: number): HitBox {
	const left = Math.min(mark.x0, mark.e0, mark.label ? mark.labelX : Infinity);
	const bodyRight = Math.max(mark.x1, mark.e1);
	const right = mark.label ? Math.max(bodyRight, mark.labelX + mark.label.length * 7) : bodyRight;
	const y = mark.y + dy;
	return { id: mark.id, x0: left - 6, y0: y - 13, x1: Math.max(right + 6, left + 18), y1: y + 13 };
}

/** Circles of one look, drawn as one path: a fill and a stroke per look, not per mark. */
interface CircleBatch {
	fill: string;
	stroke: string;
	alpha: number;
	xy: number[];
}

/** What one pass over the marks collects for the batched parts of its drawing. */
interface Batches {
	circles: Map<string, CircleBatch>;
	/** Disputed triangles by opacity, as x, y pairs of their apex. */
	triangles: Map<number, number[]>;
	/** Labels to write once every shape is down. */
	labels: { text: string; x: number; y: number; inside: boolean; alpha: number }[];
}

function drawMark(
	ctx: CanvasRenderingContext2D,
	m: EventMark,
	colour: string,
	alpha: number,
	o: DrawOptions,
	b: Batches
) {
	const y = m.y + o.dy;
	const item = m.item;
	const bodyRight = Math.max(m.x1, m.e1);
	ctx.globalAlpha = alpha;
	if (item.shape === 'period') {
		ctx.globalAlpha = alpha * 0.22;
		ctx.fillStyle = colour;
		ctx.fillRect(m.e0, y - 7, Math.max(m.x1 - m.e0, 2), 14);
		ctx.globalAlpha = alpha;
		ctx.fillRect(m.e0, y - 7, 3, 14);
	}
	if (m.fade) drawFade(ctx, m.fade, y, colour, alpha);
	if (item.shape !== 'period') {
		if (!m.fade && m.e1 - m.e0 > m.x1 - m.x0 + 1) {
			ctx.globalAlpha = alpha * 0.18;
			ctx.fillStyle = colour;
			ctx.fillRect(m.e0, y - 5, m.e1 - m.e0, 10);
			ctx.globalAlpha = alpha;
		}
		if (item.shape === 'range') {
			ctx.fillStyle = colour;
			ctx.globalAlpha = item.approximate ? alpha * 0.45 : alpha;
			ctx.fillRect(m.x0, y - 6, Math.max(m.x1 - m.x0, 4), 12);
		} else {
			const fill = item.approximate ? o.theme.panel : colour;
			const key = `${fill}|${colour}|${alpha}`;
			let batch = b.circles.get(key);
			if (!batch) b.circles.set(key, (batch = { fill, stroke: colour, alpha, xy: [] }));
			batch.xy.push((m.x0 + m.x1) / 2, y);
		}
	}
	if (item.disputed) {
		let list = b.triangles.get(alpha);
		if (!list) b.triangles.set(alpha, (list = []));
		list.push(bodyRight - 4, y - 15);
	}
	if (m.label) {
		const inside = m.labelX >= Math.min(m.x0, m.e0) && m.labelX < bodyRight;
		b.labels.push({ text: m.label, x: m.labelX, y: y + 4.5, inside, alpha });
	}
}

/** "#0072B2" at an opacity, as a canvas gradient stop takes it; null for other colours. */
function withAlpha(colour: string, a: number): string | null {
	const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
	if (!m) return null;
	return `rgba(${parseInt(m[1]!, 16)},${parseInt(m[2]!, 16)},${parseInt(m[3]!, 16)},${a})`;
}

/**
 * The fade of a bounded time, as Timeline.Mark draws it: clear at the bounds, strongest from
 * f[1] to f[2]. Only marks of bounded events have one, so a gradient per mark costs little.
 */
function drawFade(
	ctx: CanvasRenderingContext2D,
	f: [number, number, number, number],
	y: number,
	colour: string,
	alpha: number
) {
	const w = f[3] - f[0];
	if (!(w > 0)) return;
	const solid = withAlpha(colour, 0.5);
	const clear = withAlpha(colour, 0);
	const at = (v: number) => Math.min(1, Math.max(0, (v - f[0]) / w));
	ctx.globalAlpha = alpha;
	if (solid && clear) {
		const g = ctx.createLinearGradient(f[0], 0, f[3], 0);
		g.addColorStop(0, clear);
		g.addColorStop(at(f[1]), solid);
		g.addColorStop(at(f[2]), solid);
		g.addColorStop(1, clear);
		ctx.fillStyle = g;
	} else {
		// A colour the stops cannot take an opacity in: a flat band, as an approximate time's.
		ctx.globalAlpha = alpha * 0.25;
		ctx.fillStyle = colour;
	}
	ctx.fillRect(f[0], y - 5, w, 10);
	ctx.globalAlpha = alpha;
}

function drawBatches(ctx: CanvasRenderingContext2D, b: Batches, o: DrawOptions) {
	ctx.lineWidth = 2.5;
	for (const c of b.circles.values()) {
		ctx.globalAlpha = c.alpha;
		ctx.beginPath();
		for (let i = 0; i < c.xy.length; i += 2) {
			ctx.moveTo(c.xy[i]! + 6, c.xy[i + 1]!);
			ctx.arc(c.xy[i]!, c.xy[i + 1]!, 6, 0, Math.PI * 2);
		}
		ctx.fillStyle = c.fill;
		ctx.fill();
		ctx.strokeStyle = c.stroke;
		ctx.stroke();
	}
	ctx.fillStyle = o.theme.warn;
	for (const [alpha, apexes] of b.triangles) {
		ctx.globalAlpha = alpha;
		ctx.beginPath();
		for (let i = 0; i < apexes.length; i += 2) {
			const x = apexes[i]!;
			const y = apexes[i + 1]!;
			ctx.moveTo(x, y);
			ctx.lineTo(x + 5, y + 8);
			ctx.lineTo(x - 5, y + 8);
			ctx.closePath();
		}
		ctx.fill();
	}
	// Setting a font makes the canvas parse it: the plain labels first, then the bold ones.
	// Unlike the SVG labels, these have no halo in the paper's colour: every label here has
	// its row to itself up to its end (see placeInRows), so on the lane's plain ground the halo
	// showed nothing, and stroking the glyphs' outlines cost more than filling them.
	for (const inside of [false, true]) {
		ctx.font = `${inside ? 600 : 400} 13.5px ${o.theme.font}`;
		ctx.fillStyle = o.theme.ink;
		for (const l of b.labels) {
			if (l.inside !== inside) continue;
			ctx.globalAlpha = l.alpha;
			ctx.fillText(l.text, l.x, l.y);
		}
	}
	ctx.globalAlpha = 1;
}

/** Width of a pill's outline, px (as Timeline.svelte's SVG pills). */
const PILL_LINE = 1.25;

/** The box a cluster's pill answers clicks in: the pill itself, as SVG draws it. */
export function pillBox(c: ClusterMark, width: number, dy: number): HitBox {
	const [x0, x1] = pillSpan(c, width);
	const y = c.y + dy;
	return { id: c.id, x0, y0: y - 10, x1, y1: y + 10, cluster: c };
}

/**
 * The clusters' pills: rounded boxes with "+N", the look of Timeline.svelte's SVG pills. Shapes
 * first as one path, then the counts in one font. Returns their hit boxes.
 */
function drawPills(
	ctx: CanvasRenderingContext2D,
	lanes: readonly LaneLayout[],
	o: DrawOptions,
	p: NonNullable<DrawOptions['pills']>
): HitBox[] {
	const boxes: HitBox[] = [];
	for (const lane of lanes)
		lane.clusters.forEach((c, i) => {
			if (!p.skipPill(lane, i)) boxes.push(pillBox(c, p.width, o.dy));
		});
	if (boxes.length === 0) return boxes;
	ctx.globalAlpha = 1;
	// The 1.25 px outline is drawn as a fill of the pill grown by half of it, then the pill's
	// ground as a fill of the pill shrunk by as much: the same picture as a stroke, but a
	// software canvas outlines a stroke's every curve before filling it, which made the
	// pills' outline most of what the pills cost to draw.
	for (const [grow, colour] of [
		[PILL_LINE / 2, o.theme.pill],
		[-PILL_LINE / 2, o.theme.panel]
	] as const) {
		ctx.beginPath();
		for (const b of boxes) {
			const x = b.x0 - grow;
			const y = b.y0 - grow;
			const w = b.x1 - b.x0 + 2 * grow;
			const h = b.y1 - b.y0 + 2 * grow;
			if (ctx.roundRect) ctx.roundRect(x, y, w, h, 10 + grow);
			else ctx.rect(x, y, w, h);
		}
		ctx.fillStyle = colour;
		ctx.fill();
	}
	ctx.font = `700 12px ${o.theme.font}`;
	ctx.textAlign = 'center';
	ctx.fillStyle = o.theme.ink;
	for (const b of boxes)
		ctx.fillText(`+${compactCount(b.cluster!.count)}`, (b.x0 + b.x1) / 2, b.y1 - 6);
	ctx.textAlign = 'start';
	return boxes;
}

/** A lane's density band: one bar per bin, its height by the square root of the count. */
function drawDensity(ctx: CanvasRenderingContext2D, lane: LaneLayout, o: DrawOptions) {
	const d = lane.density;
	if (!d || d.max === 0) return;
	const base = d.y + o.dy + d.h / 2 + 8;
	const scale = (d.h - 4) / Math.sqrt(d.max);
	ctx.fillStyle = o.theme.density;
	ctx.globalAlpha = 0.55;
	for (let i = 0; i < d.counts.length; i++) {
		const c = d.counts[i]!;
		if (c === 0) continue;
		const h = Math.max(1.5, Math.sqrt(c) * scale);
		ctx.fillRect(i * d.binPx, base - h, Math.max(1, d.binPx - 0.5), h);
	}
	ctx.globalAlpha = 1;
}

/**
 * Draws the layout's marks (except those skipped) and density bands on a canvas context whose
 * transform already maps CSS px. Returns the hit boxes of what it drew, for the hit index.
 */
export function drawLayout(
	ctx: CanvasRenderingContext2D,
	layout: TimelineLayout,
	o: DrawOptions
): HitBox[] {
	const boxes: HitBox[] = [];
	const batches: Batches = { circles: new Map(), triangles: new Map(), labels: [] };
	ctx.textBaseline = 'alphabetic';
	for (const lane of layout.lanes) drawDensity(ctx, lane, o);
	for (const lane of layout.lanes) {
		for (const m of lane.marks) {
			if (o.skip(m.id)) continue;
			drawMark(ctx, m, o.colourOf(m.id), o.dimmed(m.id) ? 0.22 : 1, o, batches);
			boxes.push(markBox(m, o.dy));
		}
	}
	drawBatches(ctx, batches, o);
	if (o.pills) boxes.push(...drawPills(ctx, layout.lanes, o, o.pills));
	return boxes;
}
