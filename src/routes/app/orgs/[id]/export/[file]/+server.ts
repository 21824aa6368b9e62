/**
 * The export downloads: requests.csv, events.csv, findings.csv, export.json
 * and attachments.zip. Every one asks public.export_organisation() first,
 * which refuses anyone but an owner (403 here); the zip then streams the
 * listed files from the private bucket with the owner's own session.
 */
import { error } from '@sveltejs/kit';
import { attachmentsZipStream } from '$lib/export/attachments-zip';
import { UTF8_BOM, writeCsv } from '$lib/export/csv';
import {
	EVENT_COLUMNS,
	exportFileName,
	FINDING_COLUMNS,
	isExportFile,
	REQUEST_COLUMNS,
	type ExportFile,
	type OrganisationExport
} from '$lib/export/organisation-export';
import { exportOrganisation, ExportRefused } from '$lib/data/feeds';
import { translator } from '$lib/i18n/translate';
import type { RequestHandler } from './$types';

const CONTENT_TYPES: Record<ExportFile, string> = {
	'requests.csv': 'text/csv; charset=utf-8',
	'events.csv': 'text/csv; charset=utf-8',
	'findings.csv': 'text/csv; charset=utf-8',
	'export.json': 'application/json; charset=utf-8',
	'attachments.zip': 'application/zip'
};

function textBody(file: Exclude<ExportFile, 'attachments.zip'>, data: OrganisationExport): string {
	switch (file) {
		case 'requests.csv':
			return UTF8_BOM + writeCsv(REQUEST_COLUMNS, data.requests);
		case 'events.csv':
			return UTF8_BOM + writeCsv(EVENT_COLUMNS, data.events);
		case 'findings.csv':
			return UTF8_BOM + writeCsv(FINDING_COLUMNS, data.findings);
		case 'export.json':
			return JSON.stringify(data, null, 2) + '\n';
	}
}

export const GET: RequestHandler = async ({ params, locals }) => {
	const t = translator(locals.locale);
	if (!isExportFile(params.file)) error(404, t('error.notFound'));
	let data: OrganisationExport;
	try {
		data = await exportOrganisation(locals.supabase, params.id);
	} catch (e) {
		if (e instanceof ExportRefused) error(403, t('export.forbidden'));
		throw e;
	}

	const name = exportFileName(data.organisation.name, params.file, data.exported_at.slice(0, 10));
	const headers = {
		'content-type': CONTENT_TYPES[params.file],
		'content-disposition': `attachment; filename="${name}"`,
		'cache-control': 'private, no-store',
		'x-content-type-options': 'nosniff'
	};
	if (params.file !== 'attachments.zip') return new Response(textBody(params.file, data), { headers });

	const bucket = locals.supabase.storage.from('attachments');
	const zip = attachmentsZipStream(data.attachments, {
		read: async (attachment) => {
			const { data: blob, error: failure } = await bucket.download(attachment.object_path);
			return failure || !blob ? null : new Uint8Array(await blob.arrayBuffer());
		}
	});
	return new Response(zip, { headers });
};
