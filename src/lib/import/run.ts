/**
 * The import pipeline as one pure function, run in a worker for big files and directly in
 * tests: text in, a validated model or every problem out, with progress reported by stage.
 * The worker is a thin wrapper; what it answers is exactly what this returns.
 */
import type { IncidentModel } from '../model/schema.ts';
import type { ValidationError } from '../model/validate.ts';
import { validateSingleFile, validateSingleJson } from './single-file.ts';
import { csvToIncident } from './csv.ts';
import { decodeUtf8, withoutBom } from '../model/utf8.ts';
import { kindOf, type ImportKind } from './limits.ts';
import { toWire, type ImportBytesRequest, type WireResult } from './wire.ts';
import { previewColumns, type PreviewColumns } from './preview.ts';
import type { LaneMode } from '../url/view-state.ts';

export type { ImportKind };

export interface ImportRequest {
	text: string;
	fileName: string;
	kind: ImportKind;
	/** Send a first look at the file (preview.ts) in these lanes once its records have their shape. */
	previewLanes?: LaneMode;
}

export type ImportProgress =
	{ type: 'progress'; stage: string } | { type: 'preview'; columns: PreviewColumns };

export type ImportResult =
	| { type: 'done'; ok: true; model: IncidentModel; warnings: string[] }
	| { type: 'done'; ok: false; errors: ValidationError[] };

export { kindOf };
export type { ImportBytesRequest } from './wire.ts';

/** The most problems sent back from the worker; the rest are counted in a last line. */
export const MAX_REPORTED_ERRORS = 1000;

function capped(errors: ValidationError[], fileName: string): ValidationError[] {
	if (errors.length <= MAX_REPORTED_ERRORS) return errors;
	return [
		...errors.slice(0, MAX_REPORTED_ERRORS),
		{
			file: fileName,
			path: '$',
			message: `and ${(errors.length - MAX_REPORTED_ERRORS).toLocaleString('en-GB')} more problems not listed; fix these and check again`
		}
	];
}

export function runImport(
	req: ImportRequest,
	progress: (p: ImportProgress) => void = () => {}
): ImportResult {
	const lanes = req.previewLanes;
	const options = lanes
		? {
				onShaped: (model: IncidentModel) => {
					progress({ type: 'preview', columns: previewColumns(model, lanes) });
					progress({
						type: 'progress',
						stage: 'Checking every string, and the records against each other'
					});
				}
			}
		: {};
	if (req.kind === 'csv') {
		progress({ type: 'progress', stage: 'Reading the rows of the spreadsheet' });
		const csv = csvToIncident(req.text, { fileName: req.fileName });
		if (!csv.ok) return { type: 'done', ok: false, errors: capped(csv.errors, req.fileName) };
		progress({ type: 'progress', stage: 'Checking every record against the schema' });
		const result = validateSingleJson(csv.json, req.fileName, options);
		return result.ok
			? { type: 'done', ok: true, model: result.model, warnings: csv.warnings }
			: { type: 'done', ok: false, errors: capped(result.errors, req.fileName) };
	}
	progress({ type: 'progress', stage: 'Parsing the JSON and checking every record' });
	const result = validateSingleFile(req.text, req.fileName, options);
	return result.ok
		? { type: 'done', ok: true, model: result.model, warnings: [] }
		: { type: 'done', ok: false, errors: capped(result.errors, req.fileName) };
}

/**
 * Decodes a file's bytes strictly as UTF-8 (a file in another encoding is refused, not read
 * with its names garbled) and runs the import on the text.
 */
export function runImportBytes(
	req: ImportBytesRequest,
	progress: (p: ImportProgress) => void = () => {}
): ImportResult {
	return checkBytes(req, progress).result;
}

/**
 * What the worker answers the page: the page hands its bytes over without copying them and
 * never holds the text. A valid one-file incident is answered with the very text that was
 * checked, which the page reads as the model (fromWire in wire.ts): writing the checked model
 * out as JSON again took 0.4–0.9 s at 100,000 events, and the text is the same values. A
 * model built from a CSV has no such text and is sent as JSON.
 */
export function answerBytes(
	req: ImportBytesRequest,
	progress: (p: ImportProgress) => void = () => {}
): WireResult {
	const { result, text, kind } = checkBytes(req, progress);
	if (result.ok && kind === 'json' && text !== null)
		return { type: 'done', ok: true, fileJson: withoutBom(text), warnings: result.warnings };
	return toWire(result);
}

function checkBytes(
	req: ImportBytesRequest,
	progress: (p: ImportProgress) => void
): { result: ImportResult; text: string | null; kind: ImportKind | null } {
	const decoded = decodeUtf8(req.bytes);
	if ('error' in decoded)
		return {
			result: {
				type: 'done',
				ok: false,
				errors: [{ file: req.fileName, path: '$', message: decoded.error }]
			},
			text: null,
			kind: null
		};
	const { text } = decoded;
	const kind = kindOf(req.fileName, text);
	return {
		result: runImport(
			{ text, fileName: req.fileName, kind, previewLanes: req.previewLanes },
			progress
		),
		text,
		kind
	};
}
