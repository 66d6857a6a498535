import { defineBackground } from 'wxt/utils/define-background';
import { realDeps } from '../background/context';
import { startBackground } from '../background/index';

export default defineBackground({
  type: 'module',
  main() {
    startBackground(realDeps);
  },
});
