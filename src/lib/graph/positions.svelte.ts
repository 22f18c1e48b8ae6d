/**
 * Where each party sits in the layout: laid out on the main thread for a graph of a few hundred
 * parties (and so in prerendered pages), in a worker with progress for a bigger one, so the page
 * stays interactive while thousands of parties settle. Same function, same seed, same positions.
 */
import type { PartyGraph } from './build';
import { graphInput, layoutGraph, type Point } from './layout';
import type { LayoutMessage, LayoutRequest } from './layout.worker';

/** Above this many parties the layout runs in a worker, with a progress bar. */
export const WORKER_NODES = 250;

const NONE: ReadonlyMap<string, Point> = new Map();

export class GraphPositions {
	readonly #graph: () => PartyGraph;
	readonly #sides: () => string[];
	#laidOut = $state.raw<ReadonlyMap<string, Point> | null>(null);
	/** The share of the worker's ticks done, 0 to 1. */
	progress = $state(0);

	readonly inWorker = $derived.by(
		() => this.#graph().nodes.length > WORKER_NODES && typeof Worker !== 'undefined'
	);
	/** Layout positions by party id; empty until the worker has answered. */
	readonly positions: ReadonlyMap<string, Point> = $derived.by(() =>
		this.inWorker ? (this.#laidOut ?? NONE) : layoutGraph(this.#graph(), { sides: this.#sides() })
	);
	/** True while a worker is laying the graph out. */
	readonly pending = $derived(this.inWorker && this.#laidOut === null);

	/** Call from a component's script: the worker ends with the component. */
	constructor(graph: () => PartyGraph, sides: () => string[]) {
		this.#graph = graph;
		this.#sides = sides;
		$effect(() => {
			if (!this.inWorker) return;
			const input = graphInput(this.#graph());
			const sides = this.#sides();
			this.#laidOut = null;
			this.progress = 0;
			const started = performance.now();
			const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), {
				type: 'module'
			});
			worker.onmessage = (ev: MessageEvent<LayoutMessage>) => {
				if (ev.data.type === 'progress') this.progress = ev.data.fraction;
				else {
					this.#laidOut = new Map(ev.data.positions);
					performance.measure('sightline:graph-layout', { start: started });
					worker.terminate();
				}
			};
			worker.postMessage({ input, options: { sides } } satisfies LayoutRequest);
			return () => worker.terminate();
		});
	}
}
