/// <reference lib="webworker" />
/**
 * Lays out a large party graph off the main thread, reporting progress, so the page stays
 * interactive while thousands of parties settle. Same function, same seed, same positions as
 * on the main thread.
 */
import { layoutGraphInput, type GraphInput, type LayoutOptions } from './layout.ts';

export interface LayoutRequest {
	input: GraphInput;
	options: Partial<LayoutOptions> & Pick<LayoutOptions, 'sides'>;
}

export type LayoutMessage =
	| { type: 'progress'; fraction: number }
	| { type: 'done'; positions: [string, { x: number; y: number }][] };

self.onmessage = (ev: MessageEvent<LayoutRequest>) => {
	const positions = layoutGraphInput(ev.data.input, ev.data.options, (fraction) =>
		self.postMessage({ type: 'progress', fraction } satisfies LayoutMessage)
	);
	self.postMessage({ type: 'done', positions: [...positions] } satisfies LayoutMessage);
};
