/**
 * The history engine's benchmark (`npm run bench -- --only history`, or alone:
 * `tsx scripts/bench-history.ts`): how long the build takes to work out every record's history.
 *
 * 1. The diff (src/lib/history/diff.ts) over a synthetic history held in memory: --commits
 *    (default 1,000) commits of an incident of --events (default 100,000) events, each commit
 *    handing it the text of events.json, as git does (80 MB at 100,000 events). Each commit edits
 *    a few events (a title, a summary, a flag), every tenth removes one and adds one, every
 *    twentieth only reformats (every line end turned from LF to CRLF or back; later commits keep
 *    it). Timed: buildRevisions, less the time spent making each commit's text (inputMs: a new
 *    80 MB string a commit, which reading the file from git costs a build as well), with the
 *    first commit (every record added), an editing commit and a reformatting one apart; then
 *    recordHistories and the published JSON. The changes found are checked against the edits.
 * 2. The same through git (src/lib/server/history-git.ts): a repository in a temporary folder
 *    with --git-commits (default 100) commits of --git-events (default 10,000) events, read by
 *    readGitHistory (readMs: the log and each commit's files) and then diffed (diffMs, which
 *    includes reading each changed file's text from git, as the diff asks for it). Smaller by
 *    default: each commit writes the whole file, and a thousand 80 MB files would be 80 GB for
 *    git to hash and store.
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
		fileMb: number;
		revisions: number;
		changes: number;
		diffMs: number;
		firstCommitMs: number;
		editCommitMs: number;
		reformatCommitMs: number;
		inputMs: number;
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

/** One commit's edits, in order: an event replaced, removed, or added at the end. */
type Edit = { set: number; event: IncidentEvent } | { remove: number } | { push: IncidentEvent };

/** The events after each commit, oldest first, with the edits that made them. */
function* eventVersions(events: IncidentEvent[], commits: number, seed = 7) {
	const random = rng(seed);
	let current = events;
	let added = 0;
	for (let c = 0; c < commits; c++) {
		const next = current.slice();
		const edits: Edit[] = [];
		if (c % 20 !== 19) {
			const count = 1 + Math.floor(random() * 5);
			for (let k = 0; k < count; k++) {
				const i = Math.floor(random() * next.length);
				const e = next[i]!;
				const which = k % 3;
				next[i] =
					which === 0
						? { ...e, title: `${e.title.replace(/ \(rev \d+\)$/, '')} (rev ${c})` }
						: which === 1
							? { ...e, summary: `${e.summary} Corrected in commit ${c}.` }
							: { ...e, approximate: !e.approximate };
				edits.push({ set: i, event: next[i]! });
			}
			if (c % 10 === 9) {
				const gone = Math.floor(random() * next.length);
				const template = next[gone]!;
				next.splice(gone, 1);
				next.push({ ...template, id: `bench-added-${added++}` });
				edits.push({ remove: gone }, { push: next.at(-1)! });
			}
		}
		current = next;
		yield { events: next, edits, reformatOnly: c % 20 === 19 };
	}
}

/** How many records a commit's edits change: each event edited, removed or added, once. */
function changesOf(edits: Edit[], before: IncidentEvent[]): number {
	const ids = new Set<string>();
	let list = before;
	for (const e of edits) {
		if ('set' in e) ids.add(list[e.set]!.id);
		else if ('remove' in e) {
			ids.add(list[e.remove]!.id);
			list = list.filter((_, i) => i !== e.remove);
		} else ids.add(e.push.id);
	}
	return ids.size;
}

/**
 * events.json as text, tab-indented as JSON.stringify writes it, kept up to date by splicing
 * each commit's edits into it: a new string a commit, whose unchanged stretches are the old
 * one's characters, as a file edited on disk and read back from git is.
 */
class EventsText {
	text: string;
	/** Line ends: a reformatting commit turns LF into CRLF or back, whitespace and nothing else. */
	private eol = '\n';
	/** Each event's length in the text, and its line ends (for the length in the other style). */
	private lengths: number[];
	private lines: number[];

	constructor(events: IncidentEvent[]) {
		const parts = events.map((e) => this.part(e));
		this.lengths = parts.map((p) => p.length);
		this.lines = parts.map((p) => p.split('\n').length - 1);
		this.text = this.head + parts.join(this.sep) + this.close + this.eol;
	}

	private get head() {
		return `{${this.eol}\t"events": [${this.eol}\t\t`;
	}

	private get sep() {
		return `,${this.eol}\t\t`;
	}

	private get close() {
		return `${this.eol}\t]${this.eol}}`;
	}

	private part(e: IncidentEvent) {
		return JSON.stringify(e, null, '\t').replaceAll('\n', `${this.eol}\t\t`);
	}

	/** Every line end changed (LF to CRLF, or back), as an editor on another system would. */
	reformat() {
		const crlf = this.eol === '\r\n';
		this.text = crlf ? this.text.replaceAll('\r\n', '\n') : this.text.replaceAll('\n', '\r\n');
		this.eol = crlf ? '\n' : '\r\n';
		this.lengths = this.lengths.map((l, k) => l + (crlf ? -1 : 1) * this.lines[k]!);
	}

