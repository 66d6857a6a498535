import * as z from 'zod/mini';
import './locale';

export const ROLES = ['owner', 'admin', 'editor', 'viewer'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

const Name = z.string().check(z.trim(), z.minLength(1), z.maxLength(200));

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
  member: z.pick(MemberSchema, { id: true, name: true, email: true, role: true }),
  team: TeamSchema,
});
export type Me = z.infer<typeof MeSchema>;

export const MemberListSchema = z.object({ items: z.array(MemberSchema) });

/** POST /members */
export const CreateMemberSchema = z.strictObject({
  name: Name,
  email: z.email().check(z.maxLength(320)),
  role: RoleSchema,
});
export type CreateMember = z.infer<typeof CreateMemberSchema>;

/** PATCH /members/:id */
export const PatchMemberSchema = z
  .strictObject({ name: z.optional(Name), role: z.optional(RoleSchema) })
  .check(z.refine((b) => b.name !== undefined || b.role !== undefined, 'nothing to change'));
export type PatchMember = z.infer<typeof PatchMemberSchema>;

/** POST /members/:id/tokens */
export const CreateTokenSchema = z.strictObject({
  name: z.optional(z.string().check(z.trim(), z.maxLength(200))),
});

/** The token itself is in this response only; the API keeps just its SHA-256. */
export const IssuedTokenSchema = z.object({
  id: z.string(),
  memberId: z.string(),
  name: z.nullable(z.string()),
  token: z.string(),
  createdAt: z.string(),
});
export type IssuedToken = z.infer<typeof IssuedTokenSchema>;

/** A token as GET /members/:id/tokens lists it: never the secret. */
export const TokenInfoSchema = z.object({
  id: z.string(),
  name: z.nullable(z.string()),
  createdAt: z.string(),
  lastUsedAt: z.nullable(z.string()),
  revokedAt: z.nullable(z.string()),
});
export type TokenInfo = z.infer<typeof TokenInfoSchema>;
export const TokenListSchema = z.object({ items: z.array(TokenInfoSchema) });
