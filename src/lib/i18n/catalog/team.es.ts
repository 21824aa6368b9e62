/** Spanish strings for the team screens; must have every key of team.en.ts. */
import type { teamEn } from './team.en';

export const teamEs: Record<keyof typeof teamEn, string> = {
	'team.title': 'Equipo'
};
