/** Loads the valid mini incident, optionally with the files of a broken fixture laid over it. */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readIncidentFolder } from '../../src/lib/server/load-incident';
import type { RawFiles } from '../../src/lib/model/validate';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export function miniFiles(): RawFiles {
	return readIncidentFolder(join(FIXTURES, 'valid', 'mini'));
}

export function brokenFiles(name: string): RawFiles {
	const dir = join(FIXTURES, 'broken', name);
	if (!existsSync(dir)) throw new Error(`no broken fixture ${name}`);
	const raw = { ...miniFiles(), ...readIncidentFolder(dir) };
	if (name === 'missing-file') delete raw['relations.json'];
	return raw;
}

export const brokenNames = () => readdirSync(join(FIXTURES, 'broken'));
