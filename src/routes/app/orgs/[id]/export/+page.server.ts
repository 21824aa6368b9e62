import { error } from '@sveltejs/kit';
import { exportSummary, organisationForMember } from '$lib/data/feeds';
import { planAttachmentZip, ZIP_CAP_BYTES } from '$lib/export/attachments-zip';
import { translator } from '$lib/i18n/translate';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const t = translator(locals.locale);
	const organisation = await organisationForMember(locals.supabase, params.id, locals.user!.id);
	if (!organisation) error(404, t('feeds.error.notMember'));
	// The page says so early; the database refuses the export itself to anyone but an owner (export_organisation).
	if (organisation.role !== 'owner') error(403, t('export.forbidden'));
	try {
		const summary = await exportSummary(locals.supabase, organisation.id);
		// In the order the zip takes them, so the page names exactly the files the zip leaves out.
		const plan = planAttachmentZip(summary.attachmentSizes.map((a) => ({ ...a, size_bytes: a.sizeBytes })));
		return {
			organisation,
			summary: { ...summary, attachmentSizes: undefined },
			tooLarge: plan.tooLarge.map(({ id, fileName, sizeBytes }) => ({ id, fileName, sizeBytes })),
			capBytes: ZIP_CAP_BYTES,
			loadError: null
		};
	} catch (e) {
		return { organisation, summary: null, tooLarge: [], capBytes: ZIP_CAP_BYTES, loadError: (e as Error).message };
	}
};
