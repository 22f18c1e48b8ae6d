/**
 * The canvas layer of a large party graph: draws parent links, edges, party shapes and the
 * labels that fit, at the current zoom, for graphs with more shapes than SVG can repaint at 60
 * frames a second. What must be interactive or accessible (the selection, its relations, the
 * hovered and keyboard-focused party) stays in SVG on top and is skipped here. Positions come
 * from the layout, what to show from the component; this only draws, batching shapes that share
 * a style into one path so five thousand edges are a few dozen strokes.
 */
import { edgeCurve } from './geometry';
import { edgeDetail, fitLabels, type LabelBox } from './detail';
import type { View } from './hit';
import { shapePath } from './shapes';

export interface GraphTheme {
	ink: string;
	panel: string;
	rule: string;
	font: string;
}

/** Reads the theme's colours from CSS custom properties on an element (once per theme). */
export function readGraphTheme(el: Element): GraphTheme {
	const css = getComputedStyle(el);
	const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
	return {
		ink: v('--ink', '#111'),
		panel: v('--panel', '#fff'),
		rule: v('--rule-strong', '#999'),
		font: v('--font-sans', 'sans-serif')
	};
}

export interface SceneNode {
	id: string;
	/** Layout coordinates. */
	x: number;
	y: number;
	r: number;
	shape: Parameters<typeof shapePath>[0];
	colour: string;
	faded: boolean;
	/** The label, when one may show; `zoomed` ones only from `labelZoom` on. */
	label: string | null;
	zoomed: boolean;
}

export interface SceneEdge {
	ax: number;
	ay: number;
	bx: number;
	by: number;
	/** Distance from the target's centre where the edge stops, px. */
	rim: number;
	bend: number;
	colour: string;
	dash: string;
	directed: boolean;
	faded: boolean;
	highlighted: boolean;
}

/** What the canvas draws, in layout coordinates; rebuilt when the selection or window changes. */
export interface Scene {
	links: { ax: number; ay: number; bx: number; by: number }[];
	edges: SceneEdge[];
	/** In drawing order: labels are placed in the reverse of it, most important first. */
	nodes: SceneNode[];
	labelZoom: number;
}

const FADED_EDGE = 0.15;
const FADED_NODE = 0.25;
const LABEL_FONT = 12;

/** Each label's width in px, measured once per text. */
const widths = new Map<string, number>();

/** Each shape at each radius, parsed once. */
const shapeCache = new Map<string, Path2D>();
function shapeOf(n: SceneNode): Path2D {
	const key = `${n.shape}|${n.r}`;
	let p = shapeCache.get(key);
	if (!p) shapeCache.set(key, (p = new Path2D(shapePath(n.shape, n.r))));
	return p;
}

/** Groups items under a key, keeping first-seen order. */
function group<T>(items: Iterable<T>, key: (t: T) => string): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const t of items) {
		const k = key(t);
		const list = out.get(k);
		if (list) list.push(t);
		else out.set(k, [t]);
	}
	return out;
}

/**
 * Draws the scene at the zoom `view` on a context whose transform already maps CSS px, culling
 * what falls outside `width` × `height`.
 */
