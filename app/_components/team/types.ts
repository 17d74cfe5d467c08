/** One person with access to an organisation (the provider's staff, or a customer's portal users). */
export type TeamMember = {
  userId: string;
  name: string;
  email: string;
  role: string;
  twoFactorEnabled: boolean | null;
  joinedAt: Date;
};

/** An invitation that has been sent and neither accepted, withdrawn nor expired. */
export type PendingInvitation = {
  id: string;
  email: string;
  name: string | null;
  role: string;
  expiresAt: Date;
  createdAt: Date;
};
