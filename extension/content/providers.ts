import { commsease } from '../../shared/playbooks/commsease';
import type { Playbook } from '../../shared/playbooks/schema';
import { tencentcloudIntl } from '../../shared/playbooks/tencentcloud-intl';

/**
 * The providers the extension runs on, for the build (console-scripts.ts), tests and tools.
 * What runs on a console does not import this list: each provider's console has its own loader
 * and module (extension/entrypoints/<provider>-loader.ts, <provider>-console.ts) carrying only
 * its own playbook, and a test checks that every provider here has them.
 */
export const CONTENT_PLAYBOOKS: readonly Playbook[] = [tencentcloudIntl, commsease];
