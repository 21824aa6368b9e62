/** The demo account that supabase/seed-demo.sql creates, in the embedded default only. */
export const DEMO_ACCOUNT = { email: 'demo@disclose.test', password: 'disclose-demo' } as const;
