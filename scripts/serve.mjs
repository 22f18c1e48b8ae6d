#!/usr/bin/env node
/**
 * Serves the static build the way a plain static host does (GitHub Pages, Netlify, S3):
 * a path maps to a file, "x" to "x.html" or "x/index.html", and anything else gets 404.html
 * with status 404. Where the build wrote a compressed copy beside a file (scripts/precompress.mjs)
 * and the browser accepts it, the copy is sent instead, Brotli before gzip, as nginx's
 * brotli_static and gzip_static do. No dependencies.
 * Usage: node scripts/serve.mjs [--port 4173] [--dir build]
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const port = Number(opt('port', process.env.PORT ?? 4173));
const root = resolve(opt('dir', 'build'));
const basePath = (process.env.SIGHTLINE_BASE_PATH ?? '').replace(/\/$/, '');

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.csv': 'text/csv; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.woff2': 'font/woff2',
	'.txt': 'text/plain; charset=utf-8',
	'.ico': 'image/x-icon'
};

if (!existsSync(join(root, 'index.html'))) {
	console.error(`serve: no build at ${root}. Run "npm run build" first.`);
	process.exit(1);
}

/**
 * The file an address names, or null. Each segment is decoded on its own: one that decodes to
 * a slash or backslash ("..%2F..%2Findex"), to "." or "..", or holds a NUL names no file here,
 * since following it would lead out of the folder the address is in (and a page served from
 * the wrong folder finds none of its relative scripts).
 */
function resolveFile(pathname) {
	const segments = pathname.split('/').map((s) => decodeURIComponent(s));
	if (segments.some((s) => /[/\\\0]/.test(s) || s === '.' || s === '..')) return null;
	const rel = normalize(segments.join('/')).replace(/^([/\\])+/, '');
	const full = join(root, rel);
	if (full !== root && !full.startsWith(root + sep)) return null;
	for (const candidate of [full, `${full}.html`, join(full, 'index.html')]) {
		if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
	}
	return null;
}

/**
 * The encodings a request's Accept-Encoding allows, of those the build writes copies in. A
 * coding given "q=0" is refused; "*" allows any not named.
 */
function acceptedEncodings(header) {
	const q = new Map();
	for (const part of String(header ?? '').split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		const weight = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
		q.set(name, weight === undefined ? 1 : Number(weight));
	}
	const allowed = (coding) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
	return ['br', 'gzip'].filter(allowed);
}

const COPY = { br: '.br', gzip: '.gz' };

/** The compressed copy to send for a file, if the build wrote one the request accepts. */
function compressedCopy(path, header) {
	for (const coding of acceptedEncodings(header)) {
		const copy = path + COPY[coding];
		if (existsSync(copy)) return { coding, copy };
	}
	return null;
}

const server = createServer((req, res) => {
	const raw = req.url ?? '/';
	const q = raw.indexOf('?');
	const rawPath = q === -1 ? raw : raw.slice(0, q);
	// Repeated slashes are one, as most hosts treat them (nginx merges them): redirect to the
	// tidy address, so relative asset paths resolve and the page works.
	if (/\/\/+/.test(rawPath)) {
		const tidy = rawPath.replace(/\/\/+/g, '/') + (q === -1 ? '' : raw.slice(q));
		res.writeHead(301, { location: tidy }).end();
		return;
	}
	let pathname;
	try {
		pathname = new URL(rawPath, 'http://localhost').pathname;
		decodeURIComponent(pathname);
	} catch {
		// An address that cannot be decoded names no file: the not-found page says so.
		pathname = '/__not_found__';
	}
	if (basePath) {
		if (pathname === basePath) pathname = '/';
		else if (pathname.startsWith(basePath + '/')) pathname = pathname.slice(basePath.length);
		else pathname = '/__not_found__';
	}
	const file = resolveFile(pathname);
	const status = file ? 200 : 404;
	const path = file ?? join(root, '404.html');
	const immutable = pathname.includes('/_app/immutable/');
	const compressed = compressedCopy(path, req.headers['accept-encoding']);
	const sent = compressed?.copy ?? path;
	res.writeHead(status, {
		'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
		// The size of what is sent, as static hosts send it: /open?src= shows progress and refuses
		// a file over its limit before reading it.
		'content-length': statSync(sent).size,
		...(compressed ? { 'content-encoding': compressed.coding } : {}),
		// A cache must keep the copies apart: the answer depends on what the browser accepts.
		...(existsSync(path + COPY.gzip) || existsSync(path + COPY.br)
			? { vary: 'Accept-Encoding' }
			: {}),
		'cache-control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin'
	});
	if (req.method === 'HEAD') return res.end();
	createReadStream(sent).pipe(res);
});

server.listen(port, '127.0.0.1', () => {
	// The port it got: with --port 0 the system chooses one.
	const { port: bound } = /** @type {import('node:net').AddressInfo} */ (server.address());
	console.log(
		`Sightline is being served at http://localhost:${bound}${basePath}/ (Ctrl+C to stop)`
	);
});
