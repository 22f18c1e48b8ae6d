/**
 * The malformed-data corpus (tests/unit/malformed-cases.ts), run through both ways an incident
 * is read: an incident folder on disk (loadIncident, as the build and CLI read it) and a
 * one-file incident (validateSingleFile, as a user's own file is checked). Every case must
 * fail, build nothing, and name the file, the JSON path and what is wrong, in words.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatError } from '../../src/lib/model/validate';
import { loadIncident } from '../../src/lib/server/load-incident';
import {
	MAX_IMPORT_BYTES,
	sizeProblem,
	validateSingleFile
} from '../../src/lib/import/single-file';
import {
	expectedErrors,
	failedClearly,
	MALFORMED_CASES,
	ONE_FILE,
	readsClearly,
	runFolder,
	runOneFile,
	VALID_DIR,
	writeCaseFolder,
	type MalformedCase
} from './malformed-cases';

const root = mkdtempSync(join(tmpdir(), 'sightline-malformed-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const cases = MALFORMED_CASES.map((c) => [c.name, c] as [string, MalformedCase]);

describe('the corpus', () => {
	test('has a case for each kind of breakage, each with a unique name', () => {
		expect(MALFORMED_CASES.length).toBeGreaterThanOrEqual(40);
		expect(new Set(MALFORMED_CASES.map((c) => c.name)).size).toBe(MALFORMED_CASES.length);
	});

	test('starts from a valid incident, on both paths', () => {
		const folder = loadIncident(VALID_DIR);
		expect(folder.errors).toEqual([]);
		const again = writeCaseFolder(
			{ name: 'unbroken', file: 'events.json', break: { edit: () => {} }, errors: [] },
			root
		);
		expect(loadIncident(again).errors).toEqual([]);
		const one = runOneFile({
			name: 'unbroken',
			file: 'events.json',
			break: { edit: () => {} },
			errors: []
		});
		expect(one).toEqual({ ok: true, modelBuilt: true, errors: [] });
	});
});

describe('an incident folder with a malformed file (loadIncident)', () => {
	test.each(cases)('%s', (_, c) => {
		const result = runFolder(c, root);
		expect(result.ok).toBe(false);
		expect(result.modelBuilt).toBe(false);
		expect(result.errors).toEqual(expectedErrors(c, 'folder'));
		expect(result.errors.every((e) => e.startsWith(`${c.file} $`) && readsClearly(e))).toBe(true);
		expect(failedClearly(result, expectedErrors(c, 'folder'))).toBe(true);
	});
});

describe('a one-file incident with the same breakage (validateSingleFile)', () => {
	test.each(cases)('%s', (_, c) => {
		const result = runOneFile(c);
		expect(result.ok).toBe(false);
		expect(result.modelBuilt).toBe(false);
		expect(result.errors).toEqual(expectedErrors(c, 'one-file'));
		expect(result.errors.every((e) => e.startsWith(`${ONE_FILE} $`) && readsClearly(e))).toBe(true);
	});
});

describe('edges the table does not cover', () => {
	test('a UTF-8 BOM alone is read past, on both paths, as browsers do when decoding', () => {
		const dir = writeCaseFolder(
			{ name: 'bom', file: 'events.json', break: { text: (t) => `\uFEFF${t}` }, errors: [] },
			root
		);
		expect(loadIncident(dir).errors).toEqual([]);
		const one = runOneFile({
			name: 'bom',
			file: 'events.json',
			break: { text: (t) => `\uFEFF${t}` },
			errors: []
		});
		expect(one.errors).toEqual([]);
	});

	test('a "__proto__" field does not reach any prototype', () => {
		runFolder(
			MALFORMED_CASES.find((c) => c.name.includes('__proto__'))!,
			root
		);
		expect(({} as Record<string, unknown>).ok).toBeUndefined();
	});

	test('the one-file import takes up to 150 MB, and refuses anything bigger by size alone', () => {
		expect(sizeProblem(50 * 1024 * 1024, ONE_FILE)).toBeNull();
		expect(sizeProblem(MAX_IMPORT_BYTES, ONE_FILE)).toBeNull();
		expect(sizeProblem(MAX_IMPORT_BYTES + 1, ONE_FILE)).not.toBeNull();
		expect(formatError(sizeProblem(151 * 1024 * 1024, ONE_FILE)!)).toBe(
			'mini.json $: file is 151.0 MB; the limit is 150.0 MB. Split the incident or leave out what the timeline does not need.'
		);
	});

	test('a million nested arrays neither overflow the stack nor hide where the file ends', () => {
		const text = '['.repeat(1_000_000);
		const result = validateSingleFile(text, ONE_FILE);
		expect(result.model).toBeUndefined();
		expect(result.errors.map(formatError)).toEqual([
			'mini.json $: not valid JSON at line 1, column 1000001: the file ends in the middle of a value (cut short, or a bracket or quote not closed)'
		]);
	});
});
