/**
 * The attachments zip: which files fit under the size cap, where each goes
 * inside the zip, and the zip itself, streamed file by file (stored, not
 * compressed: PDFs and images are compressed already) with fflate. A
 * manifest.csv at the end lists every attachment with its SHA-256 and
 * whether it is in the zip, and why not.
 */
import { Zip, ZipPassThrough } from 'fflate';
import { writeCsv, type CsvColumn } from './csv';
import type { ExportedAttachment } from './organisation-export';

/** The most bytes of files one zip holds (the bucket allows 25 MB a file). */
export const ZIP_CAP_BYTES = 250 * 1024 * 1024;

export interface ZipPlan<File> {
	included: File[];
	/** Files left out because the zip would pass the cap with them. */
	tooLarge: File[];
	includedBytes: number;
}

/** Takes files in order while they fit; a file that does not fit is left out, smaller ones after it may still go in. */
export function planAttachmentZip<File extends { size_bytes: number }>(attachments: readonly File[], capBytes = ZIP_CAP_BYTES): ZipPlan<File> {
	const plan: ZipPlan<File> = { included: [], tooLarge: [], includedBytes: 0 };
	for (const attachment of attachments) {
		if (plan.includedBytes + attachment.size_bytes <= capBytes) {
			plan.included.push(attachment);
			plan.includedBytes += attachment.size_bytes;
		} else {
			plan.tooLarge.push(attachment);
		}
	}
	return plan;
}

/** `<request id>/<file name>`, with characters that zip tools mistreat replaced and repeated names numbered. */
export function zipEntryNames(attachments: readonly ExportedAttachment[]): Map<string, string> {
	const names = new Map<string, string>();
	const taken = new Set<string>();
	for (const attachment of attachments) {
		const safe = attachment.file_name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_') || 'file';
		const dot = safe.lastIndexOf('.');
		const [stem, extension] = dot > 0 ? [safe.slice(0, dot), safe.slice(dot)] : [safe, ''];
		let name = `${attachment.request_id}/${safe}`;
		for (let n = 2; taken.has(name); n++) name = `${attachment.request_id}/${stem} (${n})${extension}`;
		taken.add(name);
		names.set(attachment.id, name);
	}
	return names;
}

export type AttachmentOutcome = 'included' | 'too_large' | 'missing';

interface ManifestRow {
	attachment: ExportedAttachment;
	path: string;
	outcome: AttachmentOutcome;
}

const MANIFEST_COLUMNS: CsvColumn<ManifestRow>[] = [
	{ header: 'attachment_id', value: (r) => r.attachment.id },
	{ header: 'request_id', value: (r) => r.attachment.request_id },
	{ header: 'file_name', value: (r) => r.attachment.file_name },
	{ header: 'path_in_zip', value: (r) => (r.outcome === 'included' ? r.path : '') },
	{ header: 'mime_type', value: (r) => r.attachment.mime_type },
	{ header: 'size_bytes', value: (r) => r.attachment.size_bytes },
	{ header: 'sha256', value: (r) => r.attachment.sha256 },
	{ header: 'in_zip', value: (r) => r.outcome }
];

export interface ZipOptions {
	capBytes?: number;
	/** Reads one file's bytes; null when it cannot be read (then the manifest says "missing"). */
	read(attachment: ExportedAttachment): Promise<Uint8Array | null>;
}

/** The zip as a stream: one file read per pull, so memory holds one file at a time. */
export function attachmentsZipStream(attachments: readonly ExportedAttachment[], options: ZipOptions): ReadableStream<Uint8Array> {
	const plan = planAttachmentZip(attachments, options.capBytes);
	const names = zipEntryNames(attachments);
	const outcomes = new Map<string, AttachmentOutcome>(plan.tooLarge.map((a) => [a.id, 'too_large']));
	const queue = [...plan.included];
	let zip: Zip;
	const add = (name: string, data: Uint8Array) => {
		const entry = new ZipPassThrough(name);
		zip.add(entry);
		entry.push(data, true);
	};

	return new ReadableStream<Uint8Array>({
		start(controller) {
			zip = new Zip((error, chunk, final) => {
				if (error) return controller.error(error);
				controller.enqueue(chunk);
				if (final) controller.close();
			});
		},
		async pull() {
			const next = queue.shift();
			if (next) {
				const data = await options.read(next);
				if (data) add(names.get(next.id)!, data);
				outcomes.set(next.id, data ? 'included' : 'missing');
				return;
			}
			const rows = attachments.map((attachment) => ({
				attachment,
				path: names.get(attachment.id)!,
				outcome: outcomes.get(attachment.id) ?? 'missing'
			}));
			add('manifest.csv', new TextEncoder().encode(writeCsv(MANIFEST_COLUMNS, rows)));
			zip.end();
		}
	});
}
