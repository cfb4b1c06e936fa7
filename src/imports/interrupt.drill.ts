import { describeInterruptedImports } from "./interrupt.fixture.ts";

describeInterruptedImports(30);
