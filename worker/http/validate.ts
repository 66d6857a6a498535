import { zValidator } from '@hono/zod-validator';
import type { ZodType } from 'zod';
import { ValidationError, zodIssues } from '../errors';

/** Body validation: a zod failure becomes 400 validation_failed with the field paths. */
export const json = <T extends ZodType>(schema: T) =>
  zValidator('json', schema, (result) => {
    if (!result.success) throw new ValidationError(zodIssues(result.error));
  });

/** Query validation, same error shape. */
export const query = <T extends ZodType>(schema: T) =>
  zValidator('query', schema, (result) => {
    if (!result.success) throw new ValidationError(zodIssues(result.error));
  });
