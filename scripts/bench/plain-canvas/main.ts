/**
 * The benchmark's baseline: the same synthetic incident drawn by the plainest page that could
 * draw it. It fetches the JSON named by ?src=, parses it with JSON.parse on the main thread,
 * checks nothing at all, and draws every event on one canvas with d3-scale: a lane per side, a
 * tick or a bar per event, an axis. The wheel zooms about the pointer and a drag pans, each
 * redrawing everything on the next frame. It marks `plain:first-render` as Sightline marks
 * `sightline:first-render`: once the first frame with the incident drawn is on screen.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';

interface Event {
	start: string;
	end?: string;
	parties: { party: string }[];
}
interface Model {
	incident: { sides: { id: string }[]; focus: { start: string; end: string } };
	parties: { id: string; side: string }[];
	events: Event[];
}

const canvas = document.querySelector('canvas')!;
const ctx = canvas.getContext('2d')!;
const LANE = 60;
const AXIS = 30;
const dpr = devicePixelRatio || 1;

const src = new URLSearchParams(location.search).get('src') ?? '';
const model = (await (await fetch(src)).json()) as Model;

const sideOf = new Map(model.parties.map((p) => [p.id, p.side]));
const laneOf = new Map(model.incident.sides.map((s, i) => [s.id, i]));
const n = model.events.length;
const starts = new Float64Array(n);
const ends = new Float64Array(n);
const lanes = new Uint16Array(n);
model.events.forEach((e, i) => {
	starts[i] = Date.parse(e.start);
	ends[i] = e.end ? Date.parse(e.end) : starts[i]!;
	lanes[i] = laneOf.get(sideOf.get(e.parties[0]!.party) ?? '') ?? 0;
});

const width = innerWidth;
const height = AXIS + LANE * model.incident.sides.length;
canvas.width = width * dpr;
canvas.height = height * dpr;
canvas.style.width = `${width}px`;
canvas.style.height = `${height}px`;

let domain: [number, number] = [
	Date.parse(model.incident.focus.start),
	Date.parse(model.incident.focus.end)
];
const colours = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#999999'];

function draw() {
	const x = scaleUtc().domain(domain).range([0, width]);
	const y = scaleLinear().domain([0, model.incident.sides.length]).range([AXIS, height]);
	ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
	ctx.clearRect(0, 0, width, height);
	ctx.fillStyle = '#333';
	for (const t of x.ticks(10)) {
		ctx.fillRect(x(t), AXIS - 6, 1, 6);
		ctx.fillText(x.tickFormat(10)(t), x(t) + 2, AXIS - 10);
	}
	for (let i = 0; i < n; i++) {
		const a = x(starts[i]!);
		const b = x(ends[i]!);
		if (b < 0 || a > width) continue;
		ctx.fillStyle = colours[lanes[i]! % colours.length]!;
		ctx.fillRect(a, y(lanes[i]!) + 8 + (i % 5) * 9, Math.max(2, b - a), 6);
	}
}

let queued = false;
function redraw() {
	if (queued) return;
	queued = true;
	requestAnimationFrame(() => {
		queued = false;
		draw();
	});
}

canvas.addEventListener(
	'wheel',
	(ev) => {
		ev.preventDefault();
		const k = 2 ** (ev.deltaY * 0.002);
		const at = scaleUtc().domain(domain).range([0, width]).invert(ev.offsetX).getTime();
		domain = [at - (at - domain[0]) * k, at + (domain[1] - at) * k];
		redraw();
	},
	{ passive: false }
);
let dragFrom: { x: number; domain: [number, number] } | null = null;
canvas.addEventListener('mousedown', (ev) => (dragFrom = { x: ev.clientX, domain }));
addEventListener('mouseup', () => (dragFrom = null));
addEventListener('mousemove', (ev) => {
	if (!dragFrom) return;
	const perPx = (dragFrom.domain[1] - dragFrom.domain[0]) / width;
	const shift = (ev.clientX - dragFrom.x) * perPx;
	domain = [dragFrom.domain[0] - shift, dragFrom.domain[1] - shift];
	redraw();
});

/** For the benchmark: the visible window, as it reads Sightline's. */
(window as unknown as { plainWindow: () => [number, number] }).plainWindow = () => domain;

draw();
requestAnimationFrame(() => setTimeout(() => performance.mark('plain:first-render'), 0));
