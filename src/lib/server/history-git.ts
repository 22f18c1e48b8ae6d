/**
 * The incident folder's history as git has it: each commit that touched the folder, oldest
 * first, with the data files as they stood after it. Also the dataset version a build stamps:
 * the last such commit, or, where there is no history to read (no .git, a shallow clone), a
 * hash of the files themselves. Node only: the build and the scripts use it.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FILE_NAMES } from '../model/schema.ts';
import type { Commit } from '../history/diff.ts';
import type { DatasetVersion } from '../model/schema.ts';

/** Where the history could not be read, why; otherwise the commits, oldest first. */
export type GitHistory =
	{ available: true; commits: Commit[] } | { available: false; reason: string };

function git(cwd: string, args: string[]): string | null {
	try {
		return execFileSync('git', args, {
			cwd,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'ignore'],
			maxBuffer: 1024 * 1024 * 1024
		});
	} catch {
		return null;
	}
}

/** The repository's top folder and the incident folder within it, or why there is none. */
function locate(dir: string): { top: string; path: string } | { reason: string } {
	const top = git(dir, ['rev-parse', '--show-toplevel'])?.trim();
	if (!top) return { reason: 'this checkout has no git history' };
	if (git(dir, ['rev-parse', '--is-shallow-repository'])?.trim() === 'true')
		return { reason: 'this checkout is a shallow clone, so its history is incomplete' };
	return { top, path: relative(top, dir).split('\\').join('/') };
}

const FIELD = '\x1f';
const RECORD = '\x1e';

/** Reads many blobs in one `git cat-file --batch`: their text, by blob id. */
function readBlobs(top: string, blobs: string[]): Map<string, string> {
	const out = new Map<string, string>();
	if (blobs.length === 0) return out;
	const result = spawnSync('git', ['cat-file', '--batch'], {
		cwd: top,
		input: blobs.join('\n') + '\n',
		maxBuffer: 4 * 1024 * 1024 * 1024
	});
	const buf = result.stdout;
	let at = 0;
	for (const blob of blobs) {
		const nl = buf.indexOf(10, at);
		const header = buf.subarray(at, nl).toString('utf8').split(' ');
		const size = Number(header[2]);
		out.set(blob, buf.subarray(nl + 1, nl + 1 + size).toString('utf8'));
		at = nl + 1 + size + 1;
	}
	return out;
}

/**
 * One commit's changed files, read together from git the first time one of them is asked for,
 * each let go once it is taken: a history of large files is never held in memory at once.
 */
function textsOf(top: string, changed: string[]): (blob: string) => string {
	let read: Map<string, string> | null = null;
	return (blob) => {
		read ??= readBlobs(top, changed);
		const text = read.get(blob) ?? readBlobs(top, [blob]).get(blob) ?? '';
		read.delete(blob);
		return text;
	};
}

/**
 * Every commit that touched the folder, oldest first, with its data files after it. Each file's
 * text is read from git when it is asked for (the history asks once, for the files a commit
 * changed), so the commits cost memory for their texts only one at a time.
 */
export function readGitHistory(dir: string): GitHistory {
	const where = locate(dir);
	if ('reason' in where) return { available: false, reason: where.reason };
	const log = git(where.top, [
		'log',
		'--reverse',
		`--format=%H${FIELD}%cI${FIELD}%s${FIELD}%b${RECORD}`,
		'--',
		where.path
	]);
	if (log === null) return { available: false, reason: 'git could not read the history' };
	const commits: Commit[] = [];
	// eslint-disable-next-line no-restricted-syntax -- keyed by the data files' own names
	let previous: Record<string, string> = {};
	for (const entry of log.split(RECORD)) {
		const [hash, date, subject, body] = entry.replace(/^\n/, '').split(FIELD);
		if (!hash || !date) continue;
		// The folder's files at this commit, as blob ids.
		const tree = git(where.top, ['ls-tree', hash, '--', `${where.path}/`]) ?? '';
		// eslint-disable-next-line no-restricted-syntax -- keyed by the data files' own names
		const blobs: Record<string, string> = {};
		for (const line of tree.split('\n')) {
			const m = /^\d+ blob ([0-9a-f]+)\t(.+)$/.exec(line);
			const name = m?.[2]?.split('/').pop();
			if (m && name && (FILE_NAMES as string[]).includes(name)) blobs[name] = m[1]!;
		}
		const take = textsOf(
			where.top,
			Object.entries(blobs)
				.filter(([name, blob]) => previous[name] !== blob)
				.map(([, blob]) => blob)
		);
		const files: Commit['files'] = {};
		for (const [name, blob] of Object.entries(blobs))
			files[name] = {
				blob,
				get text() {
					return take(blob);
				}
			};
		previous = blobs;
		commits.push({ hash, date, subject: subject ?? '', body: (body ?? '').trim(), files });
	}
	return { available: true, commits };
}

/** A short hash of the data files' contents, for a build with no history to name its data by. */
export function contentHash(dir: string): string {
	const hash = createHash('sha256');
	for (const name of [...FILE_NAMES].sort()) {
		const path = join(dir, name);
		if (!existsSync(path)) continue;
		hash.update(`${name}\0`);
		hash.update(readFileSync(path));
	}
	return hash.digest('hex').slice(0, 10);
}

/**
 * The dataset version of the folder as it is on disk: the last commit that touched it, marked
 * when the files have changes not yet committed; a content hash where git has no history.
 */
export function datasetVersion(dir: string): DatasetVersion {
	const where = locate(dir);
	if ('reason' in where)
		return {
			id: contentHash(dir),
			date: null,
			kind: 'content',
			note: `A hash of the data files: ${where.reason}.`
		};
	const last = git(where.top, ['log', '-1', `--format=%h${FIELD}%cI`, '--', where.path])?.trim();
	if (!last)
		return {
			id: contentHash(dir),
			date: null,
			kind: 'content',
			note: 'A hash of the data files: they are not yet committed.'
		};
	const [id, date] = last.split(FIELD);
	const dirty = git(where.top, ['status', '--porcelain', '--', where.path])?.trim();
	if (dirty)
		return {
			id: `${id}+${contentHash(dir).slice(0, 6)}`,
			date: date!,
			kind: 'git',
			note: `Commit ${id} with changes not yet committed.`
		};
	return { id: id!, date: date!, kind: 'git' };
}
