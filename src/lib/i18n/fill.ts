/** Fills `{name}` placeholders; an unknown placeholder stays visible rather than blank. */
export function fill(template: string, params?: Record<string, string | number>): string {
	if (!params) return template;
	return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
