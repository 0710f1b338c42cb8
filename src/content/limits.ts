/**
 * Limits of a capture payload. They mirror `capturePayload` in src/shared/protocol.ts, which this
 * script may not import as a value (it would pull zod into the content-script bundle); the tests
 * parse every payload with that schema, so a drift shows up there.
 */
export const MAX_TEXT = 2_000_000;
export const MAX_URL = 8_192;
export const MAX_TITLE = 2_000;
export const MAX_LINKS = 2_000;
export const MAX_LANG = 35;
