import { zValidator } from '@hono/zod-validator';
import type { ZodMiniType } from 'zod/mini';
import { ValidationError, zodIssues } from '../errors';

/** Body validation: a zod failure becomes 400 validation_failed with the field paths. */
export const json = <T extends ZodMiniType>(schema: T) =>
  zValidator('json', schema, (result) => {
    if (!result.success) throw new ValidationError(zodIssues(result.error));
  });

/** Query validation, same error shape. */
export const query = <T extends ZodMiniType>(schema: T) =>
  zValidator('query', schema, (result) => {
    if (!result.success) throw new ValidationError(zodIssues(result.error));
  });
