/** A file size as people say it: "512 bytes", "340 kilobytes", "2.4 megabytes" (localised). */
const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

export function sizeInWords(bytes: number, locale: string): string {
	let value = Math.max(0, bytes);
	let unit = 0;
	while (value >= 1024 && unit < UNITS.length - 1) {
		value /= 1024;
		unit += 1;
	}
	return new Intl.NumberFormat(locale, {
		style: 'unit',
		unit: UNITS[unit],
		unitDisplay: 'long',
		maximumFractionDigits: unit === 0 || value >= 100 ? 0 : 1
	}).format(value);
}
