/** Styles of the notice. They live inside its closed shadow root, out of the page's reach. */
export const NOTICE_CSS = `
.notice {
  box-sizing: border-box;
  display: flex;
  align-items: center;
  gap: 10px;
  max-width: min(360px, calc(100vw - 32px));
  padding: 10px 14px;
  border: 1px solid rgba(0, 0, 0, 0.12);
  border-radius: 10px;
  background: #ffffff;
  color: #1b1b1f;
  box-shadow: 0 6px 20px rgba(0, 0, 0, 0.18);
  font: 500 14px/1.4 system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', sans-serif;
  cursor: default;
  animation: engram-in 160ms ease-out;
}
.icon {
  flex: none;
  display: inline-flex;
  align-items: center;
  justify-content: center;
  width: 20px;
  height: 20px;
  border-radius: 50%;
  color: #ffffff;
  font-size: 12px;
  font-weight: 700;
}
.text { overflow-wrap: anywhere; }
.success .icon { background: #1a7f37; }
.info .icon { background: #0969da; }
.error { border-color: #cf222e; }
.error .icon { background: #cf222e; }
.error .text { color: #a40e26; }
@media (prefers-color-scheme: dark) {
  .notice { background: #24262b; color: #f0f0f3; border-color: rgba(255, 255, 255, 0.14); }
  .error { border-color: #ff8182; }
  .error .text { color: #ffaba8; }
}
@media (prefers-reduced-motion: reduce) {
  .notice { animation: none; }
}
@keyframes engram-in {
  from { opacity: 0; transform: translateY(6px); }
}
`;

/** Host styles, set through the CSSOM with `!important` (a page CSP cannot block these, and no page rule can beat them). */
export const HOST_STYLE: readonly (readonly [string, string])[] = [
  ['all', 'initial'],
  ['position', 'fixed'],
  ['right', '16px'],
  ['bottom', '16px'],
  ['z-index', '2147483647'],
  ['display', 'block'],
  ['pointer-events', 'auto'],
];
