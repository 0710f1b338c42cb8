/**
 * zod without code generation. By default zod probes once whether `new Function` works, to compile
 * faster object parsers; the extension's CSP (`script-src 'self'`, no eval) refuses it, and Chromium
 * reports every refusal as a `securitypolicyviolation` even though zod swallows the error. Jitless
 * skips the probe. Imported for its effect by the modules every context loads before any parse
 * (protocol.ts, settings.ts).
 */
import { z } from 'zod';

z.config({ jitless: true });
