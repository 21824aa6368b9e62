/** English strings for the team screens (keys prefixed `team.`). Spread into ../en.ts. */
export const teamEn = {
	'team.title': 'Team'
} as const;
