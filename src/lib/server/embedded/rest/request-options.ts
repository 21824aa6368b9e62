/**
 * Request headers that shape the response: `Prefer` (comma-joined, possibly
 * repeated), `Accept` (array, single object, stripped nulls) and
 * `Range`/`Range-Unit`.
 */
import { ApiError, unsupported } from './errors';

export interface Preferences {
	return: 'minimal' | 'representation' | null;
	count: 'exact' | 'planned' | 'estimated' | null;
	resolution: 'merge-duplicates' | 'ignore-duplicates' | null;
	missingDefault: boolean;
	maxAffected: number | null;
	strict: boolean;
	/** Echoed in `Preference-Applied`. */
	applied: string[];
}

export function parsePrefer(headers: Headers): Preferences {
	const prefs: Preferences = { return: null, count: null, resolution: null, missingDefault: false, maxAffected: null, strict: false, applied: [] };
	const invalid: string[] = [];
	const raw = headers.get('prefer') ?? '';
	for (const item of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
		const [key = '', value = ''] = item.split('=').map((s) => s.trim());
		if (key === 'return' && (value === 'minimal' || value === 'representation')) prefs.return = value;
		else if (key === 'return' && value === 'headers-only') throw unsupported('Prefer: return=headers-only');
		else if (key === 'count' && (value === 'exact' || value === 'planned' || value === 'estimated')) prefs.count = value;
		else if (key === 'resolution' && (value === 'merge-duplicates' || value === 'ignore-duplicates')) prefs.resolution = value;
		else if (key === 'missing' && (value === 'default' || value === 'null')) prefs.missingDefault = value === 'default';
		else if (key === 'handling' && (value === 'strict' || value === 'lenient')) prefs.strict = value === 'strict';
		else if (key === 'max-affected' && /^\d+$/.test(value)) prefs.maxAffected = Number(value);
		else if (key === 'tx' && value === 'commit') continue;
		else if (key === 'tx' && value === 'rollback') throw unsupported('Prefer: tx=rollback');
		else if (key === 'timezone') throw unsupported(`Prefer: ${item}`);
		else if (key === 'params') throw unsupported(`Prefer: ${item}`);
		else {
			invalid.push(item);
			continue;
		}
		prefs.applied.push(`${key}=${value}`);
	}
	if (prefs.strict && invalid.length > 0) {
		throw new ApiError(400, 'PGRST122', 'Invalid preferences given with handling=strict', `Invalid preferences: ${invalid.join(', ')}`);
	}
	return prefs;
}

export interface AcceptOptions {
	single: boolean;
	stripNulls: boolean;
}

export function parseAccept(headers: Headers): AcceptOptions {
	const raw = headers.get('accept');
	if (raw === null || raw.trim() === '') return { single: false, stripNulls: false };
	const offered = raw.split(',').map((s) => s.trim());
	for (const entry of offered) {
		const [type = '', ...params] = entry.split(';').map((s) => s.trim().toLowerCase());
		const stripNulls = params.includes('nulls=stripped');
		if (type === 'application/vnd.pgrst.object+json' || type === 'application/vnd.pgrst.object') return { single: true, stripNulls };
		if (['application/json', 'application/vnd.pgrst.array+json', 'application/*', '*/*'].includes(type)) return { single: false, stripNulls };
	}
	const first = (offered[0] ?? '').split(';')[0]!.trim().toLowerCase();
	if (first === 'text/csv') throw unsupported('Accept: text/csv (csv())');
	if (first === 'application/geo+json') throw unsupported('Accept: application/geo+json (geojson())');
	if (first.startsWith('application/vnd.pgrst.plan')) throw unsupported('Accept: application/vnd.pgrst.plan (explain())');
	throw new ApiError(406, 'PGRST107', `None of these media types are available: ${offered.join(', ')}`);
}

/** `Range: 0-9` (with `Range-Unit: items` or none) → offset and optional inclusive end. */
export function parseRangeHeader(headers: Headers): { from: number; to: number | null } | null {
	const raw = headers.get('range');
	if (raw === null) return null;
	const unit = headers.get('range-unit');
	if (unit !== null && unit.trim().toLowerCase() !== 'items') return null;
	const match = /^(?:items=)?(\d+)-(\d*)$/.exec(raw.trim());
	if (!match) return null;
	const from = Number(match[1]);
	const to = match[2] === '' ? null : Number(match[2]);
	if (to !== null && to < from) {
		throw new ApiError(416, 'PGRST103', 'Requested range not satisfiable', `The lower boundary must be lower than or equal to the upper boundary in the Range header.`);
	}
	return { from, to };
}

/** Intersects the Range header with limit/offset parameters. */
export function effectiveRange(
	header: { from: number; to: number | null } | null,
	limit: number | null,
	offset: number | null
): { offset: number; limit: number | null } {
	let from = offset ?? 0;
	let to = limit === null ? null : from + limit - 1;
	if (header !== null) {
		from = Math.max(from, header.from);
		if (header.to !== null) to = to === null ? header.to : Math.min(to, header.to);
	}
	return { offset: from, limit: to === null ? null : Math.max(0, to - from + 1) };
}
