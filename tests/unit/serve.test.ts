/**
 * The bundled static server (scripts/serve.mjs), as `npm start`, `npm run preview` and the
 * browser tests use it, on a small folder made here: it sends every file's length (so /open
 * can refuse an over-size file before reading it), and an address that decodes out of its
 * folder, or into another route's, gets the not-found page (issue 23).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'sightline-serve-'));
const FILES: [string, string][] = [
	['index.html', '<!doctype html><title>home</title>'],
	['404.html', '<!doctype html><title>not found</title>'],
	['events/x.html', '<!doctype html><title>event x</title>'],
	['data/a.json', '{"é": "ü"}'],
	['_app/immutable/a.js', 'export {};']
];
let server: ChildProcess;
let port = 0;

beforeAll(async () => {
	for (const [path, body] of FILES) {
		mkdirSync(join(dir, path, '..'), { recursive: true });
		writeFileSync(join(dir, path), body);
	}
	server = spawn('node', [join(ROOT, 'scripts', 'serve.mjs'), '--dir', dir, '--port', '0'], {
		env: { ...process.env, SIGHTLINE_BASE_PATH: '' },
		stdio: ['ignore', 'pipe', 'inherit']
	});
	port = await new Promise<number>((resolve, reject) => {
		let out = '';
		server.stdout!.on('data', (d) => {
			out += d;
			const m = /localhost:(\d+)/.exec(out);
			if (m) resolve(Number(m[1]));
		});
		server.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}: ${out}`)));
	});
});

afterAll(() => {
	server?.kill();
	rmSync(dir, { recursive: true, force: true });
});

/** Asks for a path exactly as written (fetch would tidy it), and reads the whole answer. */
function get(path: string, method = 'GET') {
	return new Promise<{ status: number; length: string | undefined; body: string }>(
		(resolve, reject) => {
			const req = request({ host: '127.0.0.1', port, path, method }, (res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (d) => (body += d));
				res.on('end', () =>
					resolve({ status: res.statusCode!, length: res.headers['content-length'], body })
				);
			});
			req.on('error', reject);
			req.end();
		}
	);
}

describe('serve.mjs', () => {
	test.each([
		['/', 'home'],
		['/events/x', 'event x'],
		['/data/a.json', 'ü'],
		['/_app/immutable/a.js', 'export']
	])('%s is served with its length', async (path, text) => {
		const res = await get(path);
		expect(res.status).toBe(200);
		expect(res.body).toContain(text);
		expect(res.length).toBe(String(Buffer.byteLength(res.body)));
	});

	test('a HEAD request is told the length too', async () => {
		const res = await get('/data/a.json', 'HEAD');
		expect(res.length).toBe(String(Buffer.byteLength(FILES[3]![1])));
	});

	test.each([
		'/events/..%2F..%2Findex',
		'/events/..%2Findex',
		'/events/..%2f..%2findex.html',
		'/events/..%5C..%5Cindex',
		'/events%2Fx',
		'/events/x%2F..%2F..%2Findex',
		'/events/%2E%2E%2F%2E%2E%2Findex',
		'/%2e%2e/%2e%2e/etc/passwd',
		'/events/x%00',
		'/no-such-page'
	])('%s gets the not-found page, with status 404 and its length', async (path) => {
		const res = await get(path);
		expect(res.status).toBe(404);
		expect(res.body).toContain('not found');
		expect(res.length).toBe(String(Buffer.byteLength(res.body)));
	});
});
