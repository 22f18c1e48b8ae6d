// Every page is prerendered to static HTML; the site needs no server.
export const prerender = true;
export const trailingSlash = 'never';
