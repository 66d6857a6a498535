import { render } from 'preact';
import { Options } from '../../pages/options/Options';

const root = document.getElementById('app');
// A local `npm start` build points at the local API; any other build starts empty.
if (root) render(<Options defaultApiUrl={import.meta.env.WXT_API_URL ?? ''} />, root);
