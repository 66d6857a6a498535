/** The overlay's only stylesheet; it lives inside the shadow root. */
export const OVERLAY_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.vg { display: flex; flex-direction: column-reverse; align-items: flex-end; gap: 8px; font: 13px/1.45 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Microsoft YaHei", sans-serif; color: #1d2733; }
button, select, input, textarea { font: inherit; color: inherit; }
button { cursor: pointer; }
:focus-visible { outline: 2px solid #0b57d0; outline-offset: 2px; }
.launcher { display: flex; align-items: center; gap: 8px; padding: 8px 14px; border: 1px solid #0b57d0; border-radius: 999px; background: #fff; box-shadow: 0 2px 10px rgba(0,0,0,.2); max-width: 420px; }
.launcher .brand { font-weight: 600; color: #0b57d0; }
.pill { display: inline-block; padding: 1px 8px; border-radius: 999px; background: #eef2f7; font-size: 12px; }
.pill.in_review { background: #fff4d6; } .pill.verified { background: #dff5e3; } .pill.rejected { background: #fde2e1; } .pill.overdue { background: #fde2e1; }
.slot { display: contents; }
.panel { width: 400px; max-width: calc(100vw - 32px); max-height: calc(100vh - 96px); overflow: auto; background: #fff; border: 1px solid #c9d2dc; border-radius: 10px; box-shadow: 0 8px 30px rgba(0,0,0,.25); }
.panel header { display: flex; align-items: center; gap: 8px; padding: 10px 12px; border-bottom: 1px solid #e3e8ee; position: sticky; top: 0; background: #fff; }
.panel header h2 { flex: 1; margin: 0; font-size: 15px; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.lang { border: 0; margin: 0; padding: 0; display: flex; }
.lang button { border: 1px solid #c9d2dc; background: #fff; padding: 2px 8px; }
.lang button[aria-pressed="true"] { background: #0b57d0; color: #fff; border-color: #0b57d0; }
.close { border: 0; background: transparent; font-size: 18px; line-height: 1; padding: 2px 6px; }
section { padding: 10px 12px; border-bottom: 1px solid #eef2f7; }
section h3 { margin: 0 0 6px; font-size: 13px; }
.muted { color: #5b6b7c; font-size: 12px; }
.drift { background: #fff4d6; border-left: 4px solid #e0a100; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
.actions button, .primary { border: 1px solid #0b57d0; background: #fff; color: #0b57d0; border-radius: 6px; padding: 4px 10px; }
.primary { background: #0b57d0; color: #fff; }
.refusal, .blocker { color: #a3261d; }
.offer { background: #eef5ff; padding: 6px 8px; border-radius: 6px; margin-top: 6px; }
.q { display: block; margin: 6px 0; }
.q > span { display: block; font-weight: 500; }
.q select { width: 100%; }
fieldset { border: 0; margin: 6px 0; padding: 0; }
legend { font-weight: 500; padding: 0; }
.result { margin-top: 8px; padding: 8px; background: #f6f8fa; border-radius: 6px; }
.result ul { margin: 2px 0 6px; padding-left: 18px; }
.steps { border: 0; margin: 6px 0 0; padding: 0; }
.step { display: flex; gap: 8px; align-items: flex-start; padding: 5px 6px; border-radius: 6px; cursor: pointer; }
.step .box { flex: none; width: 16px; height: 16px; border: 1.5px solid #5b6b7c; border-radius: 3px; margin-top: 1px; display: inline-flex; align-items: center; justify-content: center; font-size: 12px; }
.step[aria-checked="true"] .box { background: #0b57d0; border-color: #0b57d0; color: #fff; }
.step[aria-checked="true"] .title { text-decoration: line-through; color: #5b6b7c; }
.step[aria-disabled="true"] { cursor: default; }
.step[aria-current="step"] { background: #eef5ff; outline: 1px solid #9bbcf2; }
.step .here { margin-left: auto; font-size: 11px; color: #0b57d0; white-space: nowrap; }
.step .detail { display: block; color: #5b6b7c; font-size: 12px; }
a { color: #0b57d0; }
`;
