/**
 * d3-zoom as a gesture source for the timeline: it reports the window a wheel, pinch or drag
 * asks for; the timeline's own window changes are written back quietly, so the two never fight.
 */
import { select } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomTransform } from 'd3-zoom';
import type { ScaleLinear } from 'd3-scale';

export interface ZoomGesture {
	/** Sets the gesture's transform to show this window, without reporting it back. */
	show(window: [number, number]): void;
	destroy(): void;
}

/** The transform that shows `window` of a scale whose domain is the whole span. */
export function transformFor(base: ScaleLinear<number, number>, window: [number, number]) {
	const [s0, s1] = base.domain() as [number, number];
	const k = (s1 - s0) / (window[1] - window[0]);
	return zoomIdentity.translate(-k * base(window[0]), 0).scale(k);
}

/**
 * Listens for zoom and pan gestures on `plot`. `base` maps the whole span to the plot's width;
 * `minWindowMs` is the narrowest window a gesture may reach.
 */
export function zoomGesture(
	plot: SVGSVGElement,
	base: ScaleLinear<number, number>,
	minWindowMs: number,
	onwindow: (window: [number, number]) => void
): ZoomGesture {
	const [s0, s1] = base.domain() as [number, number];
	/**
	 * True while `show` sets the transform. Its zoom event carries no source event of its own,
	 * but during a gesture d3 hands it the gesture's last one, so that is no test of whose it is.
	 */
	let quiet = false;
	const behaviour = zoom<SVGSVGElement, unknown>()
		.scaleExtent([0.5, (s1 - s0) / minWindowMs])
		// Right-click and ctrl-click belong to the browser's context menu.
		.filter((event: Event) => {
			const e = event as MouseEvent;
			return (!e.ctrlKey || e.type === 'wheel') && !e.button;
		})
		.on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
			if (quiet || !event.sourceEvent) return;
			onwindow(event.transform.rescaleX(base).domain() as [number, number]);
		});
	const sel = select(plot);
	sel.call(behaviour).on('dblclick.zoom', null);
	return {
		show(window) {
			const t: ZoomTransform = transformFor(base, window);
			quiet = true;
			try {
				sel.call(behaviour.transform, t);
			} finally {
				quiet = false;
			}
		},
		destroy() {
			sel.on('.zoom', null);
		}
	};
}
