/** Why a draft was not deleted (the form action's answer without JavaScript), as a message key. */
import type { MessageKey } from '$lib/i18n/translate';

/** missing: no such draft; refused: not its author nor an owner; filed: filed meanwhile; failed: any other error. */
export type DeletionProblem = 'missing' | 'refused' | 'filed' | 'failed';

const KEYS: Record<DeletionProblem, MessageKey> = {
	missing: 'drafts.deleteMissing',
	refused: 'drafts.deleteRefused',
	filed: 'drafts.deleteFiled',
	failed: 'drafts.deleteFailed'
};

export function deletionProblemKey(problem: DeletionProblem): MessageKey {
	return KEYS[problem];
}
