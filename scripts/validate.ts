/**
 * npm run validate [incident-id|folder]: checks an incident folder and prints every problem,
 * each with its file, JSON path and message. Exits 1 when anything is wrong.
 */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { formatError, validateIncident } from '../src/lib/model/validate';
import {
	incidentDir,
	readIncidentFolder,
	selectedIncidentId
} from '../src/lib/server/load-incident';

const arg = process.argv[2];
const dir = arg && existsSync(arg) ? resolve(arg) : incidentDir(arg ?? selectedIncidentId());
if (!existsSync(dir)) {
	console.error(`validate: no incident folder at ${dir}`);
	process.exit(1);
}
const result = validateIncident(readIncidentFolder(dir));
if (!result.ok) {
	console.error(`validate: ${basename(dir)} has ${result.errors.length} problem(s):`);
	for (const e of result.errors) console.error(`  ${formatError(e)}`);
	process.exit(1);
}
const m = result.model;
console.log(
	`validate: ${m.incident.id} is valid: ${m.events.length} events, ${m.parties.length} parties, ` +
		`${m.relations.length} relations, ${m.casualties.length} casualty claims, ${m.sources.length} sources, ` +
		`${m.storylines.length} storylines (${m.storylines.reduce((n, s) => n + s.steps.length, 0)} steps).`
);
