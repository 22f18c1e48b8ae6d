/**
 * The history engine's benchmark (`npm run bench -- --only history`, or alone:
 * `tsx scripts/bench-history.ts`): how long the build takes to work out every record's history.
 *
 * 1. The diff (src/lib/history/diff.ts) over a synthetic history held in memory: --commits
 *    (default 1,000) commits of an incident of --events (default 100,000) events, as the build
 *    hands it each commit's parsed files. Each commit edits a few events (a field, a time, a
 *    source), every tenth adds and removes one, every twentieth only reformats (a new blob,
 *    no value changed). Timed: buildRevisions, then recordHistories and the published JSON.
 * 2. The same through git (src/lib/server/history-git.ts): a repository in a temporary folder
 *    with --git-commits (default 100) commits of --git-events (default 10,000) events, read by
 *    readGitHistory and then diffed. Smaller by default: each commit writes the whole file, and
 *    a thousand 50 MB files would be 50 GB for git to hash and store.
 *
 * Prints figures and returns them (bench.ts writes them into bench-results/).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { synthIncident } from '../src/lib/bench/synth';
import { buildRevisions, recordHistories, type Commit } from '../src/lib/history/diff';
import { readGitHistory } from '../src/lib/server/history-git';
import type { IncidentEvent, IncidentModel } from '../src/lib/model/schema';
import { option, round } from './lib/measure';

export interface HistoryBench {
	memory: {
		commits: number;
		events: number;
		revisions: number;
		changes: number;
		diffMs: number;
		perCommitMs: number;
		recordHistoriesMs: number;
		publishedMb: number;
		stringifyMs: number;
		peakHeapMb: number;
	};
	git: {
		commits: number;
		events: number;
		writeMs: number;
		readMs: number;
		diffMs: number;
		revisions: number;
	} | null;
}

/** A small seeded generator, so every run edits the same events. */
function rng(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s * 1664525 + 1013904223) >>> 0;
		return s / 2 ** 32;
	};
}

/**
 * The events after each commit, oldest first. Unchanged events are the same objects from one
 * commit to the next, as a parse of the file would not give, so the diff's work is not helped:
 * it stringifies every record of a changed file either way.
 */
function* eventVersions(events: IncidentEvent[], commits: number, seed = 7) {
	const random = rng(seed);
	let current = events;
	let added = 0;
	for (let c = 0; c < commits; c++) {
		const next = current.slice();
		if (c % 20 !== 19) {
			const edits = 1 + Math.floor(random() * 5);
			for (let k = 0; k < edits; k++) {
				const i = Math.floor(random() * next.length);
				const e = next[i]!;
				const which = k % 3;
				next[i] =
					which === 0
						? { ...e, title: `${e.title.replace(/ \(rev \d+\)$/, '')} (rev ${c})` }
						: which === 1
							? { ...e, summary: `${e.summary} Corrected in commit ${c}.` }
							: { ...e, approximate: !e.approximate };
			}
			if (c % 10 === 9) {
				const gone = Math.floor(random() * next.length);
				const template = next[gone]!;
				next.splice(gone, 1);
				next.push({ ...template, id: `bench-added-${added++}` });
			}
		}
		current = next;
		yield { events: next, reformatOnly: c % 20 === 19 };
	}
}

function heapMb() {
	return process.memoryUsage().heapUsed / 1024 / 1024;
}

