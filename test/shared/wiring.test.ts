import { describe, expect, it } from 'vitest';

describe('shared project', () => {
  it('runs in plain node without DOM globals', () => {
    expect(typeof (globalThis as { document?: unknown }).document).toBe('undefined');
  });
});
