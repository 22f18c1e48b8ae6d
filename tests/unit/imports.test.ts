/**
 * The house's walls: the folders of src/lib import each other in one direction only (model
 * below everything, views above the state they draw), so a change in one room never has to
 * walk through all the others. A cycle between folders fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, test } from 'vitest';

const LIB = resolve('src/lib');

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		return statSync(path).isDirectory() ? files(path) : /\.(ts|svelte)$/.test(name) ? [path] : [];
	});
}

/** A file's room: its folder under src/lib, or the file itself when it sits at the top. */
function room(path: string): string {
	const rel = relative(LIB, path);
	return rel.includes('/') ? rel.split('/')[0]! : rel.replace(/\.(svelte\.)?ts$|\.svelte$/, '');
}

function imports(path: string): string[] {
	const text = readFileSync(path, 'utf8');
	const out: string[] = [];
	for (const m of text.matchAll(
		/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g
	)) {
		const spec = m[1] ?? m[2]!;
		if (spec.startsWith('$lib/')) out.push(resolve(LIB, spec.slice(5)));
		else if (spec.startsWith('.')) out.push(resolve(dirname(path), spec));
	}
	return out.filter((p) => p.startsWith(LIB + '/'));
}

test('no two folders of src/lib import each other, however indirectly', () => {
	const edges = new Map<string, Set<string>>();
	for (const file of files(LIB)) {
		const from = room(file);
		for (const target of imports(file)) {
			const to = room(target);
			if (to === from) continue;
			if (!edges.has(from)) edges.set(from, new Set());
			edges.get(from)!.add(to);
		}
	}
	// Every cycle, as "a → b → a".
	const cycles: string[] = [];
	const visit = (node: string, path: string[]) => {
		for (const next of edges.get(node) ?? []) {
			const at = path.indexOf(next);
			if (at >= 0) cycles.push([...path.slice(at), next].join(' → '));
			else if (path.length < 12) visit(next, [...path, next]);
		}
	};
	for (const node of edges.keys()) visit(node, [node]);
	const unique = [...new Set(cycles.map((c) => c.split(' → ').slice(0, -1).sort().join(', ')))];
	expect(unique).toEqual([]);
});
