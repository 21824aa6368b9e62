/**
 * The embeddable widget (/embed/stats): the headline, or one agency's figures, as one small
 * self-contained HTML document (inline CSS, no script, no cookie, no image) for partners'
 * sites to put in an iframe. Built as a string so nothing of the app's layout comes along.
 */
import { countInWords, type StatsDocument } from './document';
import { fillWords, type StatsWords } from './strings';

const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface EmbedInput {
	doc: StatsDocument;
	words: StatsWords;
	locale: string;
	/** The full dashboard for the same view (absolute URL). */
	statsUrl: string;
}

const STYLE = `body{margin:0;font:15px/1.4 system-ui,sans-serif;color:#1b1b1b;background:#fff}
main{padding:12px 14px;border:1px solid #c9c9c9;border-radius:8px}
h1{font-size:1rem;margin:0 0 8px}dl{display:grid;grid-template-columns:repeat(auto-fit,minmax(7.5rem,1fr));gap:8px;margin:0}
dt{font-size:.8rem;color:#4a4a4a}dd{margin:0;font-size:1.35rem;font-weight:700}p{margin:8px 0 0;font-size:.8rem;color:#4a4a4a}
a{color:#0b5cad}@media (prefers-color-scheme:dark){body{background:#161616;color:#eee}main{border-color:#555}dt,p{color:#c4c4c4}a{color:#8cc4ff}}`;

export function renderEmbed({ doc, words, locale, statsUrl }: EmbedInput): string {
	const count = (value: number | string) => escapeHtml(countInWords(value, words, locale));
	const agency = doc.filters.agency ? doc.by_agency.find((a) => a.agency_id === doc.filters.agency) : undefined;
	const title = agency ? `${words.title}: ${agency.name}` : words.title;
	const figures: Array<[string, string]> = [
		[words.findings, count(doc.headline.findings)],
		[words.people, count(doc.headline.people)],
		[words.records, count(doc.headline.records)]
	];
	if (!agency) figures.push([words.agencies, count(doc.headline.agencies)]);
	const record = agency?.cora;
	if (record?.comparable && record.on_time_share != null) {
		figures.push([words.onTime, escapeHtml(`${Math.round(record.on_time_share * 100)} % (${record.answered_in_time} / ${record.due})`)]);
	}
	const notes: string[] = [];
	if (doc.headline.findings === 0) notes.push(escapeHtml(words.empty));
	notes.push(escapeHtml(fillWords(words.suppression, { k: doc.suppression_threshold, k1: doc.suppression_threshold - 1 })));
	return `<!doctype html>
<html lang="${locale === 'es' ? 'es' : 'en'}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
<h1>${escapeHtml(title)}</h1>
<dl>${figures.map(([label, value]) => `<div><dt>${escapeHtml(label)}</dt><dd>${value}</dd></div>`).join('')}</dl>
${notes.map((note) => `<p>${note}</p>`).join('\n')}
<p><a href="${escapeHtml(statsUrl)}" target="_blank" rel="noopener">${escapeHtml(words.embedMore)}</a> · CC BY 4.0</p>
</main></body></html>`;
}

/** The snippet a partner copies: an iframe with a title for screen readers. */
export function embedSnippet(embedUrl: string, title: string): string {
	return `<iframe src="${escapeHtml(embedUrl)}" title="${escapeHtml(title)}" width="100%" height="260" style="border:0" loading="lazy"></iframe>`;
}
