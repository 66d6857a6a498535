import { commsease } from '../../shared/playbooks/commsease';
import type { Playbook } from '../../shared/playbooks/schema';
import { tencentcloudIntl } from '../../shared/playbooks/tencentcloud-intl';

/**
 * The providers the extension runs on, for tests and tools. The content scripts do not import
 * this list: each provider's console has its own entrypoint
 * (extension/entrypoints/<provider>.content) carrying only its own playbook, and a test checks
 * that every provider here has one whose `matches` are its `consoleMatches`.
 */
export const CONTENT_PLAYBOOKS: readonly Playbook[] = [tencentcloudIntl, commsease];
