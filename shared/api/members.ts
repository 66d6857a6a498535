// A namespace import lets the bundler drop what is unused (`import { z }` keeps all of zod,
// locales included, in the worker bundle).
import * as z from 'zod';

export const ROLES = ['owner', 'admin', 'editor', 'viewer'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

const Name = z.string().trim().min(1).max(200);

export const MemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: RoleSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Member = z.infer<typeof MemberSchema>;

export const TeamSchema = z.object({ id: z.string(), name: z.string() });

/** GET /me */
export const MeSchema = z.object({
  member: MemberSchema.pick({ id: true, name: true, email: true, role: true }),
  team: TeamSchema,
});
export type Me = z.infer<typeof MeSchema>;

export const MemberListSchema = z.object({ items: z.array(MemberSchema) });

/** POST /members */
export const CreateMemberSchema = z.strictObject({
  name: Name,
  email: z.email().max(320),
  role: RoleSchema,
});
export type CreateMember = z.infer<typeof CreateMemberSchema>;

/** PATCH /members/:id */
export const PatchMemberSchema = z
  .strictObject({ name: Name.optional(), role: RoleSchema.optional() })
  .refine((b) => b.name !== undefined || b.role !== undefined, 'nothing to change');
export type PatchMember = z.infer<typeof PatchMemberSchema>;

/** POST /members/:id/tokens */
export const CreateTokenSchema = z.strictObject({ name: z.string().trim().max(200).optional() });

/** The token itself is in this response only; the API keeps just its SHA-256. */
export const IssuedTokenSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  name: z.string().nullable(),
  token: z.string(),
  createdAt: z.string(),
});
export type IssuedToken = z.infer<typeof IssuedTokenSchema>;

/** A token as GET /members/:id/tokens lists it: never the secret. */
export const TokenInfoSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TokenInfo = z.infer<typeof TokenInfoSchema>;
export const TokenListSchema = z.object({ items: z.array(TokenInfoSchema) });
