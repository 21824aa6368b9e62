import { describe, expect, it } from 'vitest';
import { devMailboxEnabled } from './dev-mailbox';

describe('the dev mailbox and demo account exist', () => {
	it('in development', () => {
		expect(devMailboxEnabled({}, true)).toBe(true);
	});

	it('in a production build only with DISCLOSE_UNSAFE_DEV_MAILBOX=1', () => {
		expect(devMailboxEnabled({ DISCLOSE_UNSAFE_DEV_MAILBOX: '1' }, false)).toBe(true);
	});

	it('not in a production build otherwise, whatever else the variable says', () => {
		expect(devMailboxEnabled({}, false)).toBe(false);
		expect(devMailboxEnabled({ DISCLOSE_UNSAFE_DEV_MAILBOX: 'true' }, false)).toBe(false);
		expect(devMailboxEnabled({ DISCLOSE_UNSAFE_DEV_MAILBOX: '0' }, false)).toBe(false);
	});
});
