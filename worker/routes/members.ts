import { Hono } from 'hono/tiny';
import { CreateMemberSchema, CreateTokenSchema, PatchMemberSchema } from '../../shared/api/members';
import { ValidationError, zodIssues } from '../errors';
import { idempotency, jsonBody } from '../http/middleware';
import { json } from '../http/validate';
import { createMember } from '../services/members/create';
import { listMembers } from '../services/members/list';
import { me } from '../services/members/me';
import { updateMember } from '../services/members/update';
import { issueToken } from '../services/tokens/issue';
import { listTokens } from '../services/tokens/list';
import { revokeToken } from '../services/tokens/revoke';
import { type AppEnv, ctxOf } from './app-env';

export const meRoutes = new Hono<AppEnv>().get('/', async (c) =>
  c.json(await me({ ctx: ctxOf(c) }), 200),
);

export const membersRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json(await listMembers({ ctx: ctxOf(c) }), 200))
  .post('/', jsonBody(), idempotency, json(CreateMemberSchema), async (c) =>
    c.json(await createMember({ ctx: ctxOf(c), input: c.req.valid('json') }), 201),
  )
  .patch('/:id', jsonBody(), json(PatchMemberSchema), async (c) =>
    c.json(
      await updateMember({
        ctx: ctxOf(c),
        input: { id: c.req.param('id'), patch: c.req.valid('json') },
      }),
      200,
    ),
  )
  .get('/:id/tokens', async (c) =>
    c.json(await listTokens({ ctx: ctxOf(c), input: { memberId: c.req.param('id') } }), 200),
  )
  // The body is optional (`{"name": "laptop"}` labels the token), so it is parsed here.
  .post('/:id/tokens', jsonBody(true), idempotency, async (c) => {
    const text = await c.req.text();
    let body: unknown = {};
    if (text.trim() !== '') {
      try {
        body = JSON.parse(text);
      } catch {
        throw new ValidationError([{ path: '', message: 'Malformed JSON in request body' }]);
      }
    }
    const parsed = CreateTokenSchema.safeParse(body);
    if (!parsed.success) throw new ValidationError(zodIssues(parsed.error));
    return c.json(
      await issueToken({
        ctx: ctxOf(c),
        input: { memberId: c.req.param('id'), name: parsed.data.name },
      }),
      201,
    );
  });

export const tokensRoutes = new Hono<AppEnv>().delete('/:id', async (c) => {
  await revokeToken({ ctx: ctxOf(c), input: { id: c.req.param('id') } });
  return c.body(null, 204);
});
