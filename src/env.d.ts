/** Build-time constants, set by vite.config.ts. */
declare const __ENGRAM_FIXTURE_MODELS__: boolean;
declare const __ENGRAM_VERSION__: string;
