import { render } from 'preact';
import { Dashboard } from '../../pages/dashboard/Dashboard';

const root = document.getElementById('app');
if (root) render(<Dashboard />, root);
