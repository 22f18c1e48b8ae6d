/**
 * A record's history, worked out from the incident folder as it stood after each commit: when
 * each record (event, party, relation, casualty figure, source, storyline, the incident itself)
 * was added, every later change as field-level before → after, and its removal. A commit that
 * changes no value (a file reformatted, keys reordered) leaves no trace.
 *
 * Pure: it takes each commit's files and never touches git or the disk, so it is tested with
 * hand-made snapshots and measured without a repository. buildRevisions works from each file's
 * text and what changed in it since the commit before (file-records.ts); snapshotOf and
 * diffSnapshots say the same from whole parsed files, plainly, and are the definition it keeps to.
 */
import { FileRecords } from './file-records.ts';

/** The kinds of record a history follows, as they appear in links and in the published file. */
export const RECORD_KINDS = [
	'incident',
	'event',
	'party',
	'relation',
	'casualty',
	'source',
	'storyline'
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** Which file holds each kind of record, and under which key. */
export const RECORD_FILES: Record<RecordKind, { file: string; key: string }> = {
	incident: { file: 'incident.json', key: 'incident' },
	event: { file: 'events.json', key: 'events' },
	party: { file: 'parties.json', key: 'parties' },
	relation: { file: 'relations.json', key: 'relations' },
	casualty: { file: 'casualties.json', key: 'casualties' },
	source: { file: 'sources.json', key: 'sources' },
	storyline: { file: 'storylines.json', key: 'storylines' }
};

/** One field's change: the value before and after (absent when the field was added or removed). */
export interface FieldChange {
	field: string;
	before?: unknown;
	after?: unknown;
}

export interface RecordChange {
	kind: RecordKind;
	id: string;
	change: 'added' | 'changed' | 'removed';
	/** For a change: the fields whose values differ, in the record's own order. */
	fields?: FieldChange[];
	/** For a removal: the record as it last stood, so a link to it can still say what it was. */
	was?: unknown;
}

/** One commit that changed at least one value. */
export interface Revision {
	/** The commit's short hash: the dataset version it made. */
	version: string;
	hash: string;
	/** When it was committed, ISO 8601 with offset. */
	date: string;
	/** The commit message's first line, and the rest: the correction's note. */
	subject: string;
	body: string;
	changes: RecordChange[];
}

/** A commit's message and date, and the folder's files as they stood after it. */
export interface Commit {
	hash: string;
	date: string;
	subject: string;
	body: string;
	/**
	 * Each data file by name: its content's hash (git's blob id) and its content, as text or
	 * as parsed JSON (the text is used where both are given; parsed JSON is serialised again).
	 * A file whose hash is the previous commit's is not read again (its content may then be left
	 * out), nor is one marked unreadable.
	 */
	// eslint-disable-next-line no-restricted-syntax -- keyed by the data files' own names
	files: Record<string, { blob: string; text?: string; json?: unknown; unreadable?: boolean }>;
}

/** The records of the folder at one commit, by kind and id, each as its JSON text. */
export type Snapshot = Map<RecordKind, Map<string, string>>;

/** A file's parsed JSON, from its text where it has one; `unreadable` if that is not JSON. */
function bodyOf(entry: Commit['files'][string] | undefined): {
	json?: unknown;
	unreadable?: boolean;
} {
	if (!entry || entry.unreadable || entry.text === undefined) return entry ?? {};
	try {
		return { json: JSON.parse(entry.text) };
	} catch {
		return { unreadable: true };
	}
}

/** The records of one kind in a file's JSON with a string id; what is not a record is passed over. */
function recordsOf(kind: RecordKind, body: unknown): Map<string, string> {
	const records = new Map<string, string>();
	const value =
		body && typeof body === 'object'
			? (body as Record<string, unknown>)[RECORD_FILES[kind].key]
			: undefined;
	const list = kind === 'incident' ? [value] : Array.isArray(value) ? value : [];
	for (const record of list) {
		if (!record || typeof record !== 'object') continue;
		const id = (record as { id?: unknown }).id;
		if (typeof id === 'string') records.set(id, JSON.stringify(record));
	}
	return records;
}

/**
 * The folder's records after a commit. A file unchanged since the previous commit keeps the
 * previous snapshot's records (the same Map), which diffSnapshots then passes over.
 */
export function snapshotOf(
	files: Commit['files'],
	// eslint-disable-next-line no-restricted-syntax -- keyed by the data files' own names
	prev: { snapshot: Snapshot; blobs: Record<string, string> } | null = null
): Snapshot {
	const snapshot: Snapshot = new Map();
	for (const kind of RECORD_KINDS) {
		const { file } = RECORD_FILES[kind];
		const entry = files[file];
		const body = entry && (prev?.blobs[file] === entry.blob ? {} : bodyOf(entry));
		// A file committed broken (not JSON) keeps its records as they were: a broken commit
		// is not every record removed and then added again.
		if (entry && prev && (prev.blobs[file] === entry.blob || body?.unreadable))
			snapshot.set(kind, prev.snapshot.get(kind)!);
		else snapshot.set(kind, recordsOf(kind, body?.json));
	}
	return snapshot;
}

/** The fields whose values differ between two versions of a record, in the newer one's order. */
export function fieldChanges(
	before: Record<string, unknown>,
	after: Record<string, unknown>
): FieldChange[] {
	const out: FieldChange[] = [];
	const keys = [
		...Object.keys(after),
		...Object.keys(before).filter((k) => !Object.hasOwn(after, k))
	];
	for (const field of keys) {
		const had = Object.hasOwn(before, field);
		const has = Object.hasOwn(after, field);
		if (had && has && JSON.stringify(before[field]) === JSON.stringify(after[field])) continue;
		const change: FieldChange = { field };
		if (had) change.before = before[field];
		if (has) change.after = after[field];
		out.push(change);
	}
	return out;
}

/** What changed from one snapshot to the next: records added, changed (with fields), removed. */
export function diffSnapshots(prev: Snapshot | null, next: Snapshot): RecordChange[] {
	const changes: RecordChange[] = [];
	for (const kind of RECORD_KINDS) {
		const before = prev?.get(kind) ?? new Map<string, string>();
		const after = next.get(kind) ?? new Map<string, string>();
		if (before === after) continue;
		for (const [id, text] of after) {
			const old = before.get(id);
			if (old === undefined) changes.push({ kind, id, change: 'added' });
			else if (old !== text) {
				const fields = fieldChanges(JSON.parse(old), JSON.parse(text));
				// Text differs only in key order: no value changed.
				if (fields.length) changes.push({ kind, id, change: 'changed', fields });
			}
		}
		for (const [id, text] of before)
			if (!after.has(id)) changes.push({ kind, id, change: 'removed', was: JSON.parse(text) });
	}
	return changes;
}

/** A record's value as the history gives it: as JSON carries it, so -0 is 0 and 1e999 null. */
function valueOf(text: string): unknown {
	return JSON.parse(JSON.stringify(JSON.parse(text)));
}

/**
 * The revisions of a folder's history, newest first, from its commits oldest first. A commit
 * that changed no value (formatting only) is left out.
 *
 * Each file's records are followed from one commit to the next by their text (file-records.ts),
 * so a commit parses only the records whose text it changed. A record whose text changed is
 * compared value by value: text that differs only in whitespace or key order is no change.
 * Each commit is read before the next is taken from `commits`, and only the latest text of a
 * file is kept.
 */
export function buildRevisions(commits: Iterable<Commit>): Revision[] {
	const revisions: Revision[] = [];
	const records = new Map(
		RECORD_KINDS.map((kind) => [kind, new FileRecords(RECORD_FILES[kind].key, kind === 'incident')])
	);
	// eslint-disable-next-line no-restricted-syntax -- keyed by the data files' own names
	let blobs: Record<string, string> | null = null;
	for (const c of commits) {
		const changes: RecordChange[] = [];
		for (const kind of RECORD_KINDS) {
			const { file } = RECORD_FILES[kind];
			const entry = c.files[file];
			// A file committed broken (not JSON) keeps its records as they were: a broken commit
			// is not every record removed and then added again.
			if (entry && blobs && (blobs[file] === entry.blob || entry.unreadable)) continue;
			// A file gone, or given without content, has no records.
			const text =
				!entry || entry.unreadable
					? undefined
					: (entry.text ?? (entry.json === undefined ? undefined : JSON.stringify(entry.json)));
			const found = records.get(kind)!.update(text);
			for (const r of found ?? []) {
				if (r.change === 'added') changes.push({ kind, id: r.id, change: 'added' });
				else if (r.change === 'removed')
					changes.push({ kind, id: r.id, change: 'removed', was: valueOf(r.before) });
				else {
					const fields = fieldChanges(
						valueOf(r.before) as Record<string, unknown>,
						valueOf(r.after) as Record<string, unknown>
					);
					// The text differs only in whitespace or key order: no value changed.
					if (fields.length) changes.push({ kind, id: r.id, change: 'changed', fields });
				}
			}
		}
		// eslint-disable-next-line no-restricted-syntax -- keyed by the data files' own names
		blobs = Object.fromEntries(Object.entries(c.files).map(([f, e]) => [f, e.blob]));
		if (changes.length) revisions.push(revisionOf(c, changes));
	}
	return revisions.reverse();
}

/** A commit that changed records, as the history publishes it. */
export function revisionOf(c: Commit, changes: RecordChange[]): Revision {
	return {
		version: c.hash.slice(0, 7),
		hash: c.hash,
		date: c.date,
		subject: c.subject,
		body: c.body,
		changes
	};
}

/** One record's entries in the history, newest first. */
export interface RecordEntry {
	version: string;
	date: string;
	subject: string;
	body: string;
	change: RecordChange['change'];
	fields?: FieldChange[];
	was?: unknown;
}

/** Every record's own history, each revision that touched it newest first, by "kind:id". */
export function recordHistories(revisions: readonly Revision[]): Map<string, RecordEntry[]> {
	const out = new Map<string, RecordEntry[]>();
	for (const r of revisions)
		for (const c of r.changes) {
			const entry: RecordEntry = {
				version: r.version,
				date: r.date,
				subject: r.subject,
				body: r.body,
				change: c.change
			};
			if (c.fields) entry.fields = c.fields;
			if (c.was !== undefined) entry.was = c.was;
			const key = `${c.kind}:${c.id}`;
			const list = out.get(key);
			if (list) list.push(entry);
			else out.set(key, [entry]);
		}
	return out;
}
