/**
 * Sightline is made for any incident: the bundled one is a guest. Nothing in src/ or scripts/
 * may name it, its places, its zones, its parties or its records, apart from the one default
 * incident id, so a hard-coded assumption fails here before it fails a user's incident.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { DEFAULT_INCIDENT } from '../../src/lib/server/load-incident';
import type { IncidentModel } from '../../src/lib/model/schema';

const DIR = join('data', 'incidents', DEFAULT_INCIDENT);
const read = <T>(file: string): T => JSON.parse(readFileSync(join(DIR, file), 'utf8')) as T;

/** What names the bundled incident: its title's proper names, zones, places, parties and ids. */
function marks(): string[] {
	const { incident } = read<{ incident: IncidentModel['incident'] }>('incident.json');
	const { parties } = read<{ parties: IncidentModel['parties'] }>('parties.json');
	const { events } = read<{ events: IncidentModel['events'] }>('events.json');
	const { storylines } = read<{ storylines: IncidentModel['storylines'] }>('storylines.json');
	const places = events.flatMap((e) => (e.location ? [e.location.name] : []));
	return [
		...new Set([
			incident.id,
			...incident.title.split(/[\s,]+/).filter((w) => /^[A-Z][a-z]{3,}$/.test(w)),
			...(incident.subtitle ?? '').split(/[\s,]+/).filter((w) => /^[A-Z][a-z]{4,}$/.test(w)),
			incident.timeZone,
			incident.timeZoneLabel,
			...(incident.zones ?? []).map((z) => z.label),
			...places,
			...places.map((p) => p.split(',')[0]!.trim()),
			...parties.map((p) => p.name).filter((n) => n.length >= 12),
			...parties.map((p) => p.id).filter((id) => id.length >= 8),
			...events.map((e) => e.id).filter((id) => id.length >= 12),
			...storylines.map((s) => s.id)
		])
	].filter((m) => !COMMON.has(m));
}
const IANA_ZONE = /\b[A-Z][a-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?\b/g;

/** Words of the bundled incident's title that are plain English, not names. */
const COMMON = new Set(['September', 'Russian', 'Russia', 'United', 'States', 'Nations']);

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : [path];
	});
}

test('no file in src/ or scripts/ names the bundled incident', () => {
	const found: string[] = [];
	const all = marks();
	const zone = read<{ incident: IncidentModel['incident'] }>('incident.json').incident.timeZone;
	expect(all.length).toBeGreaterThan(50);
	for (const file of [...files('src'), ...files('scripts')]) {
		const lines = readFileSync(file, 'utf8').split('\n');
		lines.forEach((line, i) => {
			if (/export const DEFAULT_INCIDENT = /.test(line)) return;
			// Other zones' names ("Europe/London") are the world's, not the incident's places.
			const lower = line.replace(IANA_ZONE, (z) => (z === zone ? z : '')).toLowerCase();
			for (const m of all)
				if (lower.includes(m.toLowerCase())) found.push(`${file}:${i + 1}: "${m}"`);
		});
	}
	expect(found).toEqual([]);
});
