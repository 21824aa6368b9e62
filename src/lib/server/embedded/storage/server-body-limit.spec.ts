import { describe, expect, it } from 'vitest';
import { bodySizeLimitWarning } from './server-body-limit';

const attachments = [{ id: 'attachments', fileSizeLimit: 25 * 1024 * 1024 }];

describe('the start-up warning about BODY_SIZE_LIMIT and bucket limits', () => {
	it("warns when BODY_SIZE_LIMIT is unset (adapter-node's 512K) and a bucket takes 25 MB", () => {
		expect(bodySizeLimitWarning(undefined, attachments)).toBe(
			`BODY_SIZE_LIMIT is 512K (adapter-node's default) but bucket "attachments" takes files up to 25.0 MB: ` +
				'uploads over the limit are refused with 413 before they reach storage. Set BODY_SIZE_LIMIT=27M or more (npm start sets 52M).'
		);
	});

	it('warns when the limit is set but too small, naming the largest bucket', () => {
		const warning = bodySizeLimitWarning('10M', [{ id: 'small', fileSizeLimit: 1024 }, ...attachments]);
		expect(warning).toMatch(/^BODY_SIZE_LIMIT is 10M but bucket "attachments"/);
	});

	it('says nothing when the limit leaves room for the largest object and its multipart wrapping', () => {
		expect(bodySizeLimitWarning('52M', attachments)).toBeNull();
		expect(bodySizeLimitWarning('26M', attachments)).toBeNull();
		expect(bodySizeLimitWarning('Infinity', attachments)).toBeNull();
		expect(bodySizeLimitWarning('25M', attachments)).not.toBeNull();
	});

	it('counts a bucket without file_size_limit at the global 50 MB cap', () => {
		expect(bodySizeLimitWarning('52M', [{ id: 'open', fileSizeLimit: null }])).toBeNull();
		expect(bodySizeLimitWarning('50M', [{ id: 'open', fileSizeLimit: null }])).toMatch(/"open" takes files up to 50.0 MB/);
	});

	it('says nothing without buckets, or for a value adapter-node itself refuses', () => {
		expect(bodySizeLimitWarning(undefined, [])).toBeNull();
		expect(bodySizeLimitWarning('lots', attachments)).toBeNull();
	});
});
