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

/**
 * The message for a file over the limit, or null when it may be read. `bytes` is the file's
 * size; with `sizeKnown` false it is only how much was read before reading stopped at the
 * limit (the server gave no length, or a wrong one), and the message says "over" instead.
 */
export function sizeProblem(
	bytes: number,
	fileName: string,
	sizeKnown = true
): ValidationError | null {
	if (bytes <= MAX_IMPORT_BYTES) return null;
	const tail = 'Split the incident or leave out what the timeline does not need.';
	return {
		file: fileName,
		path: '$',
		message: sizeKnown
			? `file is ${formatBytes(bytes)}; the limit is ${formatBytes(MAX_IMPORT_BYTES)}. ${tail}`
			: `file is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB, the limit, so reading stopped there (the server did not say how big it is). ${tail}`
	};
}

export type ImportKind = 'json' | 'csv';

/** JSON unless the name or the first line says CSV. */
export function kindOf(fileName: string, text: string): ImportKind {
	if (/\.(csv|tsv|txt)$/i.test(fileName)) return 'csv';
	if (/\.json$/i.test(fileName)) return 'json';
	return /^\s*[[{]/.test(text) ? 'json' : 'csv';
}
