import { z } from 'zod';
import { getPlaybook } from '../playbooks/index';
import { ProviderIdSchema } from '../playbooks/schema';
import { type Decision, type DecisionInput, decideWith } from './decide';

/**
 * The decision helper's input as a schema, for input from outside the code (the API, forms,
 * tests). Kept apart from decide.ts so the content script, which builds its input typed, does
 * not carry zod.
 */
export const DecisionInputSchema = z.strictObject({
  provider: ProviderIdSchema,
  /** Who owns the account's resources. */
  owner: z.enum(['individual', 'organization']),
  needsSpecialVatInvoice: z.boolean(),
  needsSmsPacks: z.boolean(),
  buysInMainland: z.boolean(),
  /** A document id from the provider's playbook; absent = not known yet. */
  document: z.string().optional(),
  hasMainlandBankCard: z.boolean().optional(),
  accountRegion: z.enum(['mainland', 'hk_macao_taiwan', 'international']).optional(),
});

// The schema and the plain type in decide.ts must describe the same input: either direction
// failing to assign is a type error here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameInput: Same<z.infer<typeof DecisionInputSchema>, DecisionInput> = true;
void sameInput;

/**
 * `decideWith` for unchecked input: validates it (unknown providers and extra keys are
 * refused, not guessed at) and reads the provider's playbook from the full set.
 */
export function decide(input: DecisionInput): Decision {
  const parsed = DecisionInputSchema.parse(input);
  return decideWith(getPlaybook(parsed.provider), parsed);
}
