#!/usr/bin/env node
/**
 * Runs before `npm test`: installs the dependencies from the lockfile first when they are not
 * all there: on a fresh clone where nobody ran `npm install` yet, or in a checkout whose
 * package.json gained a dependency (the PDF reader the handout test uses, say) since the last
 * install, so `npm test` alone is enough. A no-op otherwise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const wanted = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
const missing = wanted.filter((name) => !existsSync(`node_modules/${name}/package.json`));

if (!existsSync('node_modules/.package-lock.json') || missing.length > 0) {
	const why = existsSync('node_modules/.package-lock.json')
		? `${missing.join(', ')} not installed`
		: 'no node_modules yet';
	console.log(`ensure-deps: ${why}; running "npm ci" first…`);
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const result = spawnSync(npm, ['ci'], { stdio: 'inherit' });
	process.exit(result.status ?? 1);
}
