/**
 * The contract between the composer (which produces a finished draft) and
 * filing (which turns it into one records_request per agency).
 */

/** A finished draft as the composer hands it to the filing panel. */
export interface ComposerDraft { id: string; organisationId: string; templateId: string; title: string; values: Record<string, unknown>; agencyIds: string[] }

/** What the agency directory knows about how to reach an agency's custodian. */
export interface AgencyChannel { id: string; name: string; abbreviation: string | null; regime: 'CORA' | 'CCJRA' | 'PAIRR2'; requestEmail: string | null; portalUrl: string | null; mailingAddress: string | null; phoneOrFax: string | null; receiptCutoff: string | null }
