/**
 * mailto: links that open the user's own mail app with the letter prefilled,
 * so the custodian's reply reaches the organisation's own inbox (RFC 6068).
 */

/**
 * Past about 2,000 characters some mail apps and browsers cut a mailto: link
 * short (old Internet Explorer's URL limit, Outlook, some Android clients);
 * then the app offers "Copy letter" instead of trusting the link.
 */
export const MAILTO_SAFE_LENGTH = 2000;

export interface MailtoParts {
	to: string;
	subject: string;
	body: string;
}

/** `mailto:` + address, subject and body, each percent-encoded; line breaks as CRLF as RFC 6068 asks. */
export function buildMailto({ to, subject, body }: MailtoParts): string {
	const crlf = body.replace(/\r?\n/g, '\r\n');
	// The address keeps its "@" readable; encodeURIComponent escapes anything that would break the URL.
	const address = encodeURIComponent(to.trim()).replace(/%40/g, '@');
	return `mailto:${address}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(crlf)}`;
}

/** True when the link is long enough that some mail apps may truncate the letter. */
export function isMailtoTooLong(href: string): boolean {
	return href.length > MAILTO_SAFE_LENGTH;
}
