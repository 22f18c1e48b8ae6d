/// <reference lib="webworker" />
/**
 * Validates an incident file off the main thread, so the page keeps answering (and shows its
 * progress) while a 100,000-event file is checked.
 */
import { answerBytes } from './run.ts';
import type { WireResult, WorkerRequest } from './wire.ts';

self.onmessage = async (ev: MessageEvent<WorkerRequest>) => {
	const req = ev.data;
	let bytes: Uint8Array;
	if ('blob' in req) {
		try {
			bytes = new Uint8Array(await req.blob.arrayBuffer());
		} catch (e) {
			const message = `could not be read: ${e instanceof Error ? e.message : String(e)}`;
			const failed: WireResult = {
				type: 'done',
				ok: false,
				errors: [{ file: req.fileName, path: '$', message }]
			};
			self.postMessage(failed);
			return;
		}
	} else bytes = req.bytes;
	self.postMessage(answerBytes({ bytes, fileName: req.fileName }, (p) => self.postMessage(p)));
};
