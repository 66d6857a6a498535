/**
 * API tokens: `vg_` + base64url of 32 random bytes (256 bits), recognisable in logs and
 * secret scanners by the prefix. Only the SHA-256 (hex) is stored.
 */
export const TOKEN_PATTERN = /^vg_[A-Za-z0-9_-]{43}$/;

const base64url = (bytes: Uint8Array): string =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

export const newToken = (): string => {
  const bytes = new Uint8Array(32);
  crypto.getRandomValues(bytes);
  return `vg_${base64url(bytes)}`;
};

export const sha256Hex = async (text: string): Promise<string> => {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
};
