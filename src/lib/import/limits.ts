/**
 * The size limit for opened files and how sizes are written. Kept apart from the validator so
 * pages can show sizes without loading the schema library.
 */
import type { ValidationError } from '../model/validate.ts';

/** Files above this are refused before they are read: the browser would stall or run out. */
export const MAX_IMPORT_BYTES = 150 * 1024 * 1024;

/** "12.5 MB" */
export function formatBytes(bytes: number): string {
	if (bytes < 1024) return `${bytes} bytes`;
	if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The message for a file over the limit, or null when it may be read. */
export function sizeProblem(bytes: number, fileName: string): ValidationError | null {
	if (bytes <= MAX_IMPORT_BYTES) return null;
	return {
		file: fileName,
		path: '$',
		message: `file is ${formatBytes(bytes)}; the limit is ${formatBytes(MAX_IMPORT_BYTES)}. Split the incident or leave out what the timeline does not need.`
	};
}

export type ImportKind = 'json' | 'csv';

/** JSON unless the name or the first line says CSV. */
export function kindOf(fileName: string, text: string): ImportKind {
	if (/\.(csv|tsv|txt)$/i.test(fileName)) return 'csv';
	if (/\.json$/i.test(fileName)) return 'json';
	return /^\s*[[{]/.test(text) ? 'json' : 'csv';
}
