import { render } from 'preact';
import { browser } from 'wxt/browser';
import { Popup } from '../../pages/popup/Popup';

const root = document.getElementById('app');
// The active tab's id needs no `tabs` permission (only its URL would); the background knows
// which record that tab's overlay asked for. `?tab=` lets a test open the popup as a page.
const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
  const tabId = Number.isInteger(fromQuery) && fromQuery > 0 ? fromQuery : (tab?.id ?? null);
  if (root) render(<Popup tabId={tabId} />, root);
});
