/** A history's changes in words: what a reader of an old link, or of the log, needs to see. */
import type { FieldChange, RecordEntry } from './diff';

const SHORT = 48;

function isCitationList(v: unknown): v is { source: string }[] {
	return Array.isArray(v) && v.every((c) => c && typeof c === 'object' && 'source' in c);
}

/** A value as a reader sees it: text as it is (long text cut), anything else as JSON. */
export function valueText(v: unknown, max = 400): string {
	const text = typeof v === 'string' ? v : JSON.stringify(v);
	return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A field as readers say it: "startBounds" → "start bounds", "sourceTimeZone" → "source time zone". */
export function fieldName(field: string): string {
	return field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/**
 * One field's change in a few words: "start (16:25 → 16:27)", "sources (+1)", "summary",
 * "timeNote (added)".
 */
export function fieldSummary(c: FieldChange): string {
	const field = fieldName(c.field);
	if (!('before' in c)) return `${field} (added)`;
	if (!('after' in c)) return `${field} (removed)`;
	if (isCitationList(c.before) && isCitationList(c.after)) {
		const was = new Set(c.before.map((x) => x.source));
		const now = new Set(c.after.map((x) => x.source));
		const added = [...now].filter((s) => !was.has(s)).length;
		const removed = [...was].filter((s) => !now.has(s)).length;
		const parts = [added ? `+${added}` : '', removed ? `−${removed}` : ''].filter(Boolean);
		return parts.length ? `${field} (${parts.join(', ')})` : `${field} (quotes or places)`;
	}
	if (Array.isArray(c.before) && Array.isArray(c.after) && c.before.length !== c.after.length)
		return `${field} (${c.before.length} → ${c.after.length})`;
	const a = valueText(c.before);
	const b = valueText(c.after);
	if (typeof c.before !== 'object' && typeof c.after !== 'object' && a.length + b.length <= SHORT)
		return `${field} (${a} → ${b})`;
	return field;
}

/** "start (… → …), sources (+1)" for every field a set of entries changed, latest first. */
export function changesSummary(entries: readonly RecordEntry[]): string {
	const seen = new Set<string>();
	const parts: string[] = [];
	for (const e of entries)
		for (const f of e.fields ?? [])
			if (!seen.has(f.field)) {
				seen.add(f.field);
				parts.push(fieldSummary(f));
			}
	return parts.join(', ');
}

/**
 * A record as it was before a run of entries (newest first): each changed field set back to
 * its value before the oldest change. Null when the record did not yet exist then.
 */
export function recordAsItWas(
	current: Record<string, unknown>,
	entries: readonly RecordEntry[]
): Record<string, unknown> | null {
	const old: Record<string, unknown> = { ...current };
	for (const e of entries) {
		if (e.change === 'added') return null;
		for (const f of e.fields ?? []) {
			if ('before' in f) old[f.field] = f.before;
			else delete old[f.field];
		}
	}
	return old;
}