	/**
	 * One commit's edits spliced in, as one new string. The edits are eventVersions': events
	 * replaced, then one removed, then one added at the end, indices counted before the removal.
	 */
	apply(edits: Edit[]) {
		const t = this.text;
		const sep = this.sep;
		const parts = new Map<number, string>();
		let removed = -1;
		const pushed: string[] = [];
		for (const edit of edits) {
			if ('set' in edit) {
				if (removed >= 0) throw new Error('bench: an event replaced after one was removed');
				parts.set(edit.set, this.part(edit.event));
			} else if ('remove' in edit) removed = edit.remove;
			else pushed.push(this.part(edit.push));
		}
		const offsets = new Array<number>(this.lengths.length);
		for (let k = 0, at = this.head.length; k < this.lengths.length; k++) {
			offsets[k] = at;
			at += this.lengths[k]! + sep.length;
		}
		// Cuts in the old text, [from, to) replaced by `by`, made in order.
		const cuts: { from: number; to: number; by: string }[] = [];
		for (const [k, part] of parts)
			if (k !== removed)
				cuts.push({ from: offsets[k]!, to: offsets[k]! + this.lengths[k]!, by: part });
		if (removed >= 0) {
			// The event and the separator after it, or before it for the last.
			const last = removed === this.lengths.length - 1;
			const from = offsets[removed]! - (last ? sep.length : 0);
			cuts.push({ from, to: from + this.lengths[removed]! + sep.length, by: '' });
		}
		const end = t.length - this.close.length - this.eol.length;
		if (pushed.length) cuts.push({ from: end, to: end, by: pushed.map((p) => sep + p).join('') });
		cuts.sort((x, y) => x.from - y.from);
		const pieces: string[] = [];
		let at = 0;
		for (const c of cuts) {
			pieces.push(t.slice(at, c.from), c.by);
			at = c.to;
		}
		pieces.push(t.slice(at));
		this.text = pieces.join('');
		const count = (p: string) => p.split('\n').length - 1;
		for (const [k, part] of parts) {
			this.lengths[k] = part.length;
			this.lines[k] = count(part);
		}
		if (removed >= 0) {
			this.lengths.splice(removed, 1);
			this.lines.splice(removed, 1);
		}
		for (const p of pushed) {
			this.lengths.push(p.length);
			this.lines.push(count(p));
		}
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
		other[file] = {
			blob: `${file}-0`,
			text: JSON.stringify({ [key]: model[key as keyof IncidentModel] }, null, '\t')
		};
	let peak = heapMb();
	let inputMs = 0;
	// The first commit adds every record: the events, and those of the other files.
	let expected =
		1 +
		(['parties', 'relations', 'casualties', 'sources', 'storylines'] as const)
			.map((key) => (model[key] ?? []).length)
			.reduce((a, b) => a + b, 0);
	let fileMb = 0;
	// The diff's time for each commit: from handing it over to being asked for the next.
	const spent: number[] = [];
	const reformats = new Set<number>();
	let handed = 0;
	function* history(): Generator<Commit> {
		let n = 0;
		let file: EventsText | null = null;
		let before = model.events as IncidentEvent[];
		for (const { events: list, edits, reformatOnly } of eventVersions(before, commits)) {
			const t = performance.now();
			if (n > 0) spent.push(t - handed);
			if (!file) {
				file = new EventsText(list);
				expected += list.length;
			} else if (reformatOnly) {
				file.reformat();
				reformats.add(n);
			} else {
				file.apply(edits);
				expected += changesOf(edits, before);
			}
			const text = file.text;
			fileMb = text.length / 1024 / 1024;
			before = list;
			if (n % 50 === 0) peak = Math.max(peak, heapMb());
			handed = performance.now();
			inputMs += handed - t;
			yield {
				hash: (n + 1).toString(16).padStart(40, '0'),
				date: new Date(Date.UTC(2026, 0, 1) + n * 3_600_000).toISOString(),
				subject: `Correct events (${n})`,
				body: '',
				files: { ...other, 'events.json': { blob: `events-${n}`, text } }
			};
			n++;
		}
	}
	const revisions = buildRevisions(history());
	spent.push(performance.now() - handed);
	peak = Math.max(peak, heapMb());
	const changes = revisions.reduce((n, r) => n + r.changes.length, 0);
	if (changes !== expected)
		throw new Error(`bench: the history found ${changes} changes; the edits made ${expected}`);
	const mean = (list: number[]) => list.reduce((a, b) => a + b, 0) / Math.max(1, list.length);
	const diffMs = spent.reduce((a, b) => a + b, 0);
	const edit = spent.filter((_, n) => n > 0 && !reformats.has(n));
	const reformat = spent.filter((_, n) => reformats.has(n));
	let t = performance.now();
	recordHistories(revisions);
	const recordHistoriesMs = performance.now() - t;
	t = performance.now();
	const published = JSON.stringify({ revisions });
	const stringifyMs = performance.now() - t;
	return {
		commits,
		events,
		fileMb: round(fileMb, 1),
		revisions: revisions.length,
		changes,
		diffMs: round(diffMs, 0),
		firstCommitMs: round(spent[0] ?? 0, 0),
		editCommitMs: round(mean(edit), 1),
		reformatCommitMs: round(mean(reformat), 0),
		inputMs: round(inputMs, 0),
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
