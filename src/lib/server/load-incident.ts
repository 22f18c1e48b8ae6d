/**
 * Reads an incident folder from disk and validates it. Used by the build (prerendering) and
 * the validate CLI, so both fail on exactly the same errors.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { FILE_NAMES } from '../model/schema.ts';
import {
	describeJsonError,
	parseJsonBytes,
	validateIncident,
	type RawFiles,
	type ValidationResult
} from '../model/validate.ts';

export { describeJsonError };

/** Files larger than this are refused before parsing: a hand-curated file is never this big. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export const DEFAULT_INCIDENT = 'deir-ez-zor-2016';

/** The incident the site is built for: SIGHTLINE_INCIDENT, or the bundled one. */
export function selectedIncidentId(): string {
	return process.env.SIGHTLINE_INCIDENT || DEFAULT_INCIDENT;
}

/** An incident id names a folder in data/incidents/; a value with a slash is a folder path. */
export function incidentDir(id: string, root = process.cwd()): string {
	return id.includes('/') ? resolve(root, id) : resolve(root, 'data', 'incidents', id);
}

export function readIncidentFolder(dir: string): RawFiles {
	const raw: RawFiles = {};
	for (const name of FILE_NAMES) {
		const path = join(dir, name);
		if (!existsSync(path)) continue;
		const size = statSync(path).size;
		if (size > MAX_FILE_BYTES) {
			raw[name] = {
				error: `file is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_FILE_BYTES / 1024 / 1024} MB`
			};
			continue;
		}
		// Read as bytes: readFileSync(path, 'utf8') would turn bytes that are not UTF-8 into U+FFFD.
		raw[name] = parseJsonBytes(readFileSync(path));
	}
	return raw;
}

export function loadIncident(id = selectedIncidentId(), root = process.cwd()): ValidationResult {
	const dir = incidentDir(id, root);
	if (!existsSync(dir)) {
		return {
			ok: false,
			errors: [{ file: dir, path: '$', message: `no incident folder at ${dir}` }]
		};
	}
	return validateIncident(readIncidentFolder(dir));
}
