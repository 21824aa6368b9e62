import { describe, expect, it } from 'vitest';
import { unzipSync, strFromU8 } from 'fflate';
import { attachmentsZipStream, planAttachmentZip, zipEntryNames } from './attachments-zip';
import type { ExportedAttachment } from './organisation-export';

function attachment(id: string, fileName: string, size: number, requestId = 'req-1'): ExportedAttachment {
	return {
		id,
		organisation_id: 'org',
		request_id: requestId,
		event_id: null,
		object_path: `org/${requestId}/${id}`,
		file_name: fileName,
		mime_type: 'application/pdf',
		size_bytes: size,
		sha256: 'ab'.repeat(32),
		uploaded_by: null,
		created_at: '2025-03-06T00:00:00Z'
	};
}

async function collect(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
	const chunks: Uint8Array[] = [];
	const reader = stream.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		chunks.push(value);
	}
	const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
	let at = 0;
	for (const chunk of chunks) {
		out.set(chunk, at);
		at += chunk.length;
	}
	return out;
}

describe('planning the attachments zip', () => {
	it('takes files while they fit under the cap and names the ones left out', () => {
		const plan = planAttachmentZip([attachment('a', 'a.pdf', 60), attachment('b', 'b.pdf', 50), attachment('c', 'c.pdf', 40)], 100);
		expect(plan.included.map((a) => a.id)).toEqual(['a', 'c']);
		expect(plan.tooLarge.map((a) => a.id)).toEqual(['b']);
		expect(plan.includedBytes).toBe(100);
	});
	it('numbers repeated names and replaces characters zip tools mistreat', () => {
		const names = zipEntryNames([attachment('a', 'letter.pdf', 1), attachment('b', 'letter.pdf', 1), attachment('c', '../x:y.pdf', 1)]);
		expect([...names.values()]).toEqual(['req-1/letter.pdf', 'req-1/letter (2).pdf', 'req-1/__x_y.pdf']);
	});
});

describe('streaming the attachments zip', () => {
	it('holds the files that fit and a manifest of every file with what happened to it', async () => {
		const files: Record<string, string> = { a: '%PDF-1.4 a', b: '%PDF-1.4 b' };
		const list = [attachment('a', 'a.pdf', 10), attachment('big', 'big.pdf', 1000), attachment('b', 'b.pdf', 10), attachment('gone', 'gone.pdf', 5)];
		const zipped = await collect(
			attachmentsZipStream(list, { capBytes: 100, read: async (x) => (files[x.id] ? new TextEncoder().encode(files[x.id]) : null) })
		);
		const entries = unzipSync(zipped);
		expect(Object.keys(entries).sort()).toEqual(['manifest.csv', 'req-1/a.pdf', 'req-1/b.pdf']);
		expect(strFromU8(entries['req-1/a.pdf']!)).toBe('%PDF-1.4 a');
		const manifest = strFromU8(entries['manifest.csv']!).split('\r\n');
		expect(manifest[0]).toBe('attachment_id,request_id,file_name,path_in_zip,mime_type,size_bytes,sha256,in_zip');
		expect(manifest.slice(1, 5).map((line) => `${line.split(',')[0]} ${line.split(',').at(-1)}`)).toEqual([
			'a included',
			'big too_large',
			'b included',
			'gone missing'
		]);
	});
	it('makes a valid zip with only the manifest when there are no files', async () => {
		const entries = unzipSync(await collect(attachmentsZipStream([], { read: async () => null })));
		expect(Object.keys(entries)).toEqual(['manifest.csv']);
	});
});
