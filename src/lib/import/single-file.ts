/**
 * One-file incidents: the whole model in one JSON object, as the site publishes it at
 * /data/<incident-id>.json. Users bring their own incidents in this form; it is validated by
 * exactly the same schema and cross-checks as an incident folder at build time, and every
 * problem is named by its JSON path in the file the user chose.
 *
 * Pure and browser-safe: runs in a worker for big files.
 */
import { DatasetVersion, FILE_NAMES, OPTIONAL_FILES, type FileName } from '../model/schema.ts';
import {
	duplicateKeyProblems,
	parseJsonValue,
	validateIncident,
	type RawFiles,
	type ValidateOptions,
	type ValidationError,
	type ValidationResult
} from '../model/validate.ts';

export { formatBytes, MAX_IMPORT_BYTES, sizeProblem } from './limits.ts';

/** The top-level keys of a one-file incident, each the records of one folder file. */
export const SINGLE_FILE_KEYS = FILE_NAMES.map((f) => f.replace(/\.json$/, ''));

function keyOf(file: FileName): string {
	return file.replace(/\.json$/, '');
}

/** Validates already-parsed JSON as a one-file incident. */
export function validateSingleJson(
	json: unknown,
	fileName: string,
	options: ValidateOptions = {}
): ValidationResult {
	const fail = (path: string, message: string): ValidationResult => ({
		ok: false,
		errors: [{ file: fileName, path, message }]
	});
	if (json === null || typeof json !== 'object' || Array.isArray(json))
		return fail(
			'$',
			`must be a JSON object with the keys ${SINGLE_FILE_KEYS.map((k) => `"${k}"`).join(', ')}; got ${json === null ? 'null' : Array.isArray(json) ? 'an array' : typeof json}`
		);
	// Parsed JSON, read by the fixed top-level keys only, each checked with Object.hasOwn.
	const record = json as Record<string, unknown>;
	const errors: ValidationError[] = [];
	const known = new Set<string>([...SINGLE_FILE_KEYS, '$schema', 'version']);
	const unknown = Object.keys(record).filter((k) => !known.has(k));
	if (unknown.length)
		errors.push({
			file: fileName,
			path: '$',
			message: `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => JSON.stringify(k)).join(', ')}; expected ${SINGLE_FILE_KEYS.map((k) => `"${k}"`).join(', ')}`
		});
	const raw: RawFiles = {};
	for (const file of FILE_NAMES) {
		const key = keyOf(file);
		if (!Object.hasOwn(record, key)) {
			if (OPTIONAL_FILES.has(file)) continue;
			errors.push({
				file: fileName,
				path: `$.${key}`,
				message: `is required (${key === 'incident' ? 'an object' : 'an array'})`
			});
			continue;
		}
		raw[file] = { json: { [key]: record[key] } };
	}
	// The version a published model was stamped with travels with it; it is checked, not trusted.
	const version = 'version' in record ? DatasetVersion.safeParse(record.version) : null;
	if (version && !version.success)
		errors.push({
			file: fileName,
			path: '$.version',
			message: `must be the version a build stamped, {"id", "date", "kind", "note"?}; got ${
				record.version === null ? 'null' : typeof record.version
			}`
		});
	if (errors.length) return { ok: false, errors };
	const result = validateIncident(raw, options);
	if (result.ok)
		return version ? { ...result, model: { ...result.model, version: version.data! } } : result;
	// Folder paths already start at the file's one key ($.events[3]...): only the file changes.
	return { ok: false, errors: result.errors.map((e) => ({ ...e, file: fileName })) };
}

/** Parses and validates the text of a one-file incident. */
export function validateSingleFile(
	text: string,
	fileName: string,
	options: ValidateOptions = {}
): ValidationResult {
	const parsed = parseJsonValue(text);
	if ('error' in parsed)
		return { ok: false, errors: [{ file: fileName, path: '$', message: parsed.error }] };
	const result = validateSingleJson(parsed.json, fileName, options);
	// Scanned after the records are checked, so a first look (options.onShaped) need not wait
	// for it. A repeated key fails the file; the checks of what was parsed are reported after it.
	const problems = duplicateKeyProblems(parsed.body);
	if (!problems) return result;
	return {
		ok: false,
		errors: [...problems.map((p) => ({ file: fileName, ...p })), ...result.errors]
	};
}
