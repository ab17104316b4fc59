// The task pane's component tests run in jsdom, which lacks what Fluent and the .xlsx reader use:
// - ResizeObserver: Fluent's MessageBar measures its reflow with it (microsoft/fluentui#30077);
// - TextEncoder/TextDecoder: the .xlsx reader decodes XML with them;
// - matchMedia: asked by the pane's theme choice;
// - structuredClone: used by the tests' in-memory workbooks.
// And jest-axe's toHaveNoViolations matcher.
import { TextDecoder, TextEncoder } from "node:util";
import { deserialize, serialize } from "node:v8";
import { toHaveNoViolations } from "jest-axe";

expect.extend(toHaveNoViolations);

class ResizeObserverStub {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}

const g = globalThis as Record<string, unknown>;
g.ResizeObserver ??= ResizeObserverStub;
g.TextEncoder ??= TextEncoder;
g.TextDecoder ??= TextDecoder;
g.structuredClone ??= <T,>(value: T): T => deserialize(serialize(value)) as T;
if (typeof window !== "undefined" && typeof window.matchMedia !== "function") {
  window.matchMedia = (query: string) =>
    ({ matches: false, media: query, onchange: null, addListener() {}, removeListener() {}, addEventListener() {}, removeEventListener() {}, dispatchEvent: () => false }) as MediaQueryList;
}
