/**
 * The canvas layer of a large party graph: draws parent links, edges, party shapes and the
 * labels that fit, at the current zoom, for graphs with more shapes than SVG can repaint at 60
 * frames a second. What must be interactive or accessible (the selection, its relations, the
 * hovered and keyboard-focused party) stays in SVG on top and is skipped here. Positions come
 * from the layout, what to show from the component; this only draws, batching shapes that share
 * a style into one path so five thousand edges are a few dozen strokes.
 */
import { curveMid, edgeCurve } from './geometry';
import { edgeDetail } from './detail';
import type { View } from './hit';
import type { shapePath } from './shapes';
import type { EdgeMark } from './build';
import { traceMark } from './marks';
import { placeLabels, type Box, type LabelCandidate } from './labels';

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
	/** The glyph at the relation's middle (its family). */
	mark: EdgeMark;
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
	/**
	 * Parties SVG draws over the canvas (selected, hovered, the keyboard's): not drawn here,
	 * but their shapes and labels are kept clear of, so no label drawn here hides under them.
	 */
	above: SceneNode[];
	labelZoom: number;
}

const FADED_EDGE = 0.15;
const FADED_NODE = 0.25;
const LABEL_FONT = 12;
/** A label's box height and baseline within it, px: the typeface's ascent and descent. */
export const LABEL_HEIGHT = 19;
export const LABEL_BASELINE = 13.5;

/** Each label's width in px, measured once per text. */
const widths = new Map<string, number>();

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
 * A scene's edges and parties grouped by style, once per scene rather than once per frame: a
 * zoom frame then only walks the groups. Faded edges first, then ordinary, then highlighted, so
 * what matters is drawn last.
 */
interface Batches {
	edges: SceneEdge[][];
	nodes: SceneNode[][];
}
const batchCache = new WeakMap<Scene, Batches>();
function batches(scene: Scene): Batches {
	let b = batchCache.get(scene);
	if (b) return b;
	const rank = (e: SceneEdge) => (e.highlighted ? 2 : e.faded ? 0 : 1);
	const edges = group(scene.edges, (e) => `${rank(e)}|${e.colour}|${e.dash}|${e.mark}`);
	const nodes = group(scene.nodes, (n) => `${n.faded ? 0 : 1}|${n.shape}|${n.colour}`);
	b = {
		edges: [...edges.values()].sort((x, y) => rank(x[0]!) - rank(y[0]!)),
		nodes: [...nodes.keys()].sort().map((k) => nodes.get(k)!)
	};
	batchCache.set(scene, b);
	return b;
}

