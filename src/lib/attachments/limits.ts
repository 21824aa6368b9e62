/**
 * The `attachments` bucket's limits, mirrored from
 * supabase/migrations/20261125100700_attachments.sql (bucket row and
 * private.attachment_mime_types()). The device checks files against these
 * before queueing them; the bucket and the table check again on the server.
 * tests/integration/attachments/limits.spec.ts fails when the two drift apart.
 */
export const ATTACHMENTS_BUCKET = 'attachments';

/** 25 MiB: `storage.buckets.file_size_limit` and the table's `size_bytes` check. */
export const ATTACHMENT_SIZE_LIMIT_BYTES = 26_214_400;

/** `storage.buckets.allowed_mime_types`, in the migration's order. */
export const ATTACHMENT_MIME_TYPES = [
	'application/pdf',
	'image/jpeg',
	'image/png',
	'image/gif',
	'image/webp',
	'image/heic',
	'image/tiff',
	'text/plain',
	'text/csv',
	'message/rfc822',
	'application/vnd.ms-outlook',
	'application/rtf',
	'application/msword',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	'application/vnd.ms-excel',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	'application/vnd.ms-powerpoint',
	'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	'application/vnd.oasis.opendocument.text',
	'application/vnd.oasis.opendocument.spreadsheet'
] as const;

export type AttachmentMimeType = (typeof ATTACHMENT_MIME_TYPES)[number];

/** File-name endings people recognise, for the help text and for files the browser gives no type. */
export const EXTENSION_MIME_TYPES: Readonly<Record<string, AttachmentMimeType>> = {
	pdf: 'application/pdf',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	png: 'image/png',
	gif: 'image/gif',
	webp: 'image/webp',
	heic: 'image/heic',
	tif: 'image/tiff',
	tiff: 'image/tiff',
	txt: 'text/plain',
	csv: 'text/csv',
	eml: 'message/rfc822',
	msg: 'application/vnd.ms-outlook',
	rtf: 'application/rtf',
	doc: 'application/msword',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xls: 'application/vnd.ms-excel',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	ppt: 'application/vnd.ms-powerpoint',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	odt: 'application/vnd.oasis.opendocument.text',
	ods: 'application/vnd.oasis.opendocument.spreadsheet'
};

/** The file input's `accept`: the camera and photo library first, then every allowed type and ending. */
export const ATTACHMENT_ACCEPT = [
	'image/*',
	...ATTACHMENT_MIME_TYPES,
	...Object.keys(EXTENSION_MIME_TYPES).map((extension) => `.${extension}`)
].join(',');
