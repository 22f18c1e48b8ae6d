/**
 * What passes between the page and the import worker. Small and free of the schema library:
 * the page imports it, and the validator stays in the worker's own bundle.
 */
import type { IncidentModel } from '../model/schema.ts';
import type { ValidationError } from '../model/validate.ts';
import type { ImportResult } from './run.ts';

/** A file's bytes, as the browser read them, to decode and check. */
export interface ImportBytesRequest {
	bytes: Uint8Array;
	fileName: string;
}

/**
 * What the worker sends back: the result, with a valid model as JSON text. Cloning a 100,000
 * event model object by object between threads took about 1.8 s of the two threads' time
 * (0.9 s of it on the page's); as one string it is JSON.stringify there and JSON.parse here.
 */
export type WireResult =
	| { type: 'done'; ok: true; modelJson: string; warnings: string[] }
	| { type: 'done'; ok: false; errors: ValidationError[] };

export function toWire(result: ImportResult): WireResult {
	return result.ok
		? { type: 'done', ok: true, modelJson: JSON.stringify(result.model), warnings: result.warnings }
		: result;
}

export function fromWire(wire: WireResult): ImportResult {
	return wire.ok
		? {
				type: 'done',
				ok: true,
				model: JSON.parse(wire.modelJson) as IncidentModel,
				warnings: wire.warnings
			}
		: wire;
}
