/**
 * A second build of the site, beside build/ (which the rest of the suite is served from and is
 * left alone): built into a folder of its own with the given environment, served as a static
 * host would on a port of its own, and stopped after its tests.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs a command to the end; resolves with its output, rejects with it when it fails. */
export function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		child.on('error', reject);
		child.on('close', (code) =>
			code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.join(' ')} failed:\n${out}`))
		);
	});
}

/** Serves a built folder on a port; resolves once url answers, within 20 s. */
export async function serve(
	dir: string,
	port: number,
	url: string,
	env: NodeJS.ProcessEnv = process.env
): Promise<ChildProcess> {
	const server = spawn('node', ['scripts/serve.mjs', '--dir', dir, '--port', String(port)], {
		env,
		stdio: 'ignore'
	});
	const deadline = Date.now() + 20_000;
	while (Date.now() < deadline) {
		try {
			if ((await fetch(url)).ok) return server;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	server.kill();
	throw new Error(`The server for ${dir} on port ${port} did not answer within 20 s.`);
}

const LOCK = join(tmpdir(), 'sightline-e2e-build.lock');

function holderAlive(): boolean {
	try {
		process.kill(Number(readFileSync(join(LOCK, 'pid'), 'utf8')), 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * Builds one at a time: every build writes SvelteKit's intermediate output to .svelte-kit/, so
 * two spec files building at once in two workers would overwrite each other's. A lock left by
 * a process that has gone is taken over; waiting is bounded.
 */
export async function build(env: NodeJS.ProcessEnv, args = ['run', 'build']): Promise<string> {
	const deadline = Date.now() + 600_000;
	for (;;) {
		try {
			mkdirSync(LOCK);
			writeFileSync(join(LOCK, 'pid'), String(process.pid));
			break;
		} catch {
			if (!holderAlive()) rmSync(LOCK, { recursive: true, force: true });
			else if (Date.now() > deadline) throw new Error('Waited 10 minutes for another build.');
			await new Promise((r) => setTimeout(r, 250));
		}
	}
	try {
		return await run('npm', args, env);
	} finally {
		rmSync(LOCK, { recursive: true, force: true });
	}
}
