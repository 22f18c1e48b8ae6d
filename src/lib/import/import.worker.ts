/// <reference lib="webworker" />
/**
 * Validates an incident file off the main thread, so the page keeps answering (and shows its
 * progress) while a 100,000-event file is checked.
 */
import { answerBytes } from './run.ts';
import { previewTransfer } from './preview.ts';
import type { ImportBytesRequest } from './wire.ts';

self.onmessage = (ev: MessageEvent<ImportBytesRequest>) => {
	self.postMessage(
		answerBytes(ev.data, (p) =>
			p.type === 'preview' ? self.postMessage(p, previewTransfer(p.columns)) : self.postMessage(p)
		)
	);
};
