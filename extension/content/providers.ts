import { commsease } from '../../shared/playbooks/commsease';
import type { Playbook } from '../../shared/playbooks/schema';
import { tencentcloudIntl } from '../../shared/playbooks/tencentcloud-intl';

/**
 * The providers the content script runs on. Imported one by one (not through the playbook
 * index) so the content script carries only these two playbooks.
 */
export const CONTENT_PLAYBOOKS: readonly Playbook[] = [tencentcloudIntl, commsease];

/** Match patterns of their consoles: the content script's `matches`, nothing wider. */
export const CONSOLE_MATCHES: string[] = CONTENT_PLAYBOOKS.flatMap((p) => p.consoleMatches);
