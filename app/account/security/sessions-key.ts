/** Query key of the signed-in user's session list; changing the password invalidates it too. */
export const SESSIONS_KEY = ["auth", "sessions"] as const;
