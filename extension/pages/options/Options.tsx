import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Me } from '../../../shared/api/members';
import type { UploadReport } from '../../../shared/messages';
import { type LocaleSetting, localeSetting } from '../../storage';
import { useLocale } from '../locale';
import { send, usePageState } from '../messaging';
import { fill, S } from '../strings';
import { SyncSummary } from '../sync-summary';

/** Plain http is accepted only for a server on this machine; the token must not cross a network in clear. */
export function checkApiUrl(value: string): URL | null {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1')) {
    return url;
  }
  return null;
}

/**
 * Options: the team API's URL and a token (checked with /me before it is kept, then shown only
 * as `vg_…last4`), the language, and local-only mode (no team: nothing leaves the browser).
 */
export function Options({ defaultApiUrl }: { defaultApiUrl: string }) {
  const [locale, L] = useLocale();
  const [state, refresh] = usePageState();
  const [apiUrl, setApiUrl] = useState(defaultApiUrl);
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [report, setReport] = useState<UploadReport | null>(null);
  const [setting, setSetting] = useState<LocaleSetting | null>(null);
  if (setting === null) void localeSetting.getValue().then(setSetting);

  const onConnect = async (e: Event) => {
    e.preventDefault();
    setError(null);
    setReport(null);
    const url = checkApiUrl(apiUrl);
    if (!url) return setError(L(S.httpsOnly));
    // Asked first, inside the click: the browser grants host permissions only to a user gesture.
    let granted = false;
    try {
      granted = await browser.permissions.request({ origins: [`${url.origin}/*`] });
    } catch (err) {
      return setError(`${L(S.permissionDenied)} (${String(err)})`);
    }
    if (!granted) return setError(L(S.permissionDenied));
    setBusy(true);
    const r = await send<{ me: Me; upload: UploadReport }>({
      type: 'team/connect',
      apiUrl: url.origin,
      token: token.trim(),
    });
    setBusy(false);
    if (!r.ok) return setError(`${r.error.code}: ${r.error.message}`);
    // The token is not kept on this page: the background has it now.
    setToken('');
    setReport(r.value.upload);
    refresh();
  };

  const onLocalOnly = async (checked: boolean) => {
    if (checked && state?.connection) {
      await send({ type: 'team/disconnect' });
      refresh();
    }
  };

  const conn = state?.connection ?? null;
  return (
    <main lang={locale === 'zh' ? 'zh-CN' : 'en'}>
      <h1>{L(S.optionsTitle)}</h1>

      <section aria-labelledby="team-h">
        <h2 id="team-h">{L(S.team)}</h2>
        <label>
          <input
            type="checkbox"
            data-testid="vg-local-only"
            checked={state !== null && conn === null}
            disabled={conn === null}
            onChange={(e) => void onLocalOnly(e.currentTarget.checked)}
          />{' '}
          {L(S.localOnly)}
        </label>
        <p class="muted">{L(S.localOnlyHelp)}</p>

        {conn && (
          <div data-testid="vg-connection">
            <p>
              {L(S.connectedAs)} <strong>{conn.me.member.name}</strong> ({conn.me.member.email},{' '}
              {L(S.roleLabel)}: <span data-testid="vg-role">{conn.me.member.role}</span>) —{' '}
              {conn.me.team.name}
            </p>
            <p>
              {L(S.apiUrl)}: <code>{conn.apiUrl}</code> · {L(S.token)}:{' '}
              <code data-testid="vg-token-hint">{conn.tokenHint}</code>
            </p>
          </div>
        )}

        <form onSubmit={onConnect} data-testid="vg-connect-form">
          <label>
            {L(S.apiUrl)}
            <input
              name="apiUrl"
              type="url"
              required
              placeholder="http://localhost:8787"
              value={apiUrl}
              onInput={(e) => setApiUrl(e.currentTarget.value)}
            />
          </label>
          <label>
            {L(S.token)}
            <input
              name="token"
              type="password"
              autocomplete="off"
              required
              value={token}
              onInput={(e) => setToken(e.currentTarget.value)}
            />
          </label>
          <button type="submit" disabled={busy}>
            {busy ? L(S.connecting) : L(S.connect)}
          </button>
        </form>
        {error && (
          <p role="alert" data-testid="vg-error">
            {error}
          </p>
        )}
        {report && (
          <p role="status" data-testid="vg-upload-report">
            {fill(L(S.uploaded), { ...report })}
          </p>
        )}
        {state && <SyncSummary state={state} L={L} />}
      </section>

      <section aria-labelledby="lang-h">
        <h2 id="lang-h">{L(S.language)}</h2>
        <select
          data-testid="vg-language"
          value={setting ?? 'auto'}
          onChange={(e) => {
            const next = e.currentTarget.value as LocaleSetting;
            setSetting(next);
            void localeSetting.setValue(next);
          }}
        >
          <option value="auto">{L(S.auto)}</option>
          <option value="en">English</option>
          <option value="zh">中文</option>
        </select>
      </section>
    </main>
  );
}
