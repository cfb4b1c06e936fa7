#!/usr/bin/env node
// Salur runs its TypeScript sources directly through tsx: there is no build step to forget on a dinas laptop.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
