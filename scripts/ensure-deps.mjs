#!/usr/bin/env node
/**
 * Runs before `npm test`: on a fresh clone where nobody ran `npm install` yet, installs the
 * dependencies from the lockfile first, so `npm test` alone is enough. A no-op otherwise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

if (!existsSync('node_modules/.package-lock.json')) {
	console.log('ensure-deps: no node_modules yet; running "npm ci" first…');
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	const result = spawnSync(npm, ['ci'], { stdio: 'inherit' });
	process.exit(result.status ?? 1);
}
