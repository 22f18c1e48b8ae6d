/**
 * Each record's history, read from a real git repository made for the test: a record added,
 * a value corrected, a field renamed, a record removed, a file only reformatted. A reader of an
 * old link must be told exactly what changed, and a change of layout alone must not look like a
 * correction.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import {
	buildRevisions,
	diffSnapshots,
	fieldChanges,
	recordHistories,
	snapshotOf
} from '../../src/lib/history/diff';
import { datasetVersion, readGitHistory } from '../../src/lib/server/history-git';
import { removalOf } from '../../src/lib/history/records';

// Data files are edited freely here: the history does not read them through the schema.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;

const MINI = join(import.meta.dirname, '..', 'fixtures', 'valid', 'mini');
const roots: string[] = [];
afterAll(() => roots.forEach((r) => rmSync(r, { recursive: true, force: true })));

function repo() {
	const root = mkdtempSync(join(tmpdir(), 'sightline-history-'));
	roots.push(root);
	const dir = join(root, 'data', 'incidents', 'mini');
	cpSync(MINI, dir, { recursive: true });
	const git = (...args: string[]) =>
		execFileSync('git', args, {
			cwd: root,
			encoding: 'utf8',
			env: {
				...process.env,
				GIT_AUTHOR_NAME: 'Curator',
				GIT_AUTHOR_EMAIL: 'curator@example.org',
				GIT_COMMITTER_NAME: 'Curator',
				GIT_COMMITTER_EMAIL: 'curator@example.org'
			}
		});
	git('init', '-q', '-b', 'main');
	let day = 1;
	const commit = (message: string) => {
		const date = `2031-10-0${day++}T12:00:00+00:00`;
		git('add', '-A');
		execFileSync('git', ['commit', '-q', '--allow-empty', '-m', message], {
			cwd: root,
			env: {
				...process.env,
				GIT_AUTHOR_NAME: 'Curator',
				GIT_AUTHOR_EMAIL: 'curator@example.org',
				GIT_COMMITTER_NAME: 'Curator',
				GIT_COMMITTER_EMAIL: 'curator@example.org',
				GIT_AUTHOR_DATE: date,
				GIT_COMMITTER_DATE: date
			}
		});
	};
	const edit = (file: string, change: (doc: Doc) => void, indent = 2) => {
		const path = join(dir, file);
		const doc = JSON.parse(readFileSync(path, 'utf8'));
		change(doc);
		writeFileSync(path, JSON.stringify(doc, null, indent) + '\n');
	};
	return { root, dir, git, commit, edit };
}

describe('the history of a real repository', () => {
	const r = repo();
	r.commit('Add the mini incident');
	r.edit('events.json', (d) => (d.events[1].start = '2016-09-17T16:27+03:00'));
	r.commit('Correct the first call to 16:27\n\nThe wire report gives 16:27, not 16:25.');
	r.edit('events.json', (d) => {
		d.events[2].note = d.events[2].summary;
		delete d.events[2].summary;
	});
	r.commit('Rename a field');
	r.edit('parties.json', (d) => (d.parties = d.parties.filter((p: Doc) => p.id !== 'blue-air')));
	r.commit('Remove a party that no source names');
	// Only the layout: four-space indentation and keys in another order.
	r.edit(
		'sources.json',
		(d) => (d.sources = d.sources.map((s: Doc) => Object.fromEntries(Object.entries(s).reverse()))),
		4
	);
	r.commit('Reformat sources.json');

	const history = readGitHistory(r.dir);
	const revisions = history.available ? buildRevisions(history.commits) : [];

	test('reads every commit that touched the folder, oldest first', () => {
		expect(history.available).toBe(true);
		if (!history.available) return;
		expect(history.commits.map((c) => c.subject)).toEqual([
			'Add the mini incident',
			'Correct the first call to 16:27',
			'Rename a field',
			'Remove a party that no source names',
			'Reformat sources.json'
		]);
	});

	test('leaves out the commit that only reformatted a file, and lists the rest newest first', () => {
		expect(revisions.map((v) => v.subject)).toEqual([
			'Remove a party that no source names',
			'Rename a field',
			'Correct the first call to 16:27',
			'Add the mini incident'
		]);
		expect(revisions[2]!.body).toBe('The wire report gives 16:27, not 16:25.');
		expect(revisions[2]!.version).toMatch(/^[0-9a-f]{7}$/);
		expect(revisions[2]!.date).toBe('2031-10-02T12:00:00+00:00');
	});

	test('says, per record, when it was added, each change field by field, and its removal', () => {
		const byRecord = recordHistories(revisions);
		expect(byRecord.get('event:first-call')!.map((e) => [e.change, e.fields])).toEqual([
			[
				'changed',
				[{ field: 'start', before: '2016-09-17T16:25+03:00', after: '2016-09-17T16:27+03:00' }]
			],
			['added', undefined]
		]);
		expect(byRecord.get('event:statement-day')![0]!.fields).toEqual([
			{ field: 'note', after: 'Red issues a statement.' },
			{ field: 'summary', before: 'Red issues a statement.' }
		]);
		expect(byRecord.get('party:blue-air')!.map((e) => e.change)).toEqual(['removed', 'added']);
		expect(byRecord.get('party:blue-air')![0]!.was).toMatchObject({ name: 'Blue Air Force' });
		// A link to it is told when and why it went, and what it was.
		expect(removalOf(byRecord.get('party:blue-air'))).toEqual({
			date: '2031-10-04T12:00:00+00:00',
			version: revisions[0]!.version,
			subject: 'Remove a party that no source names',
			title: 'Blue Air Force'
		});
		expect(removalOf(byRecord.get('event:first-call'))).toBeNull();
		expect(byRecord.get('source:wire-1')!.map((e) => e.change)).toEqual(['added']);
		expect(byRecord.get('incident:mini')!.map((e) => e.change)).toEqual(['added']);
	});

	test('the dataset version is the last commit that touched the folder', () => {
		const v = datasetVersion(r.dir);
		expect(v.kind).toBe('git');
		expect(v.id).toBe(r.git('log', '-1', '--format=%h').trim());
		expect(v.date).toBe('2031-10-05T12:00:00+00:00');
	});

	test('files changed but not committed are marked in the version', () => {
		r.edit('events.json', (d) => (d.events[0].title = 'Strike starts'));
		const v = datasetVersion(r.dir);
		expect(v.id).toMatch(/^[0-9a-f]{7}\+[0-9a-f]{6}$/);
		expect(v.note).toMatch(/not yet committed/);
		r.git('checkout', '--', '.');
	});

	test('a shallow clone has no history to read, and says so', () => {
		const clone = mkdtempSync(join(tmpdir(), 'sightline-shallow-'));
		roots.push(clone);
		execFileSync('git', ['clone', '-q', '--depth', '1', `file://${r.root}`, clone]);
		const h = readGitHistory(join(clone, 'data', 'incidents', 'mini'));
		expect(h).toEqual({
			available: false,
			reason: 'this checkout is a shallow clone, so its history is incomplete'
		});
	});
});

describe('a folder without git', () => {
	test('is versioned by a hash of its files, with a note saying so', () => {
		const dir = mkdtempSync(join(tmpdir(), 'sightline-nogit-'));
		roots.push(dir);
		cpSync(MINI, dir, { recursive: true });
		const v = datasetVersion(dir);
		expect(v).toEqual({
			id: expect.stringMatching(/^[0-9a-f]{10}$/),
			date: null,
			kind: 'content',
			note: 'A hash of the data files: this checkout has no git history.'
		});
		expect(readGitHistory(dir)).toEqual({
			available: false,
			reason: 'this checkout has no git history'
		});
	});
});

describe('diffing snapshots', () => {
	const files = (events: unknown[]) => ({
		'events.json': { blob: String(Math.random()), json: { events } }
	});

	test('keys in another order are no change', () => {
		const a = snapshotOf(files([{ id: 'a', title: 'A', start: 'x' }]));
		const b = snapshotOf(files([{ start: 'x', title: 'A', id: 'a' }]));
		expect(diffSnapshots(a, b)).toEqual([]);
	});

	test('a nested change is reported at its field, with both values', () => {
		expect(
			fieldChanges(
				{ sources: [{ source: 's1' }] },
				{ sources: [{ source: 's1' }, { source: 's2' }] }
			)
		).toEqual([
			{ field: 'sources', before: [{ source: 's1' }], after: [{ source: 's1' }, { source: 's2' }] }
		]);
	});

	test('a file committed broken keeps its records as they were', () => {
		const commits = [
			{ hash: 'a'.repeat(40), date: 'd1', subject: 'add', body: '', files: files([{ id: 'a' }]) },
			{
				hash: 'b'.repeat(40),
				date: 'd2',
				subject: 'oops',
				body: '',
				files: { 'events.json': { blob: 'broken', unreadable: true } }
			},
			{ hash: 'c'.repeat(40), date: 'd3', subject: 'fix', body: '', files: files([{ id: 'a' }]) }
		];
		expect(buildRevisions(commits).map((r) => r.subject)).toEqual(['add']);
	});
});
