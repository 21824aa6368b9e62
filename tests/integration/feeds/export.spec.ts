/**
 * The organisation export through the real API: the owner gets every
 * request, event, finding and document record, refused in the database to
 * editors, viewers, other organisations and anonymous visitors; the CSV and
 * zip writers turn the owner's answer into files that read back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { strFromU8, unzipSync } from 'fflate';
import { startTestStack, type TestStack } from '../../support/stack';
import { exportOrganisation, ExportRefused } from '../../../src/lib/data/feeds';
import { writeCsv } from '../../../src/lib/export/csv';
import { REQUEST_COLUMNS } from '../../../src/lib/export/organisation-export';
import { attachmentsZipStream } from '../../../src/lib/export/attachments-zip';
import { createFeedFixture, type Client, type FeedFixture } from './fixture';

describe('organisation export', () => {
	let t: TestStack;
	let f: FeedFixture;
	const pdf = '%PDF-1.4 the agency response';
	const attachmentId = randomUUID();
	let objectPath: string;

	beforeAll(async () => {
		t = await startTestStack();
		f = await createFeedFixture(t, 'export');
		const event = await f.editor.from('request_events').insert({ request_id: f.requests.open, organisation_id: f.orgA, type: 'sent', payload: { channel: 'email' } });
		expect(event.error).toBeNull();
		objectPath = `${f.orgA}/${f.requests.open}/response.pdf`;
		const upload = await f.editor.storage.from('attachments').upload(objectPath, new Blob([pdf], { type: 'application/pdf' }), { contentType: 'application/pdf' });
		expect(upload.error).toBeNull();
		const row = await f.editor.from('attachments').insert({
			id: attachmentId,
			organisation_id: f.orgA,
			request_id: f.requests.open,
			object_path: objectPath,
			file_name: 'response.pdf',
			mime_type: 'application/pdf',
			size_bytes: pdf.length,
			sha256: createHash('sha256').update(pdf).digest('hex')
		});
		expect(row.error).toBeNull();
		const finding = await f.editor.from('disclosure_findings').insert({
			organisation_id: f.orgA,
			request_id: f.requests.open,
			agency_id: f.agencyId,
			data_categories: ['address', 'employer'],
			people_count: 35,
			legal_process: 'administrative_subpoena',
			recipient: 'ice',
			summary: '-35 sponsors named'
		});
		expect(finding.error).toBeNull();
	});
	afterAll(async () => t?.close());

	it('the owner exports every request, event, finding and document record of the organisation, and no other’s', async () => {
		const data = await exportOrganisation(f.owner, f.orgA);
		expect(data.organisation.name).toBe('Alpha Advocacy');
		expect(data.requests.map((r) => r.id).sort()).toEqual([f.requests.open, f.requests.extended, f.requests.closed, f.requests.draft].sort());
		expect(data.requests.every((r) => r.letter_body === 'Confidential letter body' && r.agency_name === f.agencyName)).toBe(true);
		expect(data.events.map((e) => e.type)).toEqual(['sent']);
		expect(data.findings.map((x) => x.people_count)).toEqual([35]);
		expect(data.attachments.map((a) => a.id)).toEqual([attachmentId]);
		const logged = await t.sql`select count(*)::int as n from public.audit_log where action = 'organisation.exported' and organisation_id = ${f.orgA}`;
		expect(logged[0]!.n).toBeGreaterThanOrEqual(1);
	});

	it('is refused by the database to editors, viewers, other organisations and anonymous visitors', async () => {
		for (const [who, client] of [['editor', f.editor], ['viewer', f.viewer], ['outsider', f.outsider], ['anon', t.anon() as unknown as Client]] as const) {
			await expect(exportOrganisation(client, f.orgA), who).rejects.toBeInstanceOf(ExportRefused);
		}
		const direct = await f.editor.rpc('export_organisation', { organisation_id: f.orgA });
		expect(direct.error?.message).toBe('Only owners of this organisation can export its data');
	});

	it('the requests CSV keeps every row, neutralises formulas and quotes what needs quoting', async () => {
		const data = await exportOrganisation(f.owner, f.orgA);
		const csv = writeCsv(REQUEST_COLUMNS, data.requests);
		const lines = csv.split('\r\n');
		expect(lines[0]).toBe(REQUEST_COLUMNS.map((c) => c.header).join(','));
		expect(lines.filter((line) => line !== '')).toHaveLength(1 + 4);
		expect(csv).toContain(`"'=HYPERLINK(""http://evil.test"",""x"")"`);
		expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
		expect(csv).toContain('"Subpoenas, detainers; “holds” \\ año 2025');
	});

	it('the documents zip streams the files from the private bucket with the owner’s session', async () => {
		const data = await exportOrganisation(f.owner, f.orgA);
		const bucket = f.owner.storage.from('attachments');
		const stream = attachmentsZipStream(data.attachments, {
			read: async (a) => {
				const { data: blob } = await bucket.download(a.object_path);
				return blob ? new Uint8Array(await blob.arrayBuffer()) : null;
			}
		});
		const entries = unzipSync(new Uint8Array(await new Response(stream).arrayBuffer()));
		expect(strFromU8(entries[`${f.requests.open}/response.pdf`]!)).toBe(pdf);
		expect(strFromU8(entries['manifest.csv']!)).toContain(`${attachmentId},${f.requests.open},response.pdf,${f.requests.open}/response.pdf`);
	});
});
