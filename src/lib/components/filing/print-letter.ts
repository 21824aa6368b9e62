/**
 * Prints one letter on its own, from a hidden frame, so nothing of the app
 * (navigation, buttons, other letters) reaches the paper or the PDF.
 */
import { LETTER_PRINT_CSS } from './letter-print-css';

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

export function printLetterText(title: string, text: string, lang: string): void {
	const frame = document.createElement('iframe');
	frame.setAttribute('aria-hidden', 'true');
	frame.tabIndex = -1;
	frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;';
	document.body.append(frame);
	const doc = frame.contentDocument;
	const view = frame.contentWindow;
	if (!doc || !view) {
		frame.remove();
		return;
	}
	doc.open();
	doc.write(
		`<!doctype html><html lang="${escapeHtml(lang)}"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>` +
			`<style>${LETTER_PRINT_CSS}</style></head><body><div class="letter">${escapeHtml(text)}</div></body></html>`
	);
	doc.close();
	const cleanUp = () => setTimeout(() => frame.remove(), 1000);
	view.addEventListener('afterprint', cleanUp, { once: true });
	view.focus();
	view.print();
}
