/**
 * The canvas layer of the timeline: draws event marks and aggregated lanes' density bands from
 * a layout, the same shapes the SVG marks draw (see Timeline.Mark.svelte), for frames with more
 * marks than SVG can redraw at 60 frames a second. Axis, clusters, focus and selection stay in
 * SVG. Drawing is the only thing here: positions all come from the pure layout.
 */
import type { EventMark, LaneLayout, TimelineLayout } from './layout';
import type { HitBox } from './hit';

export interface CanvasTheme {
	ink: string;
	paper: string;
	panel: string;
	warn: string;
	density: string;
	font: string;
}

/** Reads the theme's colours from CSS custom properties on an element. */
export function readTheme(el: Element): CanvasTheme {
	const css = getComputedStyle(el);
	const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
	return {
		ink: v('--ink', '#111'),
		paper: v('--paper', '#fff'),
		panel: v('--panel', '#fff'),
		warn: v('--warn', '#b35c00'),
		density: v('--ink-2', '#444'),
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
}

/** The box a mark answers clicks in, as in Timeline.Mark's invisible hit rect. */
export function markBox(mark: EventMark, dy: number): HitBox {
	const left = Math.min(mark.x0, mark.e0);
	const bodyRight = Math.max(mark.x1, mark.e1);
	const right = mark.label ? Math.max(bodyRight, mark.labelX + mark.label.length * 7) : bodyRight;
	const y = mark.y + dy;
	return { id: mark.id, x0: left - 6, y0: y - 13, x1: Math.max(right + 6, left + 18), y1: y + 13 };
}

type Drawing = DrawOptions & { fonts: { regular: string; bold: string; current: string } };

function drawMark(ctx: CanvasRenderingContext2D, m: EventMark, colour: string, o: Drawing) {
	const y = m.y + o.dy;
	const item = m.item;
	const bodyRight = Math.max(m.x1, m.e1);
	if (item.shape === 'period') {
		ctx.globalAlpha *= 0.22;
		ctx.fillStyle = colour;
		ctx.fillRect(m.e0, y - 7, Math.max(m.x1 - m.e0, 2), 14);
		ctx.globalAlpha /= 0.22;
		ctx.fillRect(m.e0, y - 7, 3, 14);
	} else {
		if (m.e1 - m.e0 > m.x1 - m.x0 + 1) {
			ctx.globalAlpha *= 0.18;
			ctx.fillStyle = colour;
			ctx.fillRect(m.e0, y - 5, m.e1 - m.e0, 10);
			ctx.globalAlpha /= 0.18;
		}
		if (item.shape === 'range') {
			ctx.fillStyle = colour;
			if (item.approximate) ctx.globalAlpha *= 0.45;
			ctx.fillRect(m.x0, y - 6, Math.max(m.x1 - m.x0, 4), 12);
			if (item.approximate) ctx.globalAlpha /= 0.45;
		} else {
			ctx.beginPath();
			ctx.arc((m.x0 + m.x1) / 2, y, 6, 0, Math.PI * 2);
			ctx.fillStyle = item.approximate ? o.theme.panel : colour;
			ctx.fill();
			ctx.lineWidth = 2.5;
			ctx.strokeStyle = colour;
			ctx.stroke();
		}
	}
	if (item.disputed) {
		ctx.beginPath();
		ctx.moveTo(bodyRight - 4, y - 15);
		ctx.lineTo(bodyRight + 1, y - 7);
		ctx.lineTo(bodyRight - 9, y - 7);
		ctx.closePath();
		ctx.fillStyle = o.theme.warn;
		ctx.fill();
	}
	if (m.label) {
		const inside = m.labelX < bodyRight;
		const x = m.labelX + (item.disputed && !inside ? 4 : 0);
		// Setting a font makes the canvas parse it: set only when it changes.
		const font = inside ? o.fonts.bold : o.fonts.regular;
		if (o.fonts.current !== font) ctx.font = o.fonts.current = font;
		if (!inside) {
			ctx.lineWidth = 3;
			ctx.lineJoin = 'round';
			ctx.strokeStyle = o.theme.paper;
			ctx.strokeText(m.label, x, y + 4.5);
		}
		ctx.fillStyle = o.theme.ink;
		ctx.fillText(m.label, x, y + 4.5);
	}
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
	ctx.textBaseline = 'alphabetic';
	const regular = `400 13.5px ${o.theme.font}`;
	const bold = `600 13.5px ${o.theme.font}`;
	const d: Drawing = { ...o, fonts: { regular, bold, current: '' } };
	for (const lane of layout.lanes) {
		drawDensity(ctx, lane, o);
		for (const m of lane.marks) {
			if (o.skip(m.id)) continue;
			ctx.globalAlpha = o.dimmed(m.id) ? 0.22 : 1;
			drawMark(ctx, m, o.colourOf(m.id), d);
			boxes.push(markBox(m, o.dy));
		}
	}
	ctx.globalAlpha = 1;
	return boxes;
}
