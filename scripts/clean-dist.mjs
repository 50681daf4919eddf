// Empties dist/ before tsc writes it, so a file moved or deleted in src/ cannot survive as a
// stale build output that tests or benches still import (it hid a wrong path once).
import { rmSync } from 'node:fs';

rmSync(new URL('../dist/', import.meta.url), { recursive: true, force: true });