/** Adds a party's shape, centred on (x, y), to the current path: the paths of shapes.ts. */
function traceShape(
	ctx: CanvasRenderingContext2D,
	shape: SceneNode['shape'],
	r: number,
	x: number,
	y: number
) {
	switch (shape) {
		case 'circle':
			ctx.moveTo(x + r, y);
			ctx.arc(x, y, r, 0, 2 * Math.PI);
			return;
		case 'square': {
			const s = r * 0.88;
			ctx.rect(x - s, y - s, 2 * s, 2 * s);
			return;
		}
		case 'diamond':
			ctx.moveTo(x, y - r * 1.2);
			ctx.lineTo(x + r * 1.2, y);
			ctx.lineTo(x, y + r * 1.2);
			ctx.lineTo(x - r * 1.2, y);
			ctx.closePath();
			return;
		case 'triangle':
			ctx.moveTo(x, y - r * 1.2);
			ctx.lineTo(x + r * 1.1, y + r * 0.8);
			ctx.lineTo(x - r * 1.1, y + r * 0.8);
			ctx.closePath();
			return;
		case 'hexagon':
			for (let i = 0; i < 6; i++) {
				const a = (Math.PI / 3) * i;
				const [px, py] = [x + Math.cos(a) * r * 1.1, y + Math.sin(a) * r * 1.1];
				if (i === 0) ctx.moveTo(px, py);
				else ctx.lineTo(px, py);
			}
			ctx.closePath();
	}
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
	theme: GraphTheme,
	/** Label boxes already drawn in SVG, on screen: canvas labels keep clear of them. */
	fixed: readonly Box[] = []
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

	// Edges: a first pass counts those on screen, for the level of detail; no curve is kept.
	const { edges: edgeBatches, nodes: nodeBatches } = batches(scene);
	const visible = (e: SceneEdge) => {
		const pad = Math.abs(e.bend);
		const [ax, ay, bx, by] = [sx(e.ax), sy(e.ay), sx(e.bx), sy(e.by)];
		return !outside(
			Math.min(ax, bx) - pad,
			Math.min(ay, by) - pad,
			Math.max(ax, bx) + pad,
			Math.max(ay, by) + pad
		);
	};
	let count = 0;
	for (const list of edgeBatches) for (const e of list) if (visible(e)) count++;
	const detail = edgeDetail(count);
	const curve = (e: SceneEdge) =>
		edgeCurve({ x: sx(e.ax), y: sy(e.ay) }, { x: sx(e.bx), y: sy(e.by) }, e.rim, e.bend);
	for (const list of edgeBatches) {
		const first = list[0]!;
		ctx.beginPath();
		for (const e of list) {
			if (!visible(e)) continue;
			const c = curve(e);
			ctx.moveTo(c.x0, c.y0);
			ctx.quadraticCurveTo(c.cx, c.cy, c.x1, c.y1);
		}
		ctx.globalAlpha = first.faded ? FADED_EDGE : 1;
		ctx.strokeStyle = first.colour;
		ctx.lineWidth = first.highlighted ? 3.5 : 1.8;
		ctx.setLineDash(detail.dashes && first.dash ? first.dash.split(' ').map(Number) : []);
		ctx.stroke();
		if (!detail.arrows) continue;
		ctx.fillStyle = first.colour;
		if (first.mark !== 'none') {
			ctx.beginPath();
			for (const e of list) {
				if (!visible(e)) continue;
				const m = curveMid(curve(e));
				traceMark(ctx, first.mark, m.x, m.y, m.angle);
			}
			ctx.setLineDash([]);
			ctx.fill();
		}
		// Arrowheads as the SVG marker draws them: 11 px long, the tip 1 px past the end.
		ctx.beginPath();
		for (const e of list) {
			if (!e.directed || !visible(e)) continue;
			const c = curve(e);
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
		ctx.fillStyle = first.colour;
		ctx.fill();
	}
	ctx.setLineDash([]);

	// Party shapes, one path per shape, colour and fade.
	const onScreen: SceneNode[] = [];
	for (const list of nodeBatches) {
		ctx.beginPath();
		for (const n of list) {
			const [x, y] = [sx(n.x), sy(n.y)];
			if (outside(x - n.r, y - n.r, x + n.r, y + n.r)) continue;
			onScreen.push(n);
			traceShape(ctx, n.shape, n.r, x, y);
		}
		ctx.globalAlpha = list[0]!.faded ? FADED_NODE : 1;
		ctx.fillStyle = list[0]!.colour;
		ctx.fill();
		ctx.strokeStyle = theme.panel;
		ctx.lineWidth = 1.5;
		ctx.stroke();
	}
	ctx.globalAlpha = 1;

	// Labels: the most important first, each where it overlaps no label placed before it, no
	// party SVG draws on top, nor the labels SVG has placed (`fixed`), inside the plot.
	ctx.font = `600 ${LABEL_FONT}px ${theme.font}`;
	const obstacles: Box[] = [...fixed];
	for (const n of scene.above) {
		const [x, y, r] = [sx(n.x), sy(n.y), n.r * 1.2];
		obstacles.push({ x0: x - r, y0: y - r, x1: x + r, y1: y + r });
	}
	const candidates: LabelCandidate[] = [];
	const byId = new Map<string, SceneNode>();
	const shown = new Set(onScreen);
	for (let i = scene.nodes.length - 1; i >= 0; i--) {
		const n = scene.nodes[i]!;
		if (!shown.has(n) || !n.label || (n.zoomed && k < scene.labelZoom)) continue;
		let w = widths.get(n.label);
		if (w === undefined) widths.set(n.label, (w = ctx.measureText(n.label).width));
		candidates.push({ id: n.id, x: sx(n.x), y: sy(n.y), r: n.r * 1.2 + 1, w, h: LABEL_HEIGHT });
		byId.set(n.id, n);
	}
	ctx.textAlign = 'center';
	ctx.lineJoin = 'round';
	ctx.lineWidth = 3;
	ctx.strokeStyle = theme.panel;
	ctx.fillStyle = theme.ink;
	for (const { id, box } of placeLabels(candidates, { width, height, obstacles }).placed) {
		const text = byId.get(id)!.label!;
		const x = (box.x0 + box.x1) / 2;
		ctx.strokeText(text, x, box.y0 + LABEL_BASELINE);
		ctx.fillText(text, x, box.y0 + LABEL_BASELINE);
	}
	ctx.textAlign = 'start';
}
