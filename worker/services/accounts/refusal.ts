import type { Refusal } from '../../../shared/rules/status-machine';
import { explainRefusal } from '../../../shared/rules/status-machine';
import type { ServiceCtx } from '../../context';
import { InvalidTransitionError } from '../../errors';

/**
 * A status-machine refusal as 409 invalid_transition: the message in the caller's language
 * (Accept-Language), the refusal code, the date a lock ends and the provider's page in details.
 */
export const invalidTransition = (ctx: ServiceCtx, refusal: Refusal): InvalidTransitionError =>
  new InvalidTransitionError(explainRefusal(refusal, ctx.locale), {
    code: refusal.code,
    ...(refusal.until ? { until: refusal.until } : {}),
    ...(refusal.sourceUrl ? { sourceUrl: refusal.sourceUrl } : {}),
    message: refusal.message,
  });