export function benchHistoryMemory(commits: number, events: number) {
	const model = synthIncident({ events }) as IncidentModel;
	const other: Commit['files'] = {};
	for (const [file, key] of [
		['incident.json', 'incident'],
		['parties.json', 'parties'],
		['relations.json', 'relations'],
		['casualties.json', 'casualties'],
		['sources.json', 'sources'],
		['storylines.json', 'storylines']
	] as const)
		other[file] = { blob: `${file}-0`, json: { [key]: model[key as keyof IncidentModel] } };
	let peak = heapMb();
	function* history(): Generator<Commit> {
		let n = 0;
		for (const { events: list } of eventVersions(model.events as IncidentEvent[], commits)) {
			// A reformatting commit is a new blob whose values are the previous one's.
			yield {
				hash: (n + 1).toString(16).padStart(40, '0'),
				date: new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString(),
				subject: `Correct events (${n})`,
				body: '',
				files: { ...other, 'events.json': { blob: `events-${n}`, json: { events: list } } }
			};
			n++;
			if (n % 50 === 0) peak = Math.max(peak, heapMb());
		}
	}
	let t = performance.now();
	const revisions = buildRevisions(history());
	const diffMs = performance.now() - t;
	peak = Math.max(peak, heapMb());
	t = performance.now();
	recordHistories(revisions);
	const recordHistoriesMs = performance.now() - t;
	t = performance.now();
	const published = JSON.stringify({ revisions });
	const stringifyMs = performance.now() - t;
	return {
		commits,
		events,
		revisions: revisions.length,
		changes: revisions.reduce((n, r) => n + r.changes.length, 0),
		diffMs: round(diffMs, 0),
		perCommitMs: round(diffMs / commits, 1),
		recordHistoriesMs: round(recordHistoriesMs, 1),
		publishedMb: round(published.length / 1024 / 1024, 2),
		stringifyMs: round(stringifyMs, 1),
		peakHeapMb: round(peak, 0)
	};
}

export function benchHistoryGit(commits: number, events: number) {
	const root = mkdtempSync(join(tmpdir(), 'sightline-history-bench-'));
	try {
		const dir = join(root, 'data', 'incidents', 'bench');
		mkdirSync(dir, { recursive: true });
		const git = (...args: string[]) =>
			execFileSync('git', args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
		git('init', '-q');
		const model = synthIncident({ events }) as IncidentModel;
		for (const key of [
			'incident',
			'parties',
			'relations',
			'casualties',
			'sources',
			'storylines'
		] as const)
			writeFileSync(join(dir, `${key}.json`), JSON.stringify({ [key]: model[key] }, null, '\t'));
		let t = performance.now();
		let n = 0;
		for (const { events: list, reformatOnly } of eventVersions(
			model.events as IncidentEvent[],
			commits
		)) {
			writeFileSync(
				join(dir, 'events.json'),
				JSON.stringify({ events: list }, null, reformatOnly && n % 2 ? '  ' : '\t')
			);
			git('add', '-A');
			git(
				'-c',
				'user.name=Bench',
				'-c',
				'user.email=bench@example.org',
				'commit',
				'-q',
				'--no-verify',
				'-m',
				`Correct events (${n++})`
			);
		}
		const writeMs = performance.now() - t;
		t = performance.now();
		const history = readGitHistory(dir);
		const readMs = performance.now() - t;
		if (!history.available) throw new Error(history.reason);
		t = performance.now();
		const revisions = buildRevisions(history.commits);
		const diffMs = performance.now() - t;
		return {
			commits,
			events,
			writeMs: round(writeMs, 0),
			readMs: round(readMs, 0),
			diffMs: round(diffMs, 0),
			revisions: revisions.length
		};
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

export function benchHistory(args: string[]): HistoryBench {
	const num = (name: string, fallback: number) => Number(option(args, name) ?? fallback);
	const memory = benchHistoryMemory(num('commits', 1000), num('events', 100_000));
	console.log('History: diffing a synthetic history held in memory:');
	console.table([memory]);
	const gitCommits = num('git-commits', 100);
	const git = gitCommits > 0 ? benchHistoryGit(gitCommits, num('git-events', 10_000)) : null;
	if (git) {
		console.log('History: a git repository read by readGitHistory, then diffed:');
		console.table([git]);
	}
	return { memory, git };
}

if (import.meta.url === `file://${process.argv[1]}`) benchHistory(process.argv.slice(2));