export function drawScene(
	ctx: CanvasRenderingContext2D,
	scene: Scene,
	view: View,
	width: number,
	height: number,
	theme: GraphTheme
) {
	const { k } = view;
	const sx = (x: number) => view.x + x * k;
	const sy = (y: number) => view.y + y * k;
	const margin = 40;
	const outside = (x0: number, y0: number, x1: number, y1: number) =>
		Math.max(x0, x1) < -margin ||
		Math.min(x0, x1) > width + margin ||
		Math.max(y0, y1) < -margin ||
		Math.min(y0, y1) > height + margin;

	// Parent links: thin lines in the rule colour, one stroke.
	ctx.beginPath();
	for (const l of scene.links) {
		const [x0, y0, x1, y1] = [sx(l.ax), sy(l.ay), sx(l.bx), sy(l.by)];
		if (outside(x0, y0, x1, y1)) continue;
		ctx.moveTo(x0, y0);
		ctx.lineTo(x1, y1);
	}
	ctx.strokeStyle = theme.rule;
	ctx.lineWidth = 1;
	ctx.stroke();

	// Edges on screen, their curves in screen px.
	const curves = [];
	for (const e of scene.edges) {
		const a = { x: sx(e.ax), y: sy(e.ay) };
		const b = { x: sx(e.bx), y: sy(e.by) };
		const pad = Math.abs(e.bend);
		const [x0, x1] = a.x < b.x ? [a.x - pad, b.x + pad] : [b.x - pad, a.x + pad];
		const [y0, y1] = a.y < b.y ? [a.y - pad, b.y + pad] : [b.y - pad, a.y + pad];
		if (outside(x0, y0, x1, y1)) continue;
		curves.push({ e, c: edgeCurve(a, b, e.rim, e.bend) });
	}
	const detail = edgeDetail(curves.length);
	const batches = group(
		curves,
		({ e }) => `${e.highlighted ? 1 : e.faded ? 0 : 0.5}|${e.colour}|${detail.dashes ? e.dash : ''}`
	);
	// Faded first, then ordinary, then highlighted, so what matters is drawn last.
	const order = [...batches.keys()].sort(
		(a, b) => Number(a.split('|')[0]) - Number(b.split('|')[0])
	);
	for (const key of order) {
		const list = batches.get(key)!;
		const { e } = list[0]!;
		ctx.beginPath();
		for (const { c } of list) {
			ctx.moveTo(c.x0, c.y0);
			ctx.quadraticCurveTo(c.cx, c.cy, c.x1, c.y1);
		}
		ctx.globalAlpha = e.faded ? FADED_EDGE : 1;
		ctx.strokeStyle = e.colour;
		ctx.lineWidth = e.highlighted ? 3.5 : 1.8;
		ctx.setLineDash(detail.dashes && e.dash ? e.dash.split(' ').map(Number) : []);
		ctx.stroke();
		if (!detail.arrows) continue;
		// Arrowheads as the SVG marker draws them: 11 px long, the tip 1 px past the end.
		ctx.beginPath();
		for (const { e, c } of list) {
			if (!e.directed) continue;
			const len = Math.hypot(c.x1 - c.cx, c.y1 - c.cy) || 1;
			const ux = (c.x1 - c.cx) / len;
			const uy = (c.y1 - c.cy) / len;
			const bx = c.x1 - ux * 9.9;
			const by = c.y1 - uy * 9.9;
			ctx.moveTo(c.x1 + ux * 1.1, c.y1 + uy * 1.1);
			ctx.lineTo(bx - uy * 5.5, by + ux * 5.5);
			ctx.lineTo(bx + uy * 5.5, by - ux * 5.5);
			ctx.closePath();
		}
		ctx.fillStyle = e.colour;
		ctx.fill();
	}
	ctx.setLineDash([]);

	// Party shapes, one path per shape, colour and fade.
	const onScreen = scene.nodes.filter((n) => {
		const x = sx(n.x);
		const y = sy(n.y);
		return !outside(x - n.r, y - n.r, x + n.r, y + n.r);
	});
	const shapes = group(onScreen, (n) => `${n.faded ? 0 : 1}|${n.shape}|${n.colour}`);
	for (const key of [...shapes.keys()].sort()) {
		const list = shapes.get(key)!;
		const path = new Path2D();
		for (const n of list) path.addPath(shapeOf(n), { e: sx(n.x), f: sy(n.y) });
		ctx.globalAlpha = list[0]!.faded ? FADED_NODE : 1;
		ctx.fillStyle = list[0]!.colour;
		ctx.fill(path);
		ctx.strokeStyle = theme.panel;
		ctx.lineWidth = 1.5;
		ctx.stroke(path);
	}
	ctx.globalAlpha = 1;

	// Labels: the most important first, each only where it overlaps none already placed.
	ctx.font = `600 ${LABEL_FONT}px ${theme.font}`;
	const candidates: { n: SceneNode; box: LabelBox }[] = [];
	for (let i = onScreen.length - 1; i >= 0; i--) {
		const n = onScreen[i]!;
		if (!n.label || (n.zoomed && k < scene.labelZoom)) continue;
		let w = widths.get(n.label);
		if (w === undefined) widths.set(n.label, (w = ctx.measureText(n.label).width));
		candidates.push({ n, box: { x: sx(n.x), y: sy(n.y) + n.r + 3, w, h: LABEL_FONT + 2 } });
	}
	ctx.textAlign = 'center';
	ctx.lineJoin = 'round';
	ctx.lineWidth = 3;
	ctx.strokeStyle = theme.panel;
	ctx.fillStyle = theme.ink;
	for (const i of fitLabels(candidates.map((c) => c.box))) {
		const { n, box } = candidates[i]!;
		ctx.strokeText(n.label!, box.x, sy(n.y) + n.r + 13);
		ctx.fillText(n.label!, box.x, sy(n.y) + n.r + 13);
	}
	ctx.textAlign = 'start';
}
