/**
 * What passes between the page and the import worker. Small and free of the schema library:
 * the page imports it, and the validator stays in the worker's own bundle.
 */
import type { IncidentModel } from '../model/schema.ts';
import type { ValidationError } from '../model/validate.ts';
import type { ImportResult } from './run.ts';
import type { LaneMode } from '../url/view-state.ts';

/** A file's bytes, as the browser read them, to decode and check. */
export interface ImportBytesRequest {
	bytes: Uint8Array;
	fileName: string;
	/** Send a first look at the file in these lanes once its records have their shape. */
	previewLanes?: LaneMode;
}

/**
 * What the worker sends back: the problems, or a valid model as JSON text, one string rather
 * than objects (cloning a 100,000-event model object by object between threads took about
 * 1.8 s of the two threads' time, 0.9 s of it on the page's). For a one-file incident the
 * string is the file's own text, the one that was checked (`fileJson`); for a model built from
 * a CSV, the model written out (`modelJson`).
 */
export type WireResult =
	| { type: 'done'; ok: true; modelJson: string; warnings: string[] }
	| { type: 'done'; ok: true; fileJson: string; warnings: string[] }
	| { type: 'done'; ok: false; errors: ValidationError[] };

export function toWire(result: ImportResult): WireResult {
	return result.ok
		? { type: 'done', ok: true, modelJson: JSON.stringify(result.model), warnings: result.warnings }
		: result;
}

/**
 * The model a checked one-file incident is: its lists by their keys, as validateSingleJson
 * gives them (the schema has no defaults or transforms but for a missing "storylines", and a
 * stamped "version" is kept). Only for JSON that has passed every check.
 */
function modelOfFile(json: Record<string, unknown>): IncidentModel {
	const model = {
		incident: json.incident,
		sources: json.sources,
		parties: json.parties,
		events: json.events,
		relations: json.relations,
		casualties: json.casualties,
		storylines: json.storylines ?? []
	} as IncidentModel;
	return 'version' in json
		? { ...model, version: json.version as IncidentModel['version'] }
		: model;
}

export function fromWire(wire: WireResult): ImportResult {
	if (!wire.ok) return wire;
	const model =
		'fileJson' in wire
			? modelOfFile(JSON.parse(wire.fileJson) as Record<string, unknown>)
			: (JSON.parse(wire.modelJson) as IncidentModel);
	return { type: 'done', ok: true, model, warnings: wire.warnings };
}
