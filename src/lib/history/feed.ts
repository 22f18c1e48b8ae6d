/** The corrections log as Atom (RFC 4287): one entry per revision, newest first. */
import type { ModelIndex } from '../model';
import type { IncidentHistory } from './schema';
import { fieldSummary } from './format';
import { kindName, recordLabel } from './records';
import { xmlText } from '../xml';

/** How many revisions the feed carries: readers want what is new, not the whole archive. */
export const FEED_ENTRIES = 50;

export function atomFeed(index: ModelIndex, history: IncidentHistory, site: string): string {
	const { incident } = index.model;
	const changesUrl = `${site}/changes`;
	const updated = history.revisions[0]?.date ?? history.version.date ?? '1970-01-01T00:00:00Z';
	const entries = history.revisions.slice(0, FEED_ENTRIES).map((r) => {
		const lines = r.changes.slice(0, 40).map((c) => {
			const name = recordLabel(index, c.kind, c.id) ?? c.id;
			const fields = c.fields ? `: ${c.fields.map(fieldSummary).join(', ')}` : '';
			return `${c.change === 'changed' ? 'Changed' : c.change === 'added' ? 'Added' : 'Removed'} ${kindName(c.kind)} ${name}${fields}`;
		});
		if (r.changes.length > 40) lines.push(`…and ${r.changes.length - 40} more records.`);
		const summary = [r.body, lines.join('\n')].filter(Boolean).join('\n\n');
		return [
			'  <entry>',
			`    <id>tag:sightline,${r.date.slice(0, 10)}:${xmlText(incident.id)}/${r.hash}</id>`,
			`    <title>${xmlText(r.subject)}</title>`,
			`    <updated>${xmlText(r.date)}</updated>`,
			`    <link rel="alternate" type="text/html" href="${xmlText(`${changesUrl}#v-${r.version}`)}"/>`,
			`    <content type="text">${xmlText(summary)}</content>`,
			'  </entry>'
		].join('\n');
	});
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<feed xmlns="http://www.w3.org/2005/Atom">',
		`  <id>tag:sightline,2026:${xmlText(incident.id)}/changes</id>`,
		`  <title>${xmlText(`Changes and corrections: ${incident.title}`)}</title>`,
		`  <updated>${xmlText(updated)}</updated>`,
		`  <link rel="alternate" type="text/html" href="${xmlText(changesUrl)}"/>`,
		`  <link rel="self" type="application/atom+xml" href="${xmlText(`${site}/changes.xml`)}"/>`,
		'  <author><name>Sightline</name></author>',
		...entries,
		'</feed>',
		''
	].join('\n');
}
