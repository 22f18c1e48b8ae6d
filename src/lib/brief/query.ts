/**
 * The briefing's view state in the address: only the theme, since the step is in the path.
 * Never throws; anything it cannot use is named in a note and the default is used instead.
 */
import { THEMES, type BriefTheme } from './sync';

export interface BriefQuery {
	theme: BriefTheme;
}

export function readBriefQuery(params: URLSearchParams): BriefQuery & { notes: string[] } {
	const notes: string[] = [];
	let theme: BriefTheme = 'light';
	for (const [key, value] of params) {
		if (key === 'theme') {
			if ((THEMES as string[]).includes(value)) theme = value as BriefTheme;
			else
				notes.push(
					`Unknown theme “${value.slice(0, 40)}”: showing the light theme (use theme=light or theme=dark).`
				);
		} else notes.push(`Ignored the parameter “${key.slice(0, 40)}”, which briefings do not use.`);
	}
	return { theme, notes };
}

/** "?theme=dark", or "" for the default, so default links stay short. */
export function briefQuery(q: BriefQuery): string {
	return q.theme === 'light' ? '' : `?theme=${q.theme}`;
}
