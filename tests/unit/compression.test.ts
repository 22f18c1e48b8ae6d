/**
 * Compressed copies: the build writes a Brotli and a gzip copy beside each text file
 * (scripts/precompress.mjs), and the site's own server (scripts/serve.mjs, behind `npm start`
 * and `npm run preview`) sends the copy the browser accepts, with the headers a cache and the
 * browser need, and the file itself to a browser that accepts neither.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
	mkdirSync,
	mkdtempSync,
	readFileSync,
	rmSync,
	statSync,
	utimesSync,
	writeFileSync
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { precompress } from '../../scripts/precompress.mjs';

const root = mkdtempSync(join(tmpdir(), 'sightline-compress-'));
const page = `<!doctype html><title>Test</title>${'<p>A line of the page.</p>\n'.repeat(200)}`;
const model = JSON.stringify({ events: Array.from({ length: 300 }, (_, i) => ({ id: `e-${i}` })) });
const script = `export const x = ${JSON.stringify('a script '.repeat(200))};`;
const tiny = '<p>small</p>';
const image = Buffer.alloc(4096, 7);
writeFileSync(join(root, 'index.html'), page);
writeFileSync(join(root, '404.html'), page.replace('Test', 'Not found'));
writeFileSync(join(root, 'tiny.html'), tiny);
writeFileSync(join(root, 'picture.png'), image);
mkdirSync(join(root, 'data'));
writeFileSync(join(root, 'data', 'model.json'), model);
mkdirSync(join(root, '_app', 'immutable'), { recursive: true });
writeFileSync(join(root, '_app', 'immutable', 'start.js'), script);

let server: ChildProcess;
let port = 0;

beforeAll(async () => {
	await precompress(root);
	server = spawn('node', ['scripts/serve.mjs', '--dir', root, '--port', '0'], {
		stdio: ['ignore', 'pipe', 'inherit']
	});
	port = await new Promise<number>((resolve) =>
		server.stdout!.on('data', (d: Buffer) => {
			const m = /localhost:(\d+)/.exec(String(d));
			if (m) resolve(Number(m[1]));
		})
	);
});
afterAll(() => {
	server?.kill();
	rmSync(root, { recursive: true, force: true });
});

/** A raw response: its status, headers and bytes as sent, not decoded. */
function get(path: string, acceptEncoding?: string, method = 'GET') {
	return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
		(resolve, reject) => {
			const req = request(
				{
					host: '127.0.0.1',
					port,
					path,
					method,
					headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding }
				},
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () =>
						resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) })
					);
				}
			);
			req.on('error', reject);
			req.end();
		}
	);
}

describe('the build’s compressed copies', () => {
	test('every text file of some size gets a Brotli and a gzip copy that decompress to it', () => {
		for (const [file, text] of [
			['index.html', page],
			['data/model.json', model],
			['_app/immutable/start.js', script]
		] as const) {
			expect(brotliDecompressSync(readFileSync(join(root, `${file}.br`))).toString()).toBe(text);
			expect(gunzipSync(readFileSync(join(root, `${file}.gz`))).toString()).toBe(text);
			expect(statSync(join(root, `${file}.br`)).size).toBeLessThan(text.length / 2);
		}
	});

	test('a tiny file and a picture get none', () => {
		for (const file of ['tiny.html', 'picture.png'])
			for (const ext of ['.br', '.gz']) expect(() => statSync(join(root, file + ext))).toThrow();
	});

	test('a copy is written again only when its file has changed since', async () => {
		expect(await precompress(root)).toBe(0);
		const changed = page.replace('Test', 'Changed');
		writeFileSync(join(root, 'index.html'), changed);
		const later = new Date(Date.now() + 5000);
		utimesSync(join(root, 'index.html'), later, later);
		expect(await precompress(root)).toBe(2);
		expect(brotliDecompressSync(readFileSync(join(root, 'index.html.br'))).toString()).toBe(
			changed
		);
	});
});

describe('the server sends the copy the browser accepts', () => {
	test('Brotli first, with its encoding, the type of the file, its length and Vary', async () => {
		const res = await get('/data/model.json', 'gzip, deflate, br');
		expect(res.status).toBe(200);
		expect(res.headers['content-encoding']).toBe('br');
		expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
		expect(res.headers['vary']).toBe('Accept-Encoding');
		expect(Number(res.headers['content-length'])).toBe(res.body.length);
		expect(brotliDecompressSync(res.body).toString()).toBe(model);
	});

	test('gzip where Brotli is not accepted, or refused with q=0', async () => {
		for (const accept of ['gzip', 'br;q=0, gzip;q=0.8']) {
			const res = await get('/_app/immutable/start.js', accept);
			expect(res.headers['content-encoding']).toBe('gzip');
			expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
			expect(gunzipSync(res.body).toString()).toBe(script);
		}
	});

	test('the file itself to a browser that accepts neither', async () => {
		for (const accept of [undefined, 'identity', 'br;q=0, gzip;q=0']) {
			const res = await get('/data/model.json', accept);
			expect(res.headers['content-encoding']).toBeUndefined();
			expect(res.headers['vary']).toBe('Accept-Encoding');
			expect(Number(res.headers['content-length'])).toBe(model.length);
			expect(res.body.toString()).toBe(model);
		}
	});

	test('pages, the not-found page and HEAD requests too', async () => {
		const home = await get('/', 'br');
		expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(brotliDecompressSync(home.body).toString()).toContain('<title>');
		const missing = await get('/no/such/page', 'gzip');
		expect(missing.status).toBe(404);
		expect(gunzipSync(missing.body).toString()).toContain('Not found');
		const head = await get('/data/model.json', 'br', 'HEAD');
		expect(head.headers['content-encoding']).toBe('br');
		expect(head.body.length).toBe(0);
	});

	test('a file without copies is sent as it is, with no Vary', async () => {
		const res = await get('/tiny.html', 'br, gzip');
		expect(res.headers['content-encoding']).toBeUndefined();
		expect(res.headers['vary']).toBeUndefined();
		expect(res.body.toString()).toBe(tiny);
	});
});
