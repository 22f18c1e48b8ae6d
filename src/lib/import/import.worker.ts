/// <reference lib="webworker" />
/**
 * Validates an incident file off the main thread, so the page keeps answering (and shows its
 * progress) while a 100,000-event file is checked.
 */
import { runImport, type ImportRequest } from './run.ts';

self.onmessage = (ev: MessageEvent<ImportRequest>) => {
	const result = runImport(ev.data, (p) => self.postMessage(p));
	self.postMessage(result);
};
