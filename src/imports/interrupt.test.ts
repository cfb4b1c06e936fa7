import { describeInterruptedImports } from "./interrupt.fixture.ts";

// The short version of interrupt.drill.ts.
describeInterruptedImports(3);
