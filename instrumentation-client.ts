/**
 * Runs in the browser before any page code. Zod probes once whether it may compile parsers with `new Function`;
 * under Gloss's Content-Security-Policy (no 'unsafe-eval' in production) the browser refuses the probe and reports
 * a CSP violation, although zod copes. Parsing without compiling is plenty fast for our forms.
 */
import { config } from "zod/v4/core";

config({ jitless: true });
