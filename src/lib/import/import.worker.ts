/// <reference lib="webworker" />
/**
 * Validates an incident file off the main thread, so the page keeps answering (and shows its
 * progress) while a 100,000-event file is checked.
 */
import { runImportBytes } from './run.ts';
import { toWire, type ImportBytesRequest } from './wire.ts';

self.onmessage = (ev: MessageEvent<ImportBytesRequest>) => {
	const result = runImportBytes(ev.data, (p) => self.postMessage(p));
	self.postMessage(toWire(result));
};
