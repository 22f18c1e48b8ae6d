import { describe, expect, test } from 'vitest';
import { scaleLinear } from 'd3-scale';
import { drawLayout, type CanvasTheme } from '../../src/lib/timeline/canvas';
import { layoutTimeline } from '../../src/lib/layout/layout';
import type { TimelineItem } from '../../src/lib/layout/items';

const MIN = 60_000;
const T0 = Date.UTC(2016, 8, 17, 12);

/** A 2D context that records what is drawn: enough of one for drawLayout. */
function recorder() {
	const calls: { op: string; args: unknown[]; fill?: unknown; alpha?: number }[] = [];
	const gradients: { x0: number; x1: number; stops: [number, string][] }[] = [];
	const ctx = {
		fillStyle: '' as unknown,
		strokeStyle: '',
		globalAlpha: 1,
		lineWidth: 1,
		font: '',
		textBaseline: '',
		textAlign: '',
		createLinearGradient(x0: number, _y0: number, x1: number) {
			const g = { x0, x1, stops: [] as [number, string][] };
			gradients.push(g);
			return { addColorStop: (o: number, c: string) => g.stops.push([o, c]) };
		},
		fillRect(...args: unknown[]) {
			calls.push({ op: 'fillRect', args, fill: this.fillStyle, alpha: this.globalAlpha });
		},
		beginPath() {},
		moveTo() {},
		lineTo() {},
		closePath() {},
		arc() {},
		fill() {},
		stroke() {},
		fillText() {},
		strokeText() {},
		measureText: (s: string) => ({ width: s.length * 7 }),
		roundRect() {},
		rect() {},
		save() {},
		restore() {},
		setLineDash() {}
	};
	return { ctx: ctx as unknown as CanvasRenderingContext2D, calls, gradients };
}

const theme: CanvasTheme = {
	ink: '#111',
	panel: '#fff',
	warn: '#b35c00',
	density: '#444',
	pill: '#444',
	font: 'sans-serif'
};

describe('the canvas draws a bounded time as the SVG mark does', () => {
	test('a fade from the earliest to the latest bound, clear at both, in the lane colour', () => {
		const start = T0 + 10 * MIN;
		const item: TimelineItem = {
			id: 'call',
			title: 'Call',
			lane: 'a',
			start,
			end: null,
			extent: [start, start + 20 * MIN],
			shape: 'instant',
			approximate: true,
			disputed: false,
			fade: [start, start, start, start + 20 * MIN]
		};
		const x = scaleLinear()
			.domain([T0, T0 + 120 * MIN])
			.range([0, 1200]);
		const layout = layoutTimeline([item], [{ id: 'a', name: 'A' }], x, 1200);
		const { ctx, calls, gradients } = recorder();
		drawLayout(ctx, layout, {
			dy: 0,
			colourOf: () => '#0072B2',
			skip: () => false,
			dimmed: () => false,
			theme
		});
		expect(gradients).toHaveLength(1);
		expect(gradients[0]).toMatchObject({ x0: 100, x1: 300 });
		expect(gradients[0]!.stops).toEqual([
			[0, 'rgba(0,114,178,0)'],
			[0, 'rgba(0,114,178,0.5)'],
			[0, 'rgba(0,114,178,0.5)'],
			[1, 'rgba(0,114,178,0)']
		]);
		const band = calls.find((c) => c.op === 'fillRect' && c.args[0] === 100);
		expect(band?.args[2]).toBe(200);
		// No flat "about" band under the fade: the bounds say how far the doubt reaches.
		expect(calls.filter((c) => c.op === 'fillRect')).toHaveLength(1);
	});
});
